/** Request and response shapes of access requests, grants and review campaigns. */
import { z } from "zod";
import { revokeReasons, verificationMethods } from "../../audit/events/workforce.ts";
import { LocalDateText } from "../obligations/obligations.schema.ts";
import { Id } from "./people.schema.ts";

const Text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `expected ${what}` })
    .max(max, { error: `expected at most ${max} characters` });
const Note = z.string().trim().max(2000).nullable().default(null).describe("Why; no ePHI.");
const Paging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const Ref = z.object({ id: z.string(), name: z.string() });

export const RequestAccessBody = z.strictObject({
  personId: Id.nullable().default(null).describe("Whose access; null: the caller's own roster entry."),
  system: Text(200, "the system's name"),
  level: Text(100, "the level of access, such as read-only or administrator"),
  justification: Text(2000, "why the access is needed"),
  temporaryUntil: LocalDateText.nullable()
    .default(null)
    .describe("Temporary access: the last day (at most access.temporaryAccessMaxDays from today)."),
});
export type RequestAccessBody = z.infer<typeof RequestAccessBody>;

export const RequestParams = z.strictObject({ requestId: Id });
export const DecideBody = z.strictObject({ note: Note });
export const GrantBody = z.strictObject({
  verificationMethod: z
    .enum(verificationMethods, { error: `expected one of: ${verificationMethods.join(", ")}` })
    .describe("How the person's identity was verified before credentials were issued."),
});

export const RequestsQuery = z.strictObject({
  status: z.enum(["pending", "approved", "rejected", "granted", "all"]).default("all"),
  ...Paging,
});

export const AccessRequestView = z.object({
  id: z.string(),
  person: Ref,
  system: z.string(),
  level: z.string(),
  justification: z.string(),
  temporaryUntil: z.string().nullable(),
  requestedBy: Ref,
  requestedAt: z.iso.datetime(),
  status: z.enum(["pending", "approved", "rejected", "granted"]),
  decidedBy: Ref.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: z.string().nullable(),
  grantId: z.string().nullable(),
});
export type AccessRequestView = z.infer<typeof AccessRequestView>;
export const AccessRequestPage = z.object({
  requests: z.array(AccessRequestView),
  nextOffset: z.number().int().nullable(),
});

export const GrantParams = z.strictObject({ grantId: Id });
export const RevokeBody = z.strictObject({
  reason: z.enum(revokeReasons, { error: `expected one of: ${revokeReasons.join(", ")}` }),
});
export const LastUsedBody = z.strictObject({
  lastUsedOn: LocalDateText.describe("The last day the account was used, as the system reports it."),
});

export const GrantsQuery = z.strictObject({
  status: z.enum(["active", "revoked", "all"]).default("active"),
  attention: z
    .enum(["expired", "inactive"])
    .optional()
    .describe("expired: temporary grants past their end date still active; inactive: unused for `days`."),
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe("Inactivity threshold in days; default access.inactiveAccountDays of the profile (90)."),
  personId: Id.optional(),
  ...Paging,
});

export const GrantView = z.object({
  id: z.string(),
  person: Ref.extend({ email: z.string() }),
  requestId: z.string(),
  system: z.string(),
  level: z.string(),
  expiresOn: z.string().nullable().describe("Temporary grants: the last day of access."),
  verificationMethod: z.enum(verificationMethods),
  grantedBy: Ref,
  grantedAt: z.iso.datetime(),
  lastUsedOn: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: Ref.nullable(),
  revokeReason: z.enum(revokeReasons).nullable(),
});
export type GrantView = z.infer<typeof GrantView>;
export const GrantPage = z.object({ grants: z.array(GrantView), nextOffset: z.number().int().nullable() });

export const ReviewParams = z.strictObject({ reviewId: Id });
export const ReviewItemParams = z.strictObject({ reviewId: Id, itemId: Id });
export const ItemDecisionBody = z.strictObject({
  decision: z.enum(["keep", "revoke"], { error: "expected keep or revoke" }),
});
export const CloseReviewBody = z.strictObject({
  occurrenceId: Id.nullable()
    .default(null)
    .describe("The access-review occurrence this campaign answers; complete it afterwards with evidence."),
});

export const ReviewSummary = z.object({
  id: z.string(),
  startedBy: Ref,
  startedAt: z.iso.datetime(),
  closedBy: Ref.nullable(),
  closedAt: z.iso.datetime().nullable(),
  occurrenceId: z.string().nullable(),
  counts: z.object({
    items: z.number().int(),
    kept: z.number().int(),
    revoked: z.number().int(),
    open: z.number().int().describe("Items neither decided nor settled by a revocation elsewhere."),
  }),
});
export const ReviewList = z.object({ reviews: z.array(ReviewSummary) });

export const ReviewItemView = z.object({
  id: z.string(),
  grant: GrantView,
  decision: z.enum(["keep", "revoke"]).nullable(),
  decidedBy: Ref.nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export const ReviewDetail = ReviewSummary.extend({ items: z.array(ReviewItemView) });
