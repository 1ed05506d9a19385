/**
 * Turns a declared commitment into its rendered form: the sentence as published, the schedule with
 * the profile's numbers filled in, and the typed parameters it reads.
 */
import type { Template } from "liquidjs";
import { Cadence } from "../profile/primitives.ts";
import type { Profile } from "../profile/schema.ts";
import type { TemplateProblem } from "./errors.ts";
import type { CommitmentDeclaration } from "./frontmatter.ts";
import { renderLiquid } from "./fast-liquid.ts";
import { liquidEngine } from "./liquid.ts";
import type { RenderedCommitment, ResolvedSchedule } from "./model.ts";
import type { ParsedSection } from "./sections.ts";

/** Reads a dotted path ("access.idleLogoffMinutes") from the profile; undefined when absent. */
export function readPath(profile: Profile, path: string): unknown {
  let value: unknown = profile;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

interface Input {
  declaration: CommitmentDeclaration;
  policyId: string;
  section: ParsedSection;
  text: string;
  /** The evidence line, parsed once when the library was loaded. */
  evidence: Template[];
  citations: string[];
  profile: Profile;
  /** The same Liquid scope the policy body sees (profile keys and derived facts). */
  scope: Record<string, unknown>;
  file: string;
  problems: TemplateProblem[];
}

function resolveSchedule({ declaration, profile, file, problems }: Input): ResolvedSchedule {
  const schedule = declaration.schedule;
  const fail = (message: string): ResolvedSchedule => {
    problems.push({ file, line: null, message: `commitment "${declaration.id}" schedule: ${message}` });
    return { kind: "standing" };
  };
  switch (schedule.kind) {
    case "standing":
      return { kind: "standing" };
    case "recurring": {
      // A profile path ("auditing.logReviewCadence") or a fixed cadence word ("weekly").
      const fixed = !schedule.cadence.includes(".");
      const cadence = Cadence.safeParse(fixed ? schedule.cadence : readPath(profile, schedule.cadence));
      if (!cadence.success) return fail(`"${schedule.cadence}" is not a cadence in the profile`);
      return { kind: "recurring", cadence: cadence.data, cadenceParam: fixed ? null : schedule.cadence };
    }
    case "triggered": {
      const within = schedule.within;
      if ("value" in within)
        return {
          kind: "triggered",
          event: schedule.event,
          within: { amount: within.value, unit: within.unit, param: null },
        };
      const amount = readPath(profile, within.param);
      if (typeof amount !== "number") return fail(`"${within.param}" is not a number in the profile`);
      return {
        kind: "triggered",
        event: schedule.event,
        within: { amount, unit: within.unit, param: within.param },
      };
    }
  }
}

/** Profile paths a commitment reads: from its sentence and its schedule. */
export function commitmentParameterPaths(declaration: CommitmentDeclaration): string[] {
  const fromText = liquidEngine()
    .globalFullVariablesSync(declaration.text)
    .filter((path) => !path.startsWith("derived."));
  const schedule = declaration.schedule;
  const fromSchedule =
    schedule.kind === "recurring"
      ? schedule.cadence.includes(".")
        ? [schedule.cadence]
        : []
      : schedule.kind === "triggered" && "param" in schedule.within
        ? [schedule.within.param]
        : [];
  return [...new Set([...fromText, ...fromSchedule])];
}

export function buildCommitment(input: Input): RenderedCommitment {
  const { declaration, policyId, section, text, citations, profile } = input;
  const parameters: Record<string, unknown> = {};
  for (const path of commitmentParameterPaths(declaration))
    parameters[path] = readPath(profile, path) ?? null;
  return {
    id: declaration.id,
    policyId,
    sectionId: section.id,
    sectionNumber: section.number,
    owner: declaration.owner,
    text,
    schedule: resolveSchedule(input),
    evidence: renderLiquid(liquidEngine(), input.evidence, input.scope, { profile }).trim(),
    citations,
    rules: declaration.rules,
    parameters,
  };
}
