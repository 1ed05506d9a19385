/** The SQL of memberships and invitations. Every query is scoped to one organization unless named `unsafe...`. */
import type { Role } from "../../auth/permissions.ts";
import type { Queryable, Transaction } from "../../db/index.ts";

export interface MemberRow {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  mfaEnrolled: boolean;
  lastSignedInAt: Date | null;
}

const MEMBERS = `SELECT u.id, u.email, u.display_name AS "displayName", array_agg(m.role) AS roles,
    u.totp_enabled_at IS NOT NULL AS "mfaEnrolled",
    (SELECT max(s.created_at) FROM sessions s WHERE s.user_id = u.id AND s.organization_id = m.organization_id) AS "lastSignedInAt"
  FROM memberships m JOIN users u ON u.id = m.user_id
  WHERE m.organization_id = $1`;

export async function listMembers(q: Queryable, organizationId: string): Promise<MemberRow[]> {
  const { rows } = await q.query<MemberRow>(
    `${MEMBERS} GROUP BY u.id, m.organization_id ORDER BY lower(u.display_name), u.email`,
    [organizationId],
  );
  return rows;
}

/** One member of the organization, or null when the user is not a member of it (or does not exist). */
export async function findMember(
  q: Queryable,
  organizationId: string,
  userId: string,
): Promise<MemberRow | null> {
  const { rows } = await q.query<MemberRow>(`${MEMBERS} AND u.id = $2 GROUP BY u.id, m.organization_id`, [
    organizationId,
    userId,
  ]);
  return rows[0] ?? null;
}

/**
 * Locks the organization row until the transaction ends: membership changes of one organization
 * queue, so two concurrent demotions cannot both see "another owner remains".
 */
export async function lockOrganization(tx: Transaction, organizationId: string): Promise<void> {
  await tx.query("SELECT id FROM organizations WHERE id = $1 FOR NO KEY UPDATE", [organizationId]);
}

export async function countOwners(q: Queryable, organizationId: string): Promise<number> {
  const { rows } = await q.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM memberships WHERE organization_id = $1 AND role = 'owner'",
    [organizationId],
  );
  return rows[0]!.count;
}

export async function addRoles(
  tx: Transaction,
  organizationId: string,
  userId: string,
  roles: readonly Role[],
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO memberships (organization_id, user_id, role, created_at)
     SELECT $1, $2, role, $4 FROM unnest($3::text[]) AS role ON CONFLICT DO NOTHING`,
    [organizationId, userId, roles, now],
  );
}

/** Removes the roles not in `keep` (all of them when `keep` is empty). */
export async function removeRolesExcept(
  tx: Transaction,
  organizationId: string,
  userId: string,
  keep: readonly Role[],
): Promise<void> {
  await tx.query(
    "DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2 AND NOT (role = ANY($3::text[]))",
    [organizationId, userId, keep],
  );
}

/** Ends the user's open sessions in this organization; returns how many. */
export async function endSessionsIn(
  tx: Transaction,
  organizationId: string,
  userId: string,
  now: Date,
): Promise<number> {
  const { rowCount } = await tx.query(
    "UPDATE sessions SET ended_at = $3 WHERE organization_id = $1 AND user_id = $2 AND ended_at IS NULL",
    [organizationId, userId, now],
  );
  return rowCount;
}

export async function organizationName(
  q: Queryable,
  organizationId: string,
): Promise<{ slug: string; name: string }> {
  const { rows } = await q.query<{ slug: string; name: string }>(
    "SELECT slug, name FROM organizations WHERE id = $1",
    [organizationId],
  );
  return rows[0]!;
}
