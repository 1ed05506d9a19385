/** Policy versions' SQL (the only place it is written). Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { RenderedPolicy } from "../../templates/model.ts";
import type { PolicyCounts, StoredPolicySet } from "./policies.model.ts";

export interface PolicyVersionRow {
  id: string;
  version: number;
  contentHash: string;
  publishedAt: Date;
  publishedBy: string;
  publishedByName: string | null;
  isCurrent: boolean;
  profileVersionId: string;
  profileVersion: number;
  documentVersion: string;
  effectiveDate: string;
}

const COLUMNS = `v.id, v.version, v.content_hash AS "contentHash", v.published_at AS "publishedAt",
  v.published_by AS "publishedBy", u.display_name AS "publishedByName", v.is_current AS "isCurrent",
  v.profile_version_id AS "profileVersionId", pv.version AS "profileVersion",
  v.document_version AS "documentVersion", v.effective_date AS "effectiveDate"`;
const FROM = `policy_versions v
  JOIN profile_versions pv ON pv.organization_id = v.organization_id AND pv.id = v.profile_version_id
  LEFT JOIN users u ON u.id = v.published_by`;

/** The organization's current policy version (without its documents), or null before the first publish. */
export async function findCurrentPolicyVersion(
  q: Queryable,
  organizationId: string,
): Promise<PolicyVersionRow | null> {
  const { rows } = await q.query<PolicyVersionRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE v.organization_id = $1 AND v.is_current`,
    [organizationId],
  );
  return rows[0] ?? null;
}

export interface PolicySummaryRow {
  id: string;
  number: number;
  title: string;
  summary: string;
}

/**
 * The current version, the reader's acknowledgment of it and its policy summaries in one statement:
 * one statement sees one snapshot, so the three agree even while a publish commits, and the list every
 * member opens costs one round trip instead of a transaction of three queries. `summaries` is
 * returned as stored: the generated column keeps the rendered order, which is number order.
 */
export async function findCurrentPoliciesForReader(
  q: Queryable,
  organizationId: string,
  userId: string,
): Promise<{ version: PolicyVersionRow; acknowledgedAt: Date | null; policies: PolicySummaryRow[] } | null> {
  const { rows } = await q.query<
    PolicyVersionRow & { acknowledgedAt: Date | null; policies: PolicySummaryRow[] }
  >(
    `SELECT ${COLUMNS},
            (SELECT a.acknowledged_at FROM acknowledgments a
              WHERE a.organization_id = v.organization_id AND a.user_id = $2 AND a.policy_version_id = v.id) AS "acknowledgedAt",
            v.summaries AS policies
       FROM ${FROM} WHERE v.organization_id = $1 AND v.is_current`,
    [organizationId, userId],
  );
  const row = rows[0];
  if (!row) return null;
  const { acknowledgedAt, policies, ...version } = row;
  return { version, acknowledgedAt, policies };
}

/** The current version's policies in order, without their text. */
export async function listCurrentPolicySummaries(
  q: Queryable,
  organizationId: string,
): Promise<PolicySummaryRow[]> {
  const { rows } = await q.query<PolicySummaryRow>(
    `SELECT p->>'id' AS id, (p->>'number')::int AS number, p->>'title' AS title, p->>'summary' AS summary
       FROM policy_versions v, jsonb_array_elements(v.summaries) p
      WHERE v.organization_id = $1 AND v.is_current
      ORDER BY 2`,
    [organizationId],
  );
  return rows;
}

/** One policy of the current version as rendered, or null when the current version has no such policy. */
export async function findCurrentPolicy(
  q: Queryable,
  organizationId: string,
  policyId: string,
): Promise<RenderedPolicy | null> {
  const { rows } = await q.query<{ policy: RenderedPolicy }>(
    `SELECT p AS policy FROM policy_versions v, jsonb_array_elements(v.rendered->'policies') p
      WHERE v.organization_id = $1 AND v.is_current AND p->>'id' = $2`,
    [organizationId, policyId],
  );
  return rows[0]?.policy ?? null;
}

/** Every policy version, newest first, with what each holds. */
export async function listPolicyVersions(
  q: Queryable,
  organizationId: string,
): Promise<(PolicyVersionRow & { counts: PolicyCounts })[]> {
  const { rows } = await q.query<PolicyVersionRow & { counts: PolicyCounts }>(
    `SELECT ${COLUMNS},
            (SELECT jsonb_build_object('policies', count(*),
                                       'sections', COALESCE(sum(jsonb_array_length(p->'sections')), 0),
                                       'commitments', COALESCE(sum(jsonb_array_length(p->'commitments')), 0))
               FROM jsonb_array_elements(v.rendered->'policies') p) AS counts
       FROM ${FROM} WHERE v.organization_id = $1 ORDER BY v.version DESC`,
    [organizationId],
  );
  return rows;
}

/**
 * The version in effect at the end of `date` (YYYY-MM-DD) in the time zone `timeZone`: the last
 * one published before the next day began there. Null when none had been published yet.
 */
export async function versionInEffect(
  q: Queryable,
  organizationId: string,
  date: string,
  timeZone: string,
): Promise<number | null> {
  const { rows } = await q.query<{ version: number }>(
    `SELECT version FROM policy_versions
      WHERE organization_id = $1 AND published_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
      ORDER BY published_at DESC, version DESC LIMIT 1`,
    [organizationId, date, timeZone],
  );
  return rows[0]?.version ?? null;
}

/** One version (without its documents), or null when the organization has no such version. */
export async function findPolicyVersion(
  q: Queryable,
  organizationId: string,
  versionId: string,
): Promise<PolicyVersionRow | null> {
  const { rows } = await q.query<PolicyVersionRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE v.organization_id = $1 AND v.id = $2`,
    [organizationId, versionId],
  );
  return rows[0] ?? null;
}

/**
 * The version whose documents were in effect on `date` (YYYY-MM-DD): among published versions,
 * the one with the latest effective date on or before it (the later version when two share a
 * date). Null when no version's effective date had come yet. A version published with a future
 * effective date is current (to acknowledge) before it is in effect.
 */
export async function policyVersionEffectiveOn(
  q: Queryable,
  organizationId: string,
  date: string,
): Promise<PolicyVersionRow | null> {
  const { rows } = await q.query<PolicyVersionRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE v.organization_id = $1 AND v.effective_date <= $2
      ORDER BY v.effective_date DESC, v.version DESC LIMIT 1`,
    [organizationId, date],
  );
  return rows[0] ?? null;
}

/** A version's policies in order, without their text. */
export async function listPolicySummariesOf(
  q: Queryable,
  organizationId: string,
  versionId: string,
): Promise<PolicySummaryRow[]> {
  const { rows } = await q.query<PolicySummaryRow>(
    `SELECT p->>'id' AS id, (p->>'number')::int AS number, p->>'title' AS title, p->>'summary' AS summary
       FROM policy_versions v, jsonb_array_elements(v.summaries) p
      WHERE v.organization_id = $1 AND v.id = $2
      ORDER BY 2`,
    [organizationId, versionId],
  );
  return rows;
}

/** One policy of a version as rendered, or null when that version has no such policy. */
export async function findPolicyOf(
  q: Queryable,
  organizationId: string,
  versionId: string,
  policyId: string,
): Promise<RenderedPolicy | null> {
  const { rows } = await q.query<{ policy: RenderedPolicy }>(
    `SELECT p AS policy FROM policy_versions v, jsonb_array_elements(v.rendered->'policies') p
      WHERE v.organization_id = $1 AND v.id = $2 AND p->>'id' = $3`,
    [organizationId, versionId, policyId],
  );
  return rows[0]?.policy ?? null;
}

/** A version's whole stored set (about 350 KB): for diffs, not for requests that need a part. */
export async function findStoredSet(
  q: Queryable,
  organizationId: string,
  versionId: string,
): Promise<StoredPolicySet | null> {
  const { rows } = await q.query<{ rendered: StoredPolicySet }>(
    "SELECT rendered FROM policy_versions WHERE organization_id = $1 AND id = $2",
    [organizationId, versionId],
  );
  return rows[0]?.rendered ?? null;
}

/** The time zone the organization counts days in (its current profile's), UTC before it has one. */
export async function organizationTimeZone(q: Queryable, organizationId: string): Promise<string> {
  const { rows } = await q.query<{ timeZone: string | null }>(
    `SELECT data->'organization'->>'timeZone' AS "timeZone" FROM profile_versions
      WHERE organization_id = $1 AND is_current`,
    [organizationId],
  );
  return rows[0]?.timeZone ?? "UTC";
}

export interface NewPolicyVersion {
  organizationId: string;
  profileVersionId: string;
  contentHash: string;
  publishedAt: Date;
  publishedBy: string;
  /** JSON text of a StoredPolicySet. */
  rendered: string;
}

/**
 * Stores the next version and makes it current. Call with the organization locked
 * (`lockOrganization`), so two publishes cannot take the same version number.
 */
export async function insertPolicyVersion(tx: Transaction, v: NewPolicyVersion): Promise<PolicyVersionRow> {
  await tx.query("UPDATE policy_versions SET is_current = false WHERE organization_id = $1 AND is_current", [
    v.organizationId,
  ]);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO policy_versions (organization_id, profile_version_id, version, content_hash, published_at,
                                  published_by, is_current, rendered)
     SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4, $5, true, $6::jsonb
       FROM policy_versions WHERE organization_id = $1
     RETURNING id`,
    [v.organizationId, v.profileVersionId, v.contentHash, v.publishedAt, v.publishedBy, v.rendered],
  );
  const stored = await findCurrentPolicyVersion(tx, v.organizationId);
  if (stored?.id !== rows[0]!.id) throw new Error("insertPolicyVersion: the new version is not current");
  return stored;
}
