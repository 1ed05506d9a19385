/** The profile's SQL (the only place it is written). Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";

export interface ProfileVersionRow {
  id: string;
  version: number;
  contentHash: string;
  createdAt: Date;
  createdBy: string;
  createdByName: string | null;
  isCurrent: boolean;
}

export interface ProfileVersionWithData extends ProfileVersionRow {
  /** The stored profile (PERSISTED SHAPE: see migrations/20261122110000_profiles.sql). */
  data: Record<string, unknown>;
}

const COLUMNS = `p.id, p.version, p.content_hash AS "contentHash", p.created_at AS "createdAt",
  p.created_by AS "createdBy", u.display_name AS "createdByName", p.is_current AS "isCurrent"`;
const FROM = "profile_versions p LEFT JOIN users u ON u.id = p.created_by";

/**
 * Locks the organization's row until the transaction ends, so saves and publishes of one
 * organization run one after another (version numbers stay gapless and `is_current` moves once).
 * NO KEY UPDATE leaves inserts that merely reference the organization unblocked. False when the
 * organization does not exist.
 */
export async function lockOrganization(tx: Transaction, organizationId: string): Promise<boolean> {
  const { rows } = await tx.query("SELECT id FROM organizations WHERE id = $1 FOR NO KEY UPDATE", [
    organizationId,
  ]);
  return rows.length === 1;
}

/** The organization's current profile version, or null before the first one. */
export async function findCurrentProfile(
  q: Queryable,
  organizationId: string,
): Promise<ProfileVersionWithData | null> {
  const { rows } = await q.query<ProfileVersionWithData>(
    `SELECT ${COLUMNS}, p.data FROM ${FROM} WHERE p.organization_id = $1 AND p.is_current`,
    [organizationId],
  );
  return rows[0] ?? null;
}

/** Every version of the organization's profile without the documents, newest first. */
export async function listProfileVersions(
  q: Queryable,
  organizationId: string,
): Promise<ProfileVersionRow[]> {
  const { rows } = await q.query<ProfileVersionRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE p.organization_id = $1 ORDER BY p.version DESC`,
    [organizationId],
  );
  return rows;
}

export interface NewProfileVersion {
  organizationId: string;
  /** JSON text of the validated profile. */
  data: string;
  contentHash: string;
  createdAt: Date;
  createdBy: string;
}

/**
 * Stores the next version and makes it the current one. Call with the organization locked
 * (`lockOrganization`), so two saves cannot take the same version number.
 */
export async function insertProfileVersion(
  tx: Transaction,
  v: NewProfileVersion,
): Promise<ProfileVersionWithData> {
  await tx.query("UPDATE profile_versions SET is_current = false WHERE organization_id = $1 AND is_current", [
    v.organizationId,
  ]);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO profile_versions (organization_id, version, data, content_hash, created_at, created_by, is_current)
     SELECT $1, COALESCE(max(version), 0) + 1, $2::jsonb, $3, $4, $5, true
       FROM profile_versions WHERE organization_id = $1
     RETURNING id`,
    [v.organizationId, v.data, v.contentHash, v.createdAt, v.createdBy],
  );
  const stored = await findCurrentProfile(tx, v.organizationId);
  if (stored?.id !== rows[0]!.id) throw new Error("insertProfileVersion: the new version is not current");
  return stored;
}
