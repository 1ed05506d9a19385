/**
 * Departures. `terminatePerson` sets the end date, raises `workforce.terminated` (the policies'
 * revocation work runs from the termination instant, in hours) and writes the checklist: one task
 * per active grant plus the fixed returns, all due access.terminationRevocationHours after it.
 * `completeTerminationTask` closes one task; the checklist is complete when the last one is.
 */
import { recordEvent } from "../../audit/index.ts";
import { can } from "../../auth/permissions.ts";
import type { Database } from "../../db/index.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { raiseObligationEvent } from "../obligations/triggers.service.ts";
import { findGrant, listGrants } from "./access.repo.ts";
import { actorOf, type WorkforceCaller } from "./caller.ts";
import { findPerson, setEndDate } from "./people.repo.ts";
import { completeTaskStep, revokeGrantStep } from "./revocation.ts";
import { workforceSettings } from "./settings.repo.ts";
import {
  findTask,
  findTermination,
  insertTasks,
  insertTermination,
  type TaskKind,
} from "./termination.repo.ts";

const HOUR_MS = 3_600_000;
/** What every departure takes back besides system access, in checklist order. */
export const fixedTasks: readonly TaskKind[] = [
  "return-devices",
  "remove-shared-accounts",
  "retrieve-keys-badges",
];

export interface TerminateOptions {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  personId: string;
  lastDay: string;
  /** When the work relationship ended; now when not given. */
  terminatedAt?: Date | undefined;
  now: Date;
}

export async function terminatePerson(options: TerminateOptions): Promise<{ terminationId: string }> {
  const { organizationId, personId, lastDay, now } = options;
  const actor = actorOf(options.caller, "terminatePerson");
  const terminatedAt = options.terminatedAt ?? now;
  return options.db.transaction(async (tx) => {
    const person = await findPerson(tx, organizationId, personId, true);
    if (!person) throw notFound("person");
    if (person.endDate !== null || (await findTermination(tx, organizationId, personId)))
      throw new AppError("conflict", "this person already has an end date");
    if (lastDay < person.startDate) {
      throw new AppError("validation_failed", "the request has invalid fields", [
        { field: "body.lastDay", message: "expected a last day on or after the start date" },
      ]);
    }
    const settings = await workforceSettings(tx, organizationId);
    const dueAt = new Date(terminatedAt.getTime() + settings.terminationRevocationHours * HOUR_MS);
    await setEndDate(tx, organizationId, personId, lastDay);
    const terminationId = await insertTermination(tx, organizationId, {
      personId,
      lastDay,
      terminatedAt,
      dueAt,
      recordedBy: actor.id,
      now,
    });
    const grants = await listGrants(tx, organizationId, {
      status: "active",
      personId,
      limit: 10_000,
      offset: 0,
    });
    const tasks = [
      ...grants.map((g) => ({ kind: "revoke-access" as const, grantId: g.id, dueAt })),
      ...fixedTasks.map((kind) => ({ kind, grantId: null, dueAt })),
    ];
    await insertTasks(tx, organizationId, terminationId, tasks);
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "person.terminated",
        target: { type: "person", id: personId },
        changes: {
          terminationId,
          lastDay,
          terminatedAt: terminatedAt.toISOString(),
          dueAt: dueAt.toISOString(),
          tasks: tasks.length,
        },
      },
    });
    await raiseObligationEvent(tx, {
      organizationId,
      event: "workforce.terminated",
      occurredAt: terminatedAt,
      subject: { type: "person", id: personId },
      personId,
      subjectUserId: person.userId,
      timeZone: settings.timeZone,
      actor,
      now,
    });
    return { terminationId };
  });
}

export interface CompleteTaskOptions {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  personId: string;
  taskId: string;
  note: string | null;
  now: Date;
}

/** Completing a revoke-access task revokes its grant, which needs access:decide. */
export async function completeTerminationTask(
  options: CompleteTaskOptions,
): Promise<{ checklistComplete: boolean }> {
  const { organizationId, caller, now } = options;
  const actor = actorOf(caller, "completeTerminationTask");
  return options.db.transaction(async (tx) => {
    const task = await findTask(tx, organizationId, options.personId, options.taskId);
    if (!task) throw notFound("termination task");
    if (task.completedAt !== null) throw new AppError("conflict", "this task is already done");
    if (task.kind === "revoke-access" && !can(caller.roles, "access:decide"))
      throw new AppError("forbidden", "revoking access needs access:decide; ask an officer");
    const ctx = { organizationId, actor, now };
    const result = await completeTaskStep(tx, ctx, task, options.note);
    if (task.grantId !== null) {
      const grant = await findGrant(tx, organizationId, task.grantId, true);
      if (grant && grant.revokedAt === null) await revokeGrantStep(tx, ctx, grant, "termination");
    }
    return result;
  });
}
