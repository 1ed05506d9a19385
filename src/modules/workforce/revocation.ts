/**
 * Steps shared by several commands, always inside the caller's transaction: revoking a grant (by
 * hand, by a review decision, from a termination checklist) and completing a checklist task. A
 * grant revoked any way completes the open termination task that asked for it, so the checklist
 * and the grants never disagree.
 */
import type { RevokeReason } from "../../audit/events/workforce.ts";
import { recordEvent, type Actor } from "../../audit/index.ts";
import type { Transaction } from "../../db/index.ts";
import { markGrantRevoked } from "./access.repo.ts";
import { findOpenTaskForGrant, markTaskDone, type TaskRow } from "./termination.repo.ts";

export interface StepContext {
  organizationId: string;
  actor: Actor;
  now: Date;
}

export async function completeTaskStep(
  tx: Transaction,
  ctx: StepContext,
  task: TaskRow,
  note: string | null,
): Promise<{ checklistComplete: boolean }> {
  const open = await markTaskDone(tx, ctx.organizationId, task, { at: ctx.now, by: ctx.actor.id, note });
  await recordEvent(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    at: ctx.now,
    event: {
      action: "termination-task.completed",
      target: { type: "termination-task", id: task.id },
      changes: {
        terminationId: task.terminationId,
        personId: task.personId,
        kind: task.kind,
        grantId: task.grantId,
        late: ctx.now >= task.dueAt,
        checklistComplete: open === 0,
      },
    },
  });
  return { checklistComplete: open === 0 };
}

/** Revokes an active grant (the caller checked it is active and locked it). */
export async function revokeGrantStep(
  tx: Transaction,
  ctx: StepContext,
  grant: { id: string; personId: string },
  reason: RevokeReason,
): Promise<void> {
  await markGrantRevoked(tx, ctx.organizationId, grant.id, { at: ctx.now, by: ctx.actor.id, reason });
  await recordEvent(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    at: ctx.now,
    event: {
      action: "access.revoked",
      target: { type: "access-grant", id: grant.id },
      changes: { personId: grant.personId, reason },
    },
  });
  const task = await findOpenTaskForGrant(tx, ctx.organizationId, grant.id);
  if (task) await completeTaskStep(tx, ctx, task, null);
}
