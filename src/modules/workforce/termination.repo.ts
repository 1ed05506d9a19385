/** Terminations and their checklists. Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";

export type TaskKind = "revoke-access" | "return-devices" | "remove-shared-accounts" | "retrieve-keys-badges";

export interface TerminationRow {
  id: string;
  personId: string;
  lastDay: string;
  terminatedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
}

export interface TaskRow {
  id: string;
  terminationId: string;
  personId: string;
  kind: TaskKind;
  grantId: string | null;
  grantSystem: string | null;
  grantLevel: string | null;
  dueAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
  completedByName: string | null;
  note: string | null;
}

export async function insertTermination(
  tx: Transaction,
  organizationId: string,
  t: { personId: string; lastDay: string; terminatedAt: Date; dueAt: Date; recordedBy: string; now: Date },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO terminations (organization_id, person_id, last_day, terminated_at, due_at, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [organizationId, t.personId, t.lastDay, t.terminatedAt, t.dueAt, t.recordedBy, t.now],
  );
  return rows[0]!.id;
}

export async function insertTasks(
  tx: Transaction,
  organizationId: string,
  terminationId: string,
  tasks: readonly { kind: TaskKind; grantId: string | null; dueAt: Date }[],
): Promise<void> {
  for (const [position, task] of tasks.entries()) {
    await tx.query(
      `INSERT INTO termination_tasks (organization_id, termination_id, kind, grant_id, position, due_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [organizationId, terminationId, task.kind, task.grantId, position, task.dueAt],
    );
  }
}

export async function findTermination(
  q: Queryable,
  organizationId: string,
  personId: string,
): Promise<TerminationRow | null> {
  const { rows } = await q.query<TerminationRow>(
    `SELECT id, person_id AS "personId", last_day AS "lastDay", terminated_at AS "terminatedAt", due_at AS "dueAt",
            completed_at AS "completedAt"
       FROM terminations WHERE organization_id = $1 AND person_id = $2`,
    [organizationId, personId],
  );
  return rows[0] ?? null;
}

const TASKS = `SELECT k.id, k.termination_id AS "terminationId", t.person_id AS "personId", k.kind,
  k.grant_id AS "grantId", g.system AS "grantSystem", g.level AS "grantLevel", k.due_at AS "dueAt",
  k.completed_at AS "completedAt", k.completed_by AS "completedBy", u.display_name AS "completedByName", k.note
  FROM termination_tasks k
  JOIN terminations t ON t.organization_id = k.organization_id AND t.id = k.termination_id
  LEFT JOIN access_grants g ON g.organization_id = k.organization_id AND g.id = k.grant_id
  LEFT JOIN users u ON u.id = k.completed_by`;

export async function listTasks(
  q: Queryable,
  organizationId: string,
  terminationId: string,
): Promise<TaskRow[]> {
  const { rows } = await q.query<TaskRow>(
    `${TASKS} WHERE k.organization_id = $1 AND k.termination_id = $2 ORDER BY k.position`,
    [organizationId, terminationId],
  );
  return rows;
}

/** One task of one person's checklist, locked for the rest of the transaction. */
export async function findTask(
  tx: Transaction,
  organizationId: string,
  personId: string,
  taskId: string,
): Promise<TaskRow | null> {
  const { rows } = await tx.query<TaskRow>(
    `${TASKS} WHERE k.organization_id = $1 AND k.id = $2 AND t.person_id = $3 FOR UPDATE OF k`,
    [organizationId, taskId, personId],
  );
  return rows[0] ?? null;
}

/** The open revoke-access task for a grant, if its holder's checklist has one. */
export async function findOpenTaskForGrant(
  tx: Transaction,
  organizationId: string,
  grantId: string,
): Promise<TaskRow | null> {
  const { rows } = await tx.query<TaskRow>(
    `${TASKS} WHERE k.organization_id = $1 AND k.grant_id = $2 AND k.completed_at IS NULL FOR UPDATE OF k`,
    [organizationId, grantId],
  );
  return rows[0] ?? null;
}

/** Marks the task done; returns how many tasks of its checklist remain open. */
export async function markTaskDone(
  tx: Transaction,
  organizationId: string,
  task: { id: string; terminationId: string },
  done: { at: Date; by: string; note: string | null },
): Promise<number> {
  await tx.query(
    `UPDATE termination_tasks SET completed_at = $3, completed_by = $4, note = $5
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, task.id, done.at, done.by, done.note],
  );
  const { rows } = await tx.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM termination_tasks
      WHERE organization_id = $1 AND termination_id = $2 AND completed_at IS NULL`,
    [organizationId, task.terminationId],
  );
  const open = rows[0]!.open;
  if (open === 0) {
    await tx.query("UPDATE terminations SET completed_at = $3 WHERE organization_id = $1 AND id = $2", [
      organizationId,
      task.terminationId,
      done.at,
    ]);
  }
  return open;
}
