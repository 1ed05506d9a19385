/** Reading and closing occurrences. Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { OccurrenceStatus } from "../../obligations/deadlines.ts";
import type { Assignee } from "../../obligations/owners.ts";

/**
 * An occurrence's status at `$now`, computed from its instants so it never goes stale. Must agree
 * with occurrenceStatus() in src/obligations/deadlines.ts (a test compares them).
 */
export function statusSql(now: string): string {
  return `CASE WHEN o.waived_at IS NOT NULL THEN 'waived'
    WHEN o.completed_at IS NOT NULL AND o.completed_at < o.overdue_at THEN 'done'
    WHEN o.completed_at IS NOT NULL THEN 'done-late'
    WHEN o.superseded_at IS NOT NULL THEN 'superseded'
    WHEN ${now} >= o.overdue_at THEN 'overdue'
    WHEN ${now} >= o.due_soon_at THEN 'due' ELSE 'upcoming' END`;
}

export type ListedStatus = OccurrenceStatus | "superseded";

export interface OccurrenceRow {
  id: string;
  obligationId: string;
  commitmentId: string;
  policyId: string;
  sectionNumber: string;
  text: string;
  evidence: string;
  kind: "recurring" | "triggered";
  ownerRole: string;
  rules: string[];
  citations: string[];
  personId: string | null;
  personName: string | null;
  personUserId: string | null;
  supervisorUserId: string | null;
  subjectUserId: string | null;
  startsOn: string | null;
  dueOn: string;
  dueAt: Date;
  overdueAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
  completedByName: string | null;
  completionNote: string | null;
  waivedAt: Date | null;
  waivedBy: string | null;
  waivedByName: string | null;
  waiverReason: string | null;
  supersededAt: Date | null;
  triggerEvent: string | null;
  triggerSubjectType: string | null;
  triggerSubjectId: string | null;
  status: ListedStatus;
}

const SELECT = `SELECT o.id, o.obligation_id AS "obligationId", ob.commitment_id AS "commitmentId", ob.policy_id AS "policyId",
  ob.section_number AS "sectionNumber", ob.text, ob.evidence, ob.kind, ob.owner_role AS "ownerRole", ob.rules, ob.citations,
  o.person_id AS "personId", p.full_name AS "personName", p.user_id AS "personUserId", sup.user_id AS "supervisorUserId",
  o.subject_user_id AS "subjectUserId", o.starts_on AS "startsOn", o.due_on AS "dueOn", o.due_at AS "dueAt",
  o.overdue_at AS "overdueAt", o.completed_at AS "completedAt", o.completed_by AS "completedBy",
  cu.display_name AS "completedByName", o.completion_note AS "completionNote", o.waived_at AS "waivedAt",
  o.waived_by AS "waivedBy", wu.display_name AS "waivedByName", o.waiver_reason AS "waiverReason",
  o.superseded_at AS "supersededAt", t.event AS "triggerEvent", t.subject_type AS "triggerSubjectType",
  t.subject_id AS "triggerSubjectId", ${statusSql("$2::timestamptz")} AS status
  FROM occurrences o
  JOIN obligations ob ON ob.organization_id = o.organization_id AND ob.id = o.obligation_id
  LEFT JOIN people p ON p.organization_id = o.organization_id AND p.id = o.person_id
  LEFT JOIN people sup ON sup.organization_id = p.organization_id AND sup.id = p.supervisor_id
  LEFT JOIN users cu ON cu.id = o.completed_by
  LEFT JOIN users wu ON wu.id = o.waived_by
  LEFT JOIN obligation_triggers t ON t.organization_id = o.organization_id AND t.id = o.trigger_id`;

export interface OccurrenceFilter {
  /** Only work this user owes: as the person, their supervisor, or a holder of the owner role. */
  assignee?: Assignee;
  statuses?: readonly ListedStatus[];
  from?: string;
  to?: string;
  commitmentId?: string;
  personId?: string;
  limit: number;
  offset: number;
}

/**
 * Work the member `me` owes (owesWork in src/obligations/owners.ts, in SQL), given `ob` (the
 * obligation), `p` (the person) and `sup` (their supervisor) joined; `roles` is a text[] parameter.
 */
export function assignedToSql(me: string, roles: string): string {
  return `((ob.owner_role = 'workforce-member' AND p.user_id = ${me})
      OR (ob.owner_role = 'supervisor' AND sup.user_id = ${me})
      OR (ob.owner_role NOT IN ('workforce-member', 'supervisor') AND ob.owner_role = ANY(${roles}::text[])))`;
}

/**
 * Only the joins the filters read. Lookups go by primary key and the organization is checked in
 * WHERE: with no table statistics (PGlite) the planner otherwise matched the composite
 * (organization_id, id) key on its first column alone and filtered every obligation per row.
 */
const obligationJoin = "JOIN obligations ob ON ob.id = o.obligation_id AND ob.organization_id = $1";

/** What assignedToSql reads, joined by primary key for the organization in $1. */
export const assigneeJoins = `${obligationJoin}
  LEFT JOIN people p ON p.id = o.person_id AND p.organization_id = $1
  LEFT JOIN people sup ON sup.id = p.supervisor_id AND sup.organization_id = $1`;

function pageJoins(f: OccurrenceFilter): string {
  if (f.assignee) return assigneeJoins;
  return f.commitmentId !== undefined ? obligationJoin : "";
}

export async function listOccurrences(
  q: Queryable,
  organizationId: string,
  now: Date,
  f: OccurrenceFilter,
): Promise<OccurrenceRow[]> {
  const params: unknown[] = [organizationId, now];
  const where = ["o.organization_id = $1"];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.assignee) {
    params.push(f.assignee.userId, f.assignee.ownerRoles);
    where.push(assignedToSql(`$${params.length - 1}`, `$${params.length}`));
  }
  if (f.statuses) {
    add((n) => `(${statusSql("$2::timestamptz")}) = ANY(${n}::text[])`, f.statuses);
    // Open work only: the same predicate as the partial index of open occurrences, so six years of
    // closed history is never read for an inbox or "due this week".
    const open = ["upcoming", "due", "overdue"];
    if (f.statuses.every((status) => open.includes(status))) {
      where.push("o.completed_at IS NULL AND o.waived_at IS NULL AND o.superseded_at IS NULL");
      if (!f.statuses.includes("upcoming")) where.push("o.due_soon_at <= $2::timestamptz");
    }
  }
  if (f.from !== undefined) add((n) => `o.due_on >= ${n}::date`, f.from);
  if (f.to !== undefined) add((n) => `o.due_on <= ${n}::date`, f.to);
  if (f.commitmentId !== undefined) add((n) => `ob.commitment_id = ${n}`, f.commitmentId);
  if (f.personId !== undefined) add((n) => `o.person_id = ${n}`, f.personId);
  params.push(f.limit, f.offset);
  // The page is chosen first, reading only what the filters need; the details are joined to that
  // page alone (joining first made every matching row pay for five joins before the LIMIT).
  const { rows } = await q.query<OccurrenceRow>(
    `WITH page AS MATERIALIZED (
       SELECT o.id FROM occurrences o ${pageJoins(f)}
        WHERE ${where.join(" AND ")}
        ORDER BY o.due_at, o.id LIMIT $${params.length - 1} OFFSET $${params.length})
     ${SELECT} JOIN page ON page.id = o.id WHERE o.organization_id = $1 ORDER BY o.due_at, o.id`,
    params,
  );
  return rows;
}

/** One occurrence, locked for the rest of the transaction when `lock` (completing or waiving it). */
export async function findOccurrence(
  q: Queryable,
  organizationId: string,
  id: string,
  now: Date,
  lock = false,
): Promise<OccurrenceRow | null> {
  const { rows } = await q.query<OccurrenceRow>(
    `${SELECT} WHERE o.organization_id = $1 AND o.id = $3${lock ? " FOR UPDATE OF o" : ""}`,
    [organizationId, now, id],
  );
  return rows[0] ?? null;
}

/** Counts one closed occurrence toward its obligation's progress (same transaction as the close). */
async function addProgress(tx: Transaction, organizationId: string, occurrenceId: string): Promise<void> {
  await tx.query(
    `INSERT INTO obligation_progress AS p (organization_id, obligation_id, done, done_late, waived, evidence, last_completed_at)
     SELECT organization_id, obligation_id,
            COALESCE(completed_at < overdue_at, false)::int, COALESCE(completed_at >= overdue_at, false)::int, (waived_at IS NOT NULL)::int,
            evidence_count, completed_at
       FROM occurrences WHERE organization_id = $1 AND id = $2
     ON CONFLICT (organization_id, obligation_id) DO UPDATE SET
       done = p.done + excluded.done, done_late = p.done_late + excluded.done_late, waived = p.waived + excluded.waived,
       evidence = p.evidence + excluded.evidence,
       last_completed_at = GREATEST(p.last_completed_at, excluded.last_completed_at)`,
    [organizationId, occurrenceId],
  );
}

/** Recomputes every obligation's progress from its occurrences (bulk loads, repairs). */
export async function rebuildProgress(tx: Transaction, organizationId: string): Promise<void> {
  await tx.query("DELETE FROM obligation_progress WHERE organization_id = $1", [organizationId]);
  await tx.query(
    `INSERT INTO obligation_progress (organization_id, obligation_id, done, done_late, waived, evidence, last_completed_at)
     SELECT organization_id, obligation_id,
            count(*) FILTER (WHERE completed_at < overdue_at), count(*) FILTER (WHERE completed_at >= overdue_at),
            count(*) FILTER (WHERE waived_at IS NOT NULL), COALESCE(sum(evidence_count), 0), max(completed_at)
       FROM occurrences WHERE organization_id = $1 AND (completed_at IS NOT NULL OR waived_at IS NOT NULL)
      GROUP BY organization_id, obligation_id`,
    [organizationId],
  );
}

export async function markCompleted(
  tx: Transaction,
  organizationId: string,
  id: string,
  done: { at: Date; by: string; note: string | null; evidenceCount: number },
): Promise<void> {
  await tx.query(
    `UPDATE occurrences SET completed_at = $3, completed_by = $4, completion_note = $5, evidence_count = $6
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, id, done.at, done.by, done.note, done.evidenceCount],
  );
  await addProgress(tx, organizationId, id);
}

export async function markWaived(
  tx: Transaction,
  organizationId: string,
  id: string,
  waiver: { at: Date; by: string; reason: string },
): Promise<void> {
  await tx.query(
    `UPDATE occurrences SET waived_at = $3, waived_by = $4, waiver_reason = $5
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, id, waiver.at, waiver.by, waiver.reason],
  );
  await addProgress(tx, organizationId, id);
}
