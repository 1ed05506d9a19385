/**
 * Access review campaigns: `startAccessReview` lists every active grant as an item,
 * `decideReviewItem` keeps or revokes one (never by the person whose access it is), and
 * `closeAccessReview` ends a campaign once every item is settled. Closing records which
 * access-review occurrence it answers but does not complete it: that commitment requires evidence
 * and its own separation of duties, so the caller completes it through the occurrences API.
 */
import { recordEvent } from "../../audit/index.ts";
import type { Database } from "../../db/index.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { findOccurrence } from "../obligations/occurrences.repo.ts";
import { lockOrganization } from "../profile/profile.repo.ts";
import { reviewRefusal } from "./access.policy.ts";
import { findGrant } from "./access.repo.ts";
import { actorOf, type WorkforceCaller } from "./caller.ts";
import { revokeGrantStep } from "./revocation.ts";
import {
  closeReview,
  findItem,
  findReview,
  insertReview,
  openReviewId,
  setItemDecision,
} from "./reviews.repo.ts";

interface Base {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  now: Date;
}

export async function startAccessReview(options: Base): Promise<string> {
  const { organizationId, now } = options;
  const actor = actorOf(options.caller, "startAccessReview");
  return options.db.transaction(async (tx) => {
    // One campaign open at a time: the lock makes the check and the insert one step.
    if (!(await lockOrganization(tx, organizationId))) throw notFound("organization");
    if (await openReviewId(tx, organizationId))
      throw new AppError("conflict", "an access review is already open; close it before starting another");
    const { id, items } = await insertReview(tx, organizationId, actor.id, now);
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: { action: "access-review.started", target: { type: "access-review", id }, changes: { items } },
    });
    return id;
  });
}

export async function decideReviewItem(
  options: Base & { reviewId: string; itemId: string; decision: "keep" | "revoke" },
): Promise<void> {
  const { organizationId, caller, now, decision } = options;
  const actor = actorOf(caller, "decideReviewItem");
  await options.db.transaction(async (tx) => {
    const review = await findReview(tx, organizationId, options.reviewId, true);
    if (!review) throw notFound("access review");
    const item = await findItem(tx, organizationId, review.id, options.itemId);
    if (!item) throw notFound("review item");
    const refusal = reviewRefusal(caller.userId, item.grant);
    if (refusal) throw new AppError("forbidden", refusal);
    if (review.closedAt !== null) throw new AppError("conflict", "this access review is closed");
    if (item.decision !== null) throw new AppError("conflict", "this item is already decided");
    const grant = (await findGrant(tx, organizationId, item.grant.id, true))!;
    if (grant.revokedAt !== null && decision === "keep")
      throw new AppError("conflict", "this access was revoked after the review started");
    await setItemDecision(tx, organizationId, item.itemId, { decision, by: caller.userId, at: now });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "access-review.item-decided",
        target: { type: "access-review-item", id: item.itemId },
        changes: { reviewId: review.id, grantId: grant.id, personId: grant.personId, decision },
      },
    });
    if (decision === "revoke" && grant.revokedAt === null)
      await revokeGrantStep(tx, { organizationId, actor, now }, grant, "review");
  });
}

export async function closeAccessReview(
  options: Base & { reviewId: string; occurrenceId: string | null },
): Promise<void> {
  const { organizationId, now, occurrenceId } = options;
  const actor = actorOf(options.caller, "closeAccessReview");
  await options.db.transaction(async (tx) => {
    const review = await findReview(tx, organizationId, options.reviewId, true);
    if (!review) throw notFound("access review");
    if (review.closedAt !== null) throw new AppError("conflict", "this access review is already closed");
    if (review.open > 0) {
      const items = review.open === 1 ? "1 item is" : `${review.open} items are`;
      throw new AppError("conflict", `${items} still undecided; decide every item before closing`);
    }
    if (occurrenceId !== null) {
      const occurrence = await findOccurrence(tx, organizationId, occurrenceId, now);
      if (!occurrence) throw notFound("occurrence");
      if (occurrence.commitmentId !== "access-review") {
        throw new AppError("validation_failed", "the request has invalid fields", [
          { field: "body.occurrenceId", message: "expected an occurrence of the access-review commitment" },
        ]);
      }
    }
    await closeReview(tx, organizationId, review.id, { by: actor.id, at: now, occurrenceId });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "access-review.closed",
        target: { type: "access-review", id: review.id },
        changes: { items: review.items, kept: review.kept, revoked: review.revoked, occurrenceId },
      },
    });
  });
}
