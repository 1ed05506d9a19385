/** Reads and writes of the weekly digest, each scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import { statusSql, type ListedStatus } from "../obligations/occurrences.repo.ts";

export interface Officer {
  userId: string;
  email: string;
  displayName: string;
}

/** Members holding the owner, security-officer or privacy-officer role: the digest's readers. */
export async function listOfficers(q: Queryable, organizationId: string): Promise<Officer[]> {
  const { rows } = await q.query<Officer>(
    `SELECT u.id AS "userId", u.email, u.display_name AS "displayName" FROM users u
      WHERE u.id IN (SELECT user_id FROM memberships WHERE organization_id = $1
                       AND role IN ('owner', 'security-officer', 'privacy-officer'))
      ORDER BY u.email`,
    [organizationId],
  );
  return rows;
}

export async function digestSent(q: Queryable, organizationId: string, week: string): Promise<boolean> {
  const { rows } = await q.query("SELECT 1 FROM digests_sent WHERE organization_id = $1 AND week = $2", [
    organizationId,
    week,
  ]);
  return rows.length > 0;
}

/** Records the week's digest; false when another pass already did (nothing is written then). */
export async function recordDigest(
  tx: Transaction,
  organizationId: string,
  week: string,
  at: Date,
  recipients: number,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO digests_sent (organization_id, week, sent_at, recipients) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [organizationId, week, at, recipients],
  );
  return rowCount === 1;
}

export interface WorkCounts {
  overdue: number;
  due: number;
  upcoming: number;
  doneLastWeek: number;
  doneLateLastWeek: number;
  waivedLastWeek: number;
}

/** Open work by status at `now`, and work closed in [from, until). Superseded work is not counted. */
export async function countWork(
  q: Queryable,
  organizationId: string,
  now: Date,
  lastWeek: { from: Date; until: Date },
): Promise<WorkCounts> {
  const { rows } = await q.query<WorkCounts>(
    `SELECT
       count(*) FILTER (WHERE open AND $2 >= overdue_at)::int AS overdue,
       count(*) FILTER (WHERE open AND $2 < overdue_at AND $2 >= due_soon_at)::int AS due,
       count(*) FILTER (WHERE open AND $2 < overdue_at AND $2 < due_soon_at)::int AS upcoming,
       count(*) FILTER (WHERE completed_at >= $3 AND completed_at < $4 AND completed_at < overdue_at)::int AS "doneLastWeek",
       count(*) FILTER (WHERE completed_at >= $3 AND completed_at < $4 AND completed_at >= overdue_at)::int AS "doneLateLastWeek",
       count(*) FILTER (WHERE waived_at >= $3 AND waived_at < $4)::int AS "waivedLastWeek"
       FROM (SELECT *, completed_at IS NULL AND waived_at IS NULL AND superseded_at IS NULL AS open
               FROM occurrences WHERE organization_id = $1) o`,
    [organizationId, now, lastWeek.from, lastWeek.until],
  );
  return rows[0]!;
}

export interface DigestItem {
  id: string;
  text: string;
  ownerRole: string;
  dueOn: string;
  dueAt: Date;
  completedAt: Date | null;
  status: ListedStatus;
}

/** Overdue work, open work due on or before `horizon`, and work completed in [from, until). */
export async function listDigestItems(
  q: Queryable,
  organizationId: string,
  now: Date,
  horizon: string,
  lastWeek: { from: Date; until: Date },
): Promise<DigestItem[]> {
  const { rows } = await q.query<DigestItem>(
    `SELECT o.id, ob.text, ob.owner_role AS "ownerRole", o.due_on AS "dueOn", o.due_at AS "dueAt",
       o.completed_at AS "completedAt", ${statusSql("$2::timestamptz")} AS status
       FROM occurrences o
       JOIN obligations ob ON ob.organization_id = o.organization_id AND ob.id = o.obligation_id
      WHERE o.organization_id = $1
        AND ((o.completed_at IS NULL AND o.waived_at IS NULL AND o.superseded_at IS NULL
              AND ($2::timestamptz >= o.overdue_at OR o.due_on <= $3::date))
          OR (o.completed_at >= $4 AND o.completed_at < $5))
      ORDER BY o.due_at, o.id`,
    [organizationId, now, horizon, lastWeek.from, lastWeek.until],
  );
  return rows;
}
