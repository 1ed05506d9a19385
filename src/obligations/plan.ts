/**
 * From the commitments of an approved policy version to obligations, and what a new version
 * changes: which obligations stay, which close on the effective date and which open on it. Pure, so
 * recomputing is a function of (what is in effect, what the new version says) and is idempotent.
 */
import type { Cadence } from "../profile/primitives.ts";
import type { OwnerRole } from "../templates/frontmatter.ts";
import type { RenderedCommitment } from "../templates/model.ts";

export interface ObligationSpec {
  commitmentId: string;
  policyId: string;
  sectionNumber: string;
  kind: "recurring" | "triggered";
  ownerRole: OwnerRole;
  /** Recurring work each workforce member owns: one series per person, anchored at their start date. */
  perPerson: boolean;
  cadence: Cadence | null;
  triggerEvent: string | null;
  within: { amount: number; unit: "hours" | "days" } | null;
  graceDays: number;
  rules: string[];
  citations: string[];
  text: string;
  evidence: string;
  /** Everything that decides when work falls due and who owes it: equal keys, unchanged schedule. */
  scheduleKey: string;
}

/** Standing commitments hold continuously and are checked at each review; only the others schedule work. */
export function obligationSpecs(
  commitments: readonly RenderedCommitment[],
  graceDays: number,
): ObligationSpec[] {
  const specs: ObligationSpec[] = [];
  for (const c of commitments) {
    const schedule = c.schedule;
    if (schedule.kind === "standing") continue;
    const recurring = schedule.kind === "recurring";
    const base = {
      commitmentId: c.id,
      policyId: c.policyId,
      sectionNumber: c.sectionNumber,
      ownerRole: c.owner,
      perPerson: recurring && c.owner === "workforce-member",
      // Triggered deadlines come from the law, a contract or the policy itself: no grace.
      graceDays: recurring ? graceDays : 0,
      rules: [...c.rules].sort(),
      citations: c.citations,
      text: c.text,
      evidence: c.evidence,
    };
    const spec: Omit<ObligationSpec, "scheduleKey"> = recurring
      ? { ...base, kind: "recurring", cadence: schedule.cadence, triggerEvent: null, within: null }
      : {
          ...base,
          kind: "triggered",
          cadence: null,
          triggerEvent: schedule.event,
          within: { amount: schedule.within.amount, unit: schedule.within.unit },
        };
    specs.push({ ...spec, scheduleKey: scheduleKeyOf(spec) });
  }
  return specs;
}

export function scheduleKeyOf(spec: Omit<ObligationSpec, "scheduleKey">): string {
  const when =
    spec.kind === "recurring"
      ? `every ${spec.cadence!.every} ${spec.cadence!.unit}`
      : `${spec.triggerEvent} within ${spec.within!.amount} ${spec.within!.unit}`;
  return [
    spec.kind,
    when,
    spec.ownerRole,
    spec.perPerson ? "per-person" : "shared",
    `grace ${spec.graceDays}`,
    ...spec.rules,
  ].join("|");
}

/** An obligation in effect, as much of it as planning needs. */
export interface ActiveObligation {
  id: string;
  commitmentId: string;
  scheduleKey: string;
}

export interface RecomputePlan {
  /** Same schedule: the row stays and takes the new version's sentence, citations and evidence. */
  keep: { id: string; spec: ObligationSpec }[];
  /** Schedule changed or commitment gone: the row closes on the effective date. */
  close: string[];
  /** New or changed: a row opens on the effective date. */
  open: ObligationSpec[];
}

export function planRecompute(
  active: readonly ActiveObligation[],
  specs: readonly ObligationSpec[],
): RecomputePlan {
  const byCommitment = new Map(active.map((a) => [a.commitmentId, a]));
  const plan: RecomputePlan = { keep: [], close: [], open: [] };
  const seen = new Set<string>();
  for (const spec of specs) {
    seen.add(spec.commitmentId);
    const current = byCommitment.get(spec.commitmentId);
    if (current && current.scheduleKey === spec.scheduleKey) {
      plan.keep.push({ id: current.id, spec });
      continue;
    }
    if (current) plan.close.push(current.id);
    plan.open.push(spec);
  }
  for (const a of active) if (!seen.has(a.commitmentId)) plan.close.push(a.id);
  return plan;
}
