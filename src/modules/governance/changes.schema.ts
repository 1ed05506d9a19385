/** Request and response shapes of the policy changes API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";
import { personRoles } from "../../profile/primitives.ts";

const Slug = (what: string) =>
  z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `expected a ${what} id such as access-control`);

const LocalDate = z.iso.date("expected a date as YYYY-MM-DD");

export const ProfileChange = z.strictObject({
  path: z
    .string()
    .max(300)
    .regex(
      /^[A-Za-z][A-Za-z0-9]*(\.([A-Za-z][A-Za-z0-9]*|\d+))*$/,
      "expected a profile field path such as auditing.logReviewCadence",
    )
    .describe("Dot-joined path of the profile field; list items by index: services.offerings.0.name."),
  value: z
    .unknown()
    .nonoptional("expected the field's new value (null clears an optional field)")
    .describe("The new value, as the profile form would send it."),
});

export const SectionChange = z.strictObject({
  policyId: Slug("policy"),
  sectionId: Slug("section"),
  markdown: z
    .string()
    .max(20000, "expected at most 20,000 characters")
    .nullable()
    .describe(
      "The section's new prose as Markdown (no headings, no Liquid); the section's commitment sentences follow it as a numbered list. Null returns to the template's text.",
    ),
});

export const ProposeBody = z
  .strictObject({
    summary: z
      .string()
      .trim()
      .min(1, "expected a short summary of the change")
      .max(500, "expected at most 500 characters"),
    effectiveDate: LocalDate.describe("The day the new version takes effect: today or later."),
    profileChanges: z.array(ProfileChange).max(100).default([]),
    sectionChanges: z.array(SectionChange).max(50).default([]),
  })
  .superRefine((body, ctx) => {
    if (body.profileChanges.length === 0 && body.sectionChanges.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["profileChanges"],
        message: "expected at least one profile value or section text to change",
      });
  });
export type ProposeBody = z.infer<typeof ProposeBody>;

/** PERSISTED SHAPE: policy_changes.request (see the governance migration). */
export interface ChangeRequest {
  profileChanges: { path: string; value: unknown }[];
  sectionChanges: { policyId: string; sectionId: string; markdown: string | null }[];
}

export const ChangeId = z.strictObject({
  changeId: z
    .string()
    .max(100)
    .regex(/^chg_[0-9a-f]{32}$/, "expected a change id such as chg_…"),
});

export const ApproveBody = z.strictObject({
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "expected the draft's contentHash (64 hex characters)")
    .describe("The contentHash of the draft as the approver read it."),
});

export const RejectBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, "expected the reason for rejecting")
    .max(2000, "expected at most 2,000 characters"),
});

export const changeStatuses = ["proposed", "published", "rejected", "withdrawn"] as const;
export const ApproverRole = z.enum(personRoles);

export const ChangeSummary = z.object({
  id: z.string(),
  number: z.number().int().describe("1, 2, 3... per organization."),
  summary: z.string(),
  status: z.enum(changeStatuses),
  effectiveDate: z.string(),
  contentHash: z.string().describe("SHA-256 of the draft's text: what approvals bind to."),
  proposedAt: z.iso.datetime(),
  proposedBy: z.string(),
  proposedByName: z.string().nullable(),
  closedAt: z.iso.datetime().nullable().describe("When it was published, rejected or withdrawn."),
  closedByName: z.string().nullable(),
  reason: z.string().nullable().describe("Why it was rejected."),
  publishedVersion: z.number().int().nullable(),
  approvals: z.object({ required: z.number().int(), approved: z.number().int() }),
});
export type ChangeSummary = z.infer<typeof ChangeSummary>;

export const ChangeList = z.object({ changes: z.array(ChangeSummary).describe("Newest first.") });

const Line = z.object({ kind: z.enum(["context", "added", "removed"]), text: z.string() });

export const ChangeDiff = z.object({
  profile: z
    .array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() }))
    .describe("Profile values that differ from the profile of the version in force."),
  policies: z
    .array(
      z.object({
        policyId: z.string(),
        title: z.string(),
        status: z.enum(["changed", "added", "removed"]),
        hunks: z.array(
          z.object({ oldStart: z.number().int(), newStart: z.number().int(), lines: z.array(Line) }),
        ),
      }),
    )
    .describe("Per policy, the changed lines of its Markdown with a little context."),
  schedules: z
    .array(
      z.object({
        commitmentId: z.string(),
        policyId: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    )
    .describe('Commitments whose schedule changes, e.g. "every 1 week" -> "every 2 weeks".'),
});
export type ChangeDiff = z.infer<typeof ChangeDiff>;

export const ApprovalSlot = z.object({
  role: ApproverRole,
  personName: z.string().nullable().describe("Who holds the role in the profile."),
  holders: z
    .array(z.object({ userId: z.string(), displayName: z.string() }))
    .describe("Members with that email."),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
});

export const ChangeDetail = ChangeSummary.extend({
  request: z.object({
    profileChanges: z.array(z.object({ path: z.string(), value: z.unknown() })),
    sectionChanges: z.array(SectionChange),
  }),
  slots: z.array(ApprovalSlot),
  diff: ChangeDiff,
  blockers: z.array(z.string()).describe("Why the change cannot be published yet; empty when it can."),
  announcements: z
    .object({
      sent: z.number().int(),
      waiting: z.number().int().describe("Not sent yet: queued, or refused and to be tried again."),
      givenUp: z.number().int().describe("Refused at every one of their tries; not tried again."),
    })
    .nullable()
    .describe(
      "How the emails asking members to acknowledge the published version fared; null until published.",
    ),
  actions: z
    .object({ approve: z.boolean(), reject: z.boolean(), withdraw: z.boolean(), publish: z.boolean() })
    .describe("What the caller may do now."),
});
export type ChangeDetail = z.infer<typeof ChangeDetail>;

export const PublishChangeResult = z.object({
  change: ChangeSummary,
  version: z.number().int(),
  contentHash: z.string(),
  effectiveDate: z.string(),
  /** Announcements queued for the members asked to acknowledge; sent right after the answer. */
  emails: z.object({ queued: z.number().int() }),
});
