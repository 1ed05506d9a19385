/**
 * The schedule follows the approved policies. `recomputeObligations` runs inside the transaction
 * that makes a policy version current: obligations whose schedule is unchanged stay, changed ones
 * close on the effective date and reopen from it, and open work they owed from that date on is set
 * aside (superseded, kept for history). Work due before the effective date stays exactly as it was.
 * `materializeOccurrences` writes the periods now owed; both are idempotent.
 */
import { recordEvent, type Actor } from "../../audit/index.ts";
import type { Transaction } from "../../db/index.ts";
import { addDays, localDateOf, type LocalDate } from "../../obligations/deadlines.ts";
import {
  lookbackDays,
  recurringOccurrences,
  type NewOccurrence,
  type PersonSpan,
} from "../../obligations/materialize.ts";
import { obligationSpecs, planRecompute } from "../../obligations/plan.ts";
import type { RenderedCommitment } from "../../templates/model.ts";
import {
  closeObligations,
  insertObligation,
  insertOccurrences,
  listObligationsSince,
  listPeopleSince,
  refreshObligation,
  supersedeOpenOccurrences,
} from "./obligations.repo.ts";

export interface RecomputeOptions {
  organizationId: string;
  policyVersionId: string;
  commitments: readonly RenderedCommitment[];
  /** governance.graceDays of the version's profile. */
  graceDays: number;
  timeZone: string;
  /** The day the version takes effect, in the organization's time zone. */
  effectiveFrom: LocalDate;
  now: Date;
  actor: Actor;
}

export interface RecomputeResult {
  kept: number;
  opened: number;
  closed: number;
  superseded: number;
  occurrencesAdded: number;
}

export async function recomputeObligations(
  tx: Transaction,
  options: RecomputeOptions,
): Promise<RecomputeResult> {
  const { organizationId, effectiveFrom, now, timeZone } = options;
  const today = localDateOf(now, timeZone);
  const active = (await listObligationsSince(tx, organizationId, today)).filter(
    (o) => o.effectiveUntil === null,
  );
  const plan = planRecompute(active, obligationSpecs(options.commitments, options.graceDays));
  const byId = new Map(active.map((o) => [o.id, o]));
  for (const { id, spec } of plan.keep) {
    const row = byId.get(id)!;
    const same =
      row.text === spec.text &&
      row.evidence === spec.evidence &&
      row.policyId === spec.policyId &&
      row.sectionNumber === spec.sectionNumber &&
      JSON.stringify(row.citations) === JSON.stringify(spec.citations);
    // The version id moves only with the words: an unchanged row still names the version that defined it.
    if (!same) await refreshObligation(tx, organizationId, id, options.policyVersionId, spec);
  }
  await closeObligations(tx, organizationId, plan.close, effectiveFrom);
  const superseded = await supersedeOpenOccurrences(tx, organizationId, plan.close, effectiveFrom, now);
  const trackedFrom = effectiveFrom > today ? effectiveFrom : today;
  const opened: string[] = [];
  for (const spec of plan.open) {
    opened.push(
      await insertObligation(tx, {
        organizationId,
        policyVersionId: options.policyVersionId,
        spec,
        effectiveFrom,
        trackedFrom,
      }),
    );
  }
  // Kept obligations already have their periods (earlier passes and the scheduler wrote them).
  const occurrencesAdded = await materializeOccurrences(tx, organizationId, timeZone, now, {
    obligations: opened,
  });
  const result = {
    kept: plan.keep.length,
    opened: plan.open.length,
    closed: plan.close.length,
    superseded,
    occurrencesAdded,
  };
  await recordEvent(tx, {
    organizationId,
    actor: options.actor,
    at: now,
    event: {
      action: "obligations.recomputed",
      target: { type: "policy-version", id: options.policyVersionId },
      changes: { effectiveFrom, ...result },
    },
  });
  return result;
}

/**
 * Writes every recurring period owed up to the next one ahead, for every obligation that may still
 * owe one (in effect, or closed within the look-back window). Run after each recompute and by the
 * scheduler each hour; returns how many occurrences were new.
 */
export async function materializeOccurrences(
  tx: Transaction,
  organizationId: string,
  timeZone: string,
  now: Date,
  /**
   * Narrows the pass: `obligations`, those a recompute just opened; `person`, one new hire (only
   * the per-person series, for that person). Every obligation that may owe periods when absent.
   */
  only: { obligations?: readonly string[]; person?: PersonSpan } = {},
): Promise<number> {
  const today = localDateOf(now, timeZone);
  const since = addDays(today, -lookbackDays);
  const obligations = await listObligationsSince(tx, organizationId, since);
  const wanted = only.obligations ? new Set(only.obligations) : null;
  const recurring = obligations.filter(
    (o) =>
      o.kind === "recurring" &&
      (wanted === null || wanted.has(o.id)) &&
      (only.person === undefined || o.perPerson),
  );
  const people = only.person
    ? [only.person]
    : recurring.some((o) => o.perPerson)
      ? await listPeopleSince(tx, organizationId, since)
      : [];
  const owed: NewOccurrence[] = [];
  for (const o of recurring) {
    owed.push(
      ...recurringOccurrences(
        {
          id: o.id,
          perPerson: o.perPerson,
          cadence: { every: o.cadenceEvery!, unit: o.cadenceUnit! },
          anchorDate: o.anchorDate!,
          trackedFrom: o.trackedFrom,
          effectiveUntil: o.effectiveUntil,
          graceDays: o.graceDays,
        },
        people,
        today,
        timeZone,
      ),
    );
  }
  return insertOccurrences(tx, organizationId, owed, now);
}
