/**
 * The organization profile: one document that describes the organization once and drives every
 * policy sentence, schedule and grade. Changing the shape of a stored profile needs a migration.
 */
import { z } from "zod";
import {
  Access,
  Auditing,
  Breach,
  Contingency,
  DataLifecycle,
  Governance,
  Incidents,
  Risk,
  Training,
  Vulnerability,
} from "./commitments.ts";
import { Hosting } from "./hosting.ts";
import { Organization, Services } from "./identity.ts";
import { Modules } from "./modules.ts";
import { People } from "./people.ts";
import { Tools } from "./tools.ts";

const ProfileShape = z
  .strictObject({
    organization: Organization,
    services: Services,
    hosting: Hosting,
    tools: Tools,
    people: People,
    governance: Governance,
    access: Access.prefault({}),
    auditing: Auditing.prefault({}),
    risk: Risk.prefault({}),
    vulnerability: Vulnerability.prefault({}),
    training: Training.prefault({}),
    incidents: Incidents.prefault({}),
    breach: Breach.prefault({}),
    contingency: Contingency.prefault({}),
    dataLifecycle: DataLifecycle.prefault({}),
    modules: Modules.prefault({}),
  })
  .describe("Steward organization profile.");

type Shape = z.infer<typeof ProfileShape>;
type Issue = { path: (string | number)[]; message: string };

/** Values that each pass on their own but cannot all be true together. */
function findContradictions(profile: Shape): Issue[] {
  const issues: Issue[] = [];
  const { hosting, people, vulnerability: v, risk, services } = profile;
  if (hosting.providers.length === 0 && hosting.onPremise === null) {
    issues.push({
      path: ["hosting", "providers"],
      message: "expected at least one hosting provider when hosting.onPremise is null",
    });
  }
  const security = people.securityOfficer;
  if (
    security &&
    security.email === people.privacyOfficer.email &&
    security.name !== people.privacyOfficer.name
  ) {
    issues.push({
      path: ["people", "privacyOfficer", "name"],
      message: `shares the Security Officer's email but not the name: expected "${security.name}" for one person holding both roles, or a different email`,
    });
  }
  type PatchKey = "patchCriticalDays" | "patchHighDays" | "patchMediumDays" | "patchLowDays";
  const patch: [PatchKey, PatchKey][] = [
    ["patchCriticalDays", "patchHighDays"],
    ["patchHighDays", "patchMediumDays"],
    ["patchMediumDays", "patchLowDays"],
  ];
  for (const [tighter, looser] of patch) {
    if (v[tighter] > v[looser]) {
      issues.push({
        path: ["vulnerability", tighter],
        message: `expected at most vulnerability.${looser} (${v[looser]}), got ${v[tighter]}`,
      });
    }
  }
  const maxScore = risk.likelihoodScale.length * risk.impactScale.length;
  if (risk.highThreshold > maxScore) {
    issues.push({
      path: ["risk", "highThreshold"],
      message: `expected at most ${maxScore} (the highest likelihood x impact score), got ${risk.highThreshold}`,
    });
  }
  if (risk.mediumThreshold >= risk.highThreshold) {
    issues.push({
      path: ["risk", "mediumThreshold"],
      message: `expected less than risk.highThreshold (${risk.highThreshold}), got ${risk.mediumThreshold}`,
    });
  }
  const seen = new Set<string>();
  services.offerings.forEach((offering, index) => {
    if (seen.has(offering.kind))
      issues.push({
        path: ["services", "offerings", index, "kind"],
        message: `"${offering.kind}" is listed twice; expected each service model once`,
      });
    seen.add(offering.kind);
  });
  for (const key of ["lineOfSuccession", "policyApprovers"] as const) {
    const roles = people[key];
    if (new Set(roles).size !== roles.length)
      issues.push({ path: ["people", key], message: "expected each role once, got a role listed twice" });
  }
  return issues;
}

export const Profile = ProfileShape.superRefine((profile, ctx) => {
  for (const issue of findContradictions(profile))
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

/** A validated profile with every default filled in: what templates and schedules read. */
export type Profile = z.infer<typeof Profile>;
/** A profile as a user writes it, before defaults. */
export type ProfileInput = z.input<typeof Profile>;
export { ProfileShape };
