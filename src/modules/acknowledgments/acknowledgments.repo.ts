/** Acknowledgments' SQL (the only place it is written). Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { Role } from "../../auth/permissions.ts";

export interface CurrentVersionForAcknowledgment {
  id: string;
  version: number;
  contentHash: string;
  /** The ids of the version's policies, in order. */
  policyIds: string[];
}

/**
 * The current policy version, share-locked until the transaction ends: a publish waits to move
 * `is_current` until this acknowledgment commits, so nobody acknowledges a version as it is replaced.
 */
export async function lockCurrentPolicyVersion(
  tx: Transaction,
  organizationId: string,
): Promise<CurrentVersionForAcknowledgment | null> {
  const { rows } = await tx.query<CurrentVersionForAcknowledgment>(
    `SELECT id, version, content_hash AS "contentHash",
            ARRAY(SELECT p->>'id' FROM jsonb_array_elements(rendered->'policies') WITH ORDINALITY AS e(p, n)
                  ORDER BY n) AS "policyIds"
       FROM policy_versions WHERE organization_id = $1 AND is_current FOR SHARE`,
    [organizationId],
  );
  return rows[0] ?? null;
}

/** Records an acknowledgment; null when this user had already acknowledged this version. */
export async function insertAcknowledgment(
  tx: Transaction,
  a: { organizationId: string; userId: string; policyVersionId: string; contentHash: string; at: Date },
): Promise<Date | null> {
  const { rows } = await tx.query<{ acknowledgedAt: Date }>(
    `INSERT INTO acknowledgments (organization_id, user_id, policy_version_id, content_hash, acknowledged_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id, policy_version_id) DO NOTHING
     RETURNING acknowledged_at AS "acknowledgedAt"`,
    [a.organizationId, a.userId, a.policyVersionId, a.contentHash, a.at],
  );
  return rows[0]?.acknowledgedAt ?? null;
}

/** When the user acknowledged the version, or null. */
export async function findAcknowledgment(
  q: Queryable,
  organizationId: string,
  userId: string,
  policyVersionId: string,
): Promise<Date | null> {
  const { rows } = await q.query<{ acknowledgedAt: Date }>(
    `SELECT acknowledged_at AS "acknowledgedAt" FROM acknowledgments
      WHERE organization_id = $1 AND user_id = $2 AND policy_version_id = $3`,
    [organizationId, userId, policyVersionId],
  );
  return rows[0]?.acknowledgedAt ?? null;
}

export interface MemberAcknowledgmentRow {
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
  acknowledgedAt: Date | null;
}

/**
 * Every member of the organization with their acknowledgment of the version (null: none, or no
 * version). The acknowledgment is one exact index lookup per member, a plan that needs no table
 * statistics: PGlite never collects any, and there a join planned without them compared every
 * member with every acknowledgment (bench/server.ts, 1,000 members: 60-120 ms a request).
 */
export async function listMemberAcknowledgments(
  q: Queryable,
  organizationId: string,
  policyVersionId: string | null,
): Promise<MemberAcknowledgmentRow[]> {
  const { rows } = await q.query<MemberAcknowledgmentRow>(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.email,
            array_agg(m.role ORDER BY m.role) AS roles,
            (SELECT a.acknowledged_at FROM acknowledgments a
              WHERE a.user_id = u.id AND a.policy_version_id = $2 AND a.organization_id = $1) AS "acknowledgedAt"
       FROM memberships m
       JOIN users u ON u.id = m.user_id
      WHERE m.organization_id = $1
      GROUP BY u.id
      ORDER BY lower(u.display_name), u.email`,
    [organizationId, policyVersionId],
  );
  return rows;
}
