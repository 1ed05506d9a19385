/** Acknowledgments' SQL (the only place it is written). Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { Role } from "../../auth/permissions.ts";
import type { MemberFilter, Page } from "../members/members.repo.ts";

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
 * version), for work that needs everyone at once (announcing a new version); the list officers
 * read is paged by `pageMemberAcknowledgments`. The acknowledgment is one exact index lookup per member, a plan that needs no table
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

export interface AcknowledgmentFilter extends MemberFilter {
  /** The current version; null before the first publish (nobody has acknowledged anything). */
  policyVersionId: string | null;
  /** Members holding at least one of these roles are asked to acknowledge; the others are left out. */
  askedRoles: readonly Role[];
  status: "all" | "acknowledged" | "missing";
}

export interface AcknowledgmentPage extends Page<MemberAcknowledgmentRow> {
  /** Over every member asked, whatever the status, pattern and page. */
  counts: { members: number; acknowledged: number };
}

type PageRow = { members: number; acknowledged: number; total: number } & (
  MemberAcknowledgmentRow | { [K in keyof MemberAcknowledgmentRow]: null }
);

/**
 * One page of the members asked to acknowledge, in name order (ties by id), that match the status
 * and pattern, with the counts over everyone asked and how many match, in one query. Plans that
 * need no table statistics (PGlite has none; a join of members and acknowledgments planned
 * without them compared every member with every acknowledgment):
 *
 * - the members are a semi-join of users on memberships (`u.id IN (...)`; `= ANY(ARRAY(...))` made
 *   PostgreSQL search an array of every member for each user), and
 *   the acknowledgments counted with one search of their index;
 * - the page walks the matching members in name order and looks up each one's acknowledgment
 *   exactly, stopping once the page is full (`OFFSET 0` keeps both subqueries as written, so the
 *   lookup is not turned into a join and the walk stays in order);
 * - without a pattern the number matching follows from the counts; with one, only the members
 *   whose name or email matches are looked up.
 */
export async function pageMemberAcknowledgments(
  q: Queryable,
  organizationId: string,
  filter: AcknowledgmentFilter,
): Promise<AcknowledgmentPage> {
  const { rows } = await q.query<PageRow>(
    `WITH asked AS (
       SELECT u.id AS "userId", u.display_name AS "displayName", u.email, lower(u.display_name) AS "sortName"
         FROM users u
        WHERE u.id IN (SELECT m.user_id FROM memberships m
                         WHERE m.organization_id = $1 AND m.role = ANY($3::text[]))
     ), counts AS MATERIALIZED (
       SELECT (SELECT count(*) FROM asked) AS members,
              (SELECT count(*) FROM asked s
                 CROSS JOIN LATERAL (SELECT FROM acknowledgments a
                                      WHERE a.organization_id = $1 AND a.policy_version_id = $2
                                        AND a.user_id = s."userId" OFFSET 0) ack) AS acknowledged
     )
     SELECT c.members, c.acknowledged,
            CASE WHEN $5::text IS NOT NULL THEN
                   (SELECT count(*) FROM asked s
                     WHERE (s."displayName" ILIKE $5 ESCAPE '\\' OR s.email ILIKE $5 ESCAPE '\\')
                       AND ($4::text = 'all'
                            OR EXISTS (SELECT FROM acknowledgments a
                                        WHERE a.organization_id = $1 AND a.policy_version_id = $2
                                          AND a.user_id = s."userId") = ($4::text = 'acknowledged')))
                 WHEN $4::text = 'all' THEN c.members
                 WHEN $4::text = 'acknowledged' THEN c.acknowledged
                 ELSE c.members - c.acknowledged END AS total,
            p."userId", p."displayName", p.email, p."acknowledgedAt",
            ARRAY(SELECT m.role FROM memberships m
                   WHERE m.organization_id = $1 AND m.user_id = p."userId" ORDER BY m.role) AS roles
       FROM counts c
       LEFT JOIN LATERAL (
         SELECT o.*, ack.at AS "acknowledgedAt"
           FROM (SELECT * FROM asked
                  WHERE $5::text IS NULL OR "displayName" ILIKE $5 ESCAPE '\\' OR email ILIKE $5 ESCAPE '\\'
                  ORDER BY "sortName", "userId" OFFSET 0) o
           LEFT JOIN LATERAL (SELECT a.acknowledged_at AS at FROM acknowledgments a
                               WHERE a.organization_id = $1 AND a.policy_version_id = $2
                                 AND a.user_id = o."userId" OFFSET 0) ack ON true
          WHERE $4::text = 'all' OR (ack.at IS NOT NULL) = ($4::text = 'acknowledged')
          ORDER BY o."sortName", o."userId"
          LIMIT $6 OFFSET $7) p ON true
      ORDER BY p."sortName", p."userId"`,
    [
      organizationId,
      filter.policyVersionId,
      filter.askedRoles,
      filter.status,
      filter.pattern,
      filter.limit,
      filter.offset,
    ],
  );
  // Always one row at least: the counts, with null member columns when the page is empty.
  const first = rows[0]!;
  return {
    counts: { members: first.members, acknowledged: first.acknowledged },
    total: first.total,
    rows: rows.flatMap(({ userId, displayName, email, roles, acknowledgedAt }) =>
      userId === null ? [] : [{ userId, displayName, email, roles, acknowledgedAt }],
    ),
  };
}
