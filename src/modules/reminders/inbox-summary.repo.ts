/** Counts of one member's open work: the inbox's assignment rule in one aggregate query. */
import type { Queryable } from "../../db/index.ts";
import type { Assignee } from "./assignment.ts";

export interface InboxCounts {
  due: number;
  overdue: number;
  nextDueOn: string | null;
}

/**
 * The WHERE clause repeats listOccurrences' `assignee` filter (reminders.routes.test.ts checks
 * the counts against it); the statuses follow statusSql for open work.
 */
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
       FROM occurrences o
       JOIN obligations ob ON ob.organization_id = o.organization_id AND ob.id = o.obligation_id
       LEFT JOIN people p ON p.organization_id = o.organization_id AND p.id = o.person_id
       LEFT JOIN people sup ON sup.organization_id = p.organization_id AND sup.id = p.supervisor_id
      WHERE o.organization_id = $1
        AND o.completed_at IS NULL AND o.waived_at IS NULL AND o.superseded_at IS NULL
        AND ((ob.owner_role = 'workforce-member' AND p.user_id = $3)
          OR (ob.owner_role = 'supervisor' AND sup.user_id = $3)
          OR (ob.owner_role NOT IN ('workforce-member', 'supervisor') AND ob.owner_role = ANY($4::text[])))`,
    [organizationId, now, assignee.userId, assignee.ownerRoles],
  );
  return rows[0]!;
}
