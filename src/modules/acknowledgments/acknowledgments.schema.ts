/** Request and response shapes of the acknowledgments API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";
import { roles } from "../../auth/permissions.ts";
import { memberPageShape, memberPagingShape } from "../members/members.schema.ts";

export const AcknowledgeBody = z.strictObject({
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "expected the policies' contentHash (64 hex characters)")
    .describe("The contentHash of the policies as the reader received them."),
});

export const AcknowledgmentView = z.object({
  version: z.number().int().describe("The policy version acknowledged."),
  contentHash: z.string(),
  acknowledgedAt: z.iso.datetime(),
  created: z.boolean().describe("False when this member had already acknowledged this version."),
});

export const AcknowledgmentsQuery = z.strictObject({
  status: z
    .enum(["all", "acknowledged", "missing"])
    .default("all")
    .describe("missing: only the members who have not acknowledged the current version."),
  ...memberPagingShape,
});
export type AcknowledgmentsQuery = z.infer<typeof AcknowledgmentsQuery>;

export const AcknowledgmentList = z.object({
  version: z.number().int().nullable().describe("The current policy version; null before the first publish."),
  contentHash: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  counts: z
    .object({ members: z.number().int(), acknowledged: z.number().int(), missing: z.number().int() })
    .describe("Over every member asked to acknowledge, whatever the status, q, limit and offset."),
  members: z
    .array(
      z.object({
        userId: z.string(),
        displayName: z.string(),
        email: z.string(),
        roles: z.array(z.enum(roles)),
        acknowledged: z.boolean(),
        acknowledgedAt: z.iso.datetime().nullable(),
      }),
    )
    .describe(
      "One page of the members asked to acknowledge (external auditors are not) who match status and q, by display name (ignoring case), then user id.",
    ),
  ...memberPageShape,
});
export type AcknowledgmentList = z.infer<typeof AcknowledgmentList>;
