/**
 * A readable diff of a proposal against the version in force: the profile values it changes (from
 * and to), per policy the changed lines of the published Markdown with a little context, and the
 * commitments whose schedule changes.
 */
import { structuredPatch } from "diff";
import type { Profile } from "../../profile/schema.ts";
import { renderPolicyMarkdown } from "../../publish/markdown.ts";
import type { PolicySet, RenderedPolicy, ResolvedSchedule } from "../../templates/model.ts";
import type { StoredPolicySet } from "../policies/policies.model.ts";
import { changedPaths } from "../profile/profile.diff.ts";
import type { ChangeDiff } from "./changes.schema.ts";

/** Lines of context around each change. */
const CONTEXT = 2;

export interface DiffSide {
  profile: Record<string, unknown>;
  set: StoredPolicySet;
}

function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}

/** A cadence ({ every, unit }) reads as one value: its path stands for both parts. */
function wholeValuePath(profile: unknown, path: string): string {
  const parent = path.slice(0, path.lastIndexOf("."));
  const value = parent ? valueAt(profile, parent) : null;
  const isCadence =
    typeof value === "object" && value !== null && Object.keys(value).sort().join(",") === "every,unit";
  return isCadence ? parent : path;
}

export function diffProposal(base: DiffSide, draft: DiffSide): ChangeDiff {
  const paths = changedPaths(base.profile, draft.profile).map((path) => wholeValuePath(draft.profile, path));
  return {
    profile: [...new Set(paths)].map((path) => ({
      path,
      from: valueAt(base.profile, path),
      to: valueAt(draft.profile, path),
    })),
    policies: diffPolicies(base.set, draft.set, draft.profile),
    schedules: diffSchedules(base.set.policies, draft.set.policies),
  };
}

/**
 * Both sides are printed with the draft's version line: a new effective date would otherwise show
 * as a changed line in every policy, while the profile diff already says it once.
 */
function diffPolicies(base: StoredPolicySet, draft: StoredPolicySet, profile: Record<string, unknown>) {
  const frame: PolicySet = {
    // Stored profiles passed validation when they were saved; the Markdown reads only the version line.
    profile: profile as unknown as Profile,
    version: draft.documentVersion,
    effectiveDate: draft.effectiveDate,
    policies: [],
    sharedResponsibility: null,
    contentHash: "",
  };
  const text = (policy: RenderedPolicy | undefined) => (policy ? renderPolicyMarkdown(frame, policy) : "");
  const ids = [...new Set([...draft.policies.map((p) => p.id), ...base.policies.map((p) => p.id)])];
  return ids.flatMap((policyId) => {
    const before = base.policies.find((p) => p.id === policyId);
    const after = draft.policies.find((p) => p.id === policyId);
    const patch = structuredPatch(policyId, policyId, text(before), text(after), "", "", {
      context: CONTEXT,
    });
    if (patch.hunks.length === 0) return [];
    return [
      {
        policyId,
        title: (after ?? before)!.title,
        status: !before ? ("added" as const) : !after ? ("removed" as const) : ("changed" as const),
        hunks: patch.hunks.map((hunk) => ({
          oldStart: hunk.oldStart,
          newStart: hunk.newStart,
          lines: hunk.lines
            .filter((line) => !line.startsWith("\\"))
            .map((line) => ({
              kind: line.startsWith("+")
                ? ("added" as const)
                : line.startsWith("-")
                  ? ("removed" as const)
                  : ("context" as const),
              text: line.slice(1),
            })),
        })),
      },
    ];
  });
}

/** "every 2 weeks", "within 72 hours of breach.discovered", "standing (no schedule)". */
export function describeSchedule(schedule: ResolvedSchedule): string {
  switch (schedule.kind) {
    case "recurring": {
      const { every, unit } = schedule.cadence;
      return `every ${every} ${unit}${every === 1 ? "" : "s"}`;
    }
    case "triggered":
      return `within ${schedule.within.amount} ${schedule.within.unit} of ${schedule.event}`;
    case "standing":
      return "standing (no schedule)";
  }
}

function diffSchedules(
  base: readonly RenderedPolicy[],
  draft: readonly RenderedPolicy[],
): ChangeDiff["schedules"] {
  const schedules = (policies: readonly RenderedPolicy[]) =>
    new Map(
      policies.flatMap((p) =>
        p.commitments.map((c) => [c.id, { policyId: p.id, text: describeSchedule(c.schedule) }]),
      ),
    );
  const before = schedules(base);
  const after = schedules(draft);
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  return ids.flatMap((commitmentId) => {
    const from = before.get(commitmentId);
    const to = after.get(commitmentId);
    if (from?.text === to?.text) return [];
    return [
      { commitmentId, policyId: (to ?? from)!.policyId, from: from?.text ?? null, to: to?.text ?? null },
    ];
  });
}
