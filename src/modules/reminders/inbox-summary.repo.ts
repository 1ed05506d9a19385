/** Counts of one member's open work: the inbox's assignment rule in one aggregate query. */
import type { Queryable } from "../../db/index.ts";
import type { Assignee } from "../../obligations/owners.ts";
import { assignedToSql, assigneeJoins } from "../obligations/occurrences.repo.ts";

export interface InboxCounts {
  due: number;
  overdue: number;
  nextDueOn: string | null;
}

/** The inbox's assignment rule (assignedToSql); the statuses follow statusSql for open work. */
export async function countInbox(
  q: Queryable,
  organizationId: string,
  now: Date,
  assignee: Assignee,
): Promise<InboxCounts> {
  const { rows } = await q.query<InboxCounts>(
    `SELECT count(*) FILTER (WHERE $2::timestamptz >= o.overdue_at)::int AS overdue,
       count(*) FILTER (WHERE $2::timestamptz < o.overdue_at AND $2::timestamptz >= o.due_soon_at)::int AS due,
       min(o.due_on) FILTER (WHERE $2::timestamptz < o.overdue_at) AS "nextDueOn"
       FROM occurrences o ${assigneeJoins}
      WHERE o.organization_id = $1
        AND o.completed_at IS NULL AND o.waived_at IS NULL AND o.superseded_at IS NULL
        AND ${assignedToSql("$3", "$4")}`,
    [organizationId, now, assignee.userId, assignee.ownerRoles],
  );
  return rows[0]!;
}
