/**
 * What happens to the schedule when a policy version becomes current: obligations follow its
 * commitments from the effective date, and the publication itself is an event that starts work
 * (announcing it, training on what changed). Runs in the transaction that makes the version current.
 */
import type { Actor } from "../../audit/index.ts";
import type { Transaction } from "../../db/index.ts";
import { localDateOf, type LocalDate } from "../../obligations/deadlines.ts";
import type { PolicySet } from "../../templates/model.ts";
import { recomputeObligations, type RecomputeResult } from "./recompute.service.ts";
import { raiseObligationEvent } from "./triggers.service.ts";

export interface FollowOptions {
  organizationId: string;
  policyVersionId: string;
  set: PolicySet;
  /** The day the version takes effect; today (in the organization's zone) when not given or past. */
  effectiveFrom?: LocalDate;
  now: Date;
  actor: Actor;
}

export async function followPolicyVersion(tx: Transaction, options: FollowOptions): Promise<RecomputeResult> {
  const { set, now } = options;
  const timeZone = set.profile.organization.timeZone;
  const today = localDateOf(now, timeZone);
  const requested = options.effectiveFrom ?? today;
  const effectiveFrom = requested > today ? requested : today;
  const result = await recomputeObligations(tx, {
    organizationId: options.organizationId,
    policyVersionId: options.policyVersionId,
    commitments: set.policies.flatMap((p) => p.commitments),
    graceDays: set.profile.governance.graceDays,
    timeZone,
    effectiveFrom,
    now,
    actor: options.actor,
  });
  await raiseObligationEvent(tx, {
    organizationId: options.organizationId,
    event: "policy.published",
    occurredAt: now,
    subject: { type: "policy-version", id: options.policyVersionId },
    timeZone,
    actor: options.actor,
    now,
  });
  return result;
}
