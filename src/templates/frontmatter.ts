/**
 * The front matter of a policy template: what the policy is, where it sits, and the commitments it
 * makes. A commitment is declared once here and (1) renders its sentence through the
 * `{% commitment "id" %}` tag, (2) will schedule work, and (3) will be graded.
 */
import { z } from "zod";

const kebab = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected lower-case words joined by hyphens" });

/** Roles that own work. Person-backed roles resolve to names from profile.people. */
export const ownerRoles = [
  "security-officer",
  "privacy-officer",
  "engineering-lead",
  "executive",
  "policy-approvers",
  "incident-response-team",
  "supervisor",
  "hr",
  "workforce-member",
] as const;
export type OwnerRole = (typeof ownerRoles)[number];

/** Events that start triggered work; the obligations engine listens for exactly these. */
export const triggerEvents = [
  "workforce.hired",
  "workforce.role-changed",
  "workforce.terminated",
  "access.requested",
  "access.emergency-used",
  "policy.published",
  "incident.reported",
  "breach.discovered",
  "breach.law-enforcement-oral-delay",
  "vulnerability.critical-found",
  "vulnerability.high-found",
  "vulnerability.medium-found",
  "vulnerability.low-found",
  "device.lost",
  "key.lost",
  "media.retired",
  "change.requested",
  "vendor.onboarded",
  "customer.contract-ended",
  "risk.high-identified",
  "risk.medium-identified",
  "audit-report.requested",
  "disaster.declared",
] as const;
export type TriggerEvent = (typeof triggerEvents)[number];

/** A deadline: a profile path holding a number, or a fixed number, in hours or days. */
const Within = z.union([
  z.strictObject({
    param: z
      .string()
      .min(1)
      .describe("Profile path of a whole number, for example access.terminationRevocationHours."),
    unit: z.enum(["hours", "days"]),
  }),
  z.strictObject({ value: z.number().int().positive(), unit: z.enum(["hours", "days"]) }),
]);

export const Schedule = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("recurring"),
    cadence: z
      .string()
      .min(1)
      .describe(
        "Profile path of a cadence, for example auditing.logReviewCadence, or a fixed cadence word such as weekly.",
      ),
  }),
  z.strictObject({ kind: z.literal("triggered"), event: z.enum(triggerEvents), within: Within }),
  z.strictObject({
    kind: z.literal("standing").describe("A rule that holds continuously; checked at each policy review."),
  }),
]);
export type Schedule = z.infer<typeof Schedule>;

export const CommitmentDeclaration = z.strictObject({
  id: kebab.describe("Unique across the whole library."),
  section: kebab.describe("Id of the section in this policy where the sentence appears."),
  owner: z.enum(ownerRoles),
  text: z.string().min(1).describe('The sentence, in Liquid, rendered where {% commitment "id" %} stands.'),
  schedule: Schedule,
  evidence: z.string().min(1).describe("The record the work leaves, which an auditor can ask for."),
  citations: z.array(z.string()).min(1, { error: "expected at least one citation" }),
  rules: z.array(z.enum(["separation-of-duties", "evidence-required"])).default([]),
  when: z
    .string()
    .min(1)
    .optional()
    .describe("Liquid condition; the commitment exists only when it is true."),
});
export type CommitmentDeclaration = z.infer<typeof CommitmentDeclaration>;

export const PolicyFrontMatter = z.strictObject({
  id: kebab,
  title: z.string().min(1),
  order: z.number().int().min(0).max(10_000).describe("Position in the set; numbers follow this order."),
  summary: z.string().min(1).describe("One sentence on what the policy is for (Liquid allowed)."),
  when: z
    .string()
    .min(1)
    .optional()
    .describe("Liquid condition; the policy is published only when it is true."),
  hitrust: z.array(z.string()).default([]).describe("HITRUST CSF reference ids this policy supports."),
  nist: z.array(z.string()).default([]).describe("NIST SP 800-53 rev5 control ids this policy supports."),
  commitments: z.array(CommitmentDeclaration).default([]),
});
export type PolicyFrontMatter = z.infer<typeof PolicyFrontMatter>;
