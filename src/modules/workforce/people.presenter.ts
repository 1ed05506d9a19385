/** Roster rows and termination checklists as the API shows them. */
import type { PersonRow } from "./people.repo.ts";
import type { PersonView, TerminationView } from "./people.schema.ts";
import type { TaskRow, TerminationRow } from "./termination.repo.ts";

/** `today` is the organization's local date: a person is leaving through their last day. */
export function presentPerson(row: PersonRow, today: string): PersonView {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    kind: row.kind,
    jobTitle: row.jobTitle,
    supervisor: row.supervisorId === null ? null : { id: row.supervisorId, name: row.supervisorName ?? "" },
    userId: row.userId,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.endDate === null ? "active" : row.endDate >= today ? "leaving" : "left",
  };
}

const taskStatus = (task: TaskRow, now: Date) =>
  task.completedAt === null
    ? now >= task.dueAt
      ? ("overdue" as const)
      : ("open" as const)
    : task.completedAt >= task.dueAt
      ? ("done-late" as const)
      : ("done" as const);

export function presentTermination(
  row: TerminationRow,
  tasks: readonly TaskRow[],
  now: Date,
): TerminationView {
  return {
    id: row.id,
    lastDay: row.lastDay,
    terminatedAt: row.terminatedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    tasks: tasks.map((task) => ({
      id: task.id,
      kind: task.kind,
      grant:
        task.grantId === null
          ? null
          : { id: task.grantId, system: task.grantSystem!, level: task.grantLevel! },
      dueAt: task.dueAt.toISOString(),
      completedAt: task.completedAt?.toISOString() ?? null,
      completedBy:
        task.completedBy === null ? null : { id: task.completedBy, name: task.completedByName ?? "" },
      note: task.note,
      status: taskStatus(task, now),
    })),
  };
}
