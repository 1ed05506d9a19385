/**
 * Deciding on a proposal: approving the slots one holds (bound to the draft's hash), rejecting it
 * with a reason, or withdrawing one's own. Each locks the change, checks it is still open and
 * writes its event in the same transaction. Editing a draft is not supported: withdraw it and
 * propose again, so an approval always covers exactly the text it was given for.
 */
import { ActorSchema, AuditError, recordEvent, type Actor } from "../../audit/index.ts";
import type { Database, Transaction } from "../../db/index.ts";
import type { PersonRole } from "../../profile/primitives.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { approverRoleLabels, slotsOf } from "./changes.policy.ts";
import { closeChange, findChange, insertApproval, type ChangeRow } from "./changes.repo.ts";
import { isStale, loadApprovalSlots, staleMessage } from "./slots.ts";

interface DecisionOptions {
  db: Database;
  organizationId: string;
  changeId: string;
  actor: Actor & { type: "user" };
  now: Date;
}

/** Opens the transaction with the change locked and still proposed. */
async function withOpenChange<T>(
  options: DecisionOptions,
  command: string,
  fn: (tx: Transaction, change: ChangeRow) => Promise<T>,
): Promise<T> {
  if (!ActorSchema.safeParse(options.actor).success)
    throw new AuditError(`${command} needs an actor`, "no-actor");
  return options.db.transaction(async (tx) => {
    const change = await findChange(tx, options.organizationId, options.changeId, true);
    if (!change) throw notFound("change");
    if (change.status !== "proposed")
      throw new AppError("conflict", `the change is already ${change.status}`);
    return fn(tx, change);
  });
}

const refuseNonApprover = () =>
  new AppError(
    "forbidden",
    "you hold none of the approver roles this change needs: a member approves as a role of people.policyApprovers when their account email is that person's email in the profile",
  );

/** Fills every open slot the member holds; returns the roles newly approved (none when all were already). */
export async function approveChange(options: DecisionOptions & { contentHash: string }) {
  const { organizationId, actor, now } = options;
  return withOpenChange(options, "approveChange", async (tx, change) => {
    if (options.contentHash !== change.contentHash)
      throw new AppError("conflict", "the draft's text is not the one you read; reload it");
    if (await isStale(tx, organizationId, change)) throw new AppError("conflict", staleMessage);
    const slots = await loadApprovalSlots(tx, organizationId, change);
    const held = slotsOf(slots, actor.id);
    if (held.length === 0) throw refuseNonApprover();
    const approved: PersonRole[] = [];
    for (const role of held) {
      const filled = await insertApproval(tx, {
        organizationId,
        changeId: change.id,
        role,
        userId: actor.id,
        contentHash: change.contentHash,
        at: now,
      });
      if (filled) approved.push(role);
    }
    if (approved.length > 0)
      await recordEvent(tx, {
        organizationId,
        actor,
        at: now,
        event: {
          action: "change.approved",
          target: { type: "policy-change", id: change.id },
          changes: { number: change.number, contentHash: change.contentHash, roles: approved },
        },
      });
    return { roles: approved, labels: approved.map((r) => approverRoleLabels[r]) };
  });
}

/** Ends the proposal; only a member holding one of its approver slots, other than the proposer, may reject it. */
export async function rejectChange(options: DecisionOptions & { reason: string }): Promise<void> {
  const { organizationId, actor, now } = options;
  await withOpenChange(options, "rejectChange", async (tx, change) => {
    if (change.proposedBy === actor.id)
      throw new AppError("forbidden", "the proposer withdraws a change rather than rejecting it");
    const slots = await loadApprovalSlots(tx, organizationId, change);
    if (slotsOf(slots, actor.id).length === 0) throw refuseNonApprover();
    await closeChange(tx, organizationId, change.id, {
      status: "rejected",
      by: actor.id,
      at: now,
      reason: options.reason,
    });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "change.rejected",
        target: { type: "policy-change", id: change.id },
        changes: { number: change.number, contentHash: change.contentHash },
      },
    });
  });
}

/** The proposer takes the proposal back. */
export async function withdrawChange(options: DecisionOptions): Promise<void> {
  const { organizationId, actor, now } = options;
  await withOpenChange(options, "withdrawChange", async (tx, change) => {
    if (change.proposedBy !== actor.id)
      throw new AppError("forbidden", "only the member who proposed the change can withdraw it");
    await closeChange(tx, organizationId, change.id, { status: "withdrawn", by: actor.id, at: now });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "change.withdrawn",
        target: { type: "policy-change", id: change.id },
        changes: { number: change.number, contentHash: change.contentHash },
      },
    });
  });
}
