/** Request and response shapes of the evidence API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";
import { pageFields, pagingParams } from "../../server/paging.ts";

/** The largest file one upload may carry. */
export const EVIDENCE_MAX_BYTES = 25 * 1_048_576;

/** A calendar day that exists (V8 would roll 2026-02-31 over into March). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date (YYYY-MM-DD)", abort: true })
  .refine(
    (text) => {
      const parsed = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
    },
    { message: "expected a date that exists in the calendar", abort: true },
  )
  .refine((text) => text >= "1900-01-01" && text <= "2999-12-31", "expected a year from 1900 to 2999");

const Title = z
  .string()
  .trim()
  .min(1, "expected a title")
  .max(200, "expected at most 200 characters")
  .describe("What the evidence shows, e.g. 'Signed BAA with Acme Hosting'.");

/**
 * The kinds of record evidence attaches to. A closed list, with ids in Steward's own shape
 * (`occ_` and hex), because both are written into the hash-chained audit trail, which can never be
 * changed: free text there could carry ePHI for good.
 */
export const subjectTypes = [
  "occurrence",
  "person",
  "member",
  "access-request",
  "access-grant",
  "access-review",
  "termination",
  "sanction",
  "policy-change",
  "policy-version",
] as const;

export const SubjectType = z
  .enum(subjectTypes, { error: `expected one of ${subjectTypes.join(", ")}` })
  .describe("The kind of record the evidence is attached to.");

export const SubjectId = z
  .string()
  .regex(/^[a-z]{3}_[0-9a-f]{1,64}$/, "expected a record id such as occ_3f9c...")
  .describe("The id of the record the evidence is attached to.");

// Browsers send an empty input of a form as "": the same as leaving the field out.
const blankAsMissing = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const subjectShape = {
  subjectType: blankAsMissing(SubjectType),
  subjectId: blankAsMissing(SubjectId),
};

/** subjectType and subjectId go together: one without the other names no record. */
function subjectTogether(value: { subjectType?: string; subjectId?: string }, ctx: z.RefinementCtx): void {
  if ((value.subjectType === undefined) === (value.subjectId === undefined)) return;
  const missing = value.subjectType === undefined ? "subjectType" : "subjectId";
  ctx.addIssue({ code: "custom", path: [missing], message: "expected subjectType and subjectId together" });
}

const EffectiveDate = Day.describe(
  "The day the evidence took effect (signed, completed, issued), not the day it is uploaded.",
);

/** The text fields of a file upload (multipart/form-data, the file in `file`). */
export const UploadFields = z
  .strictObject({ title: Title, effectiveDate: EffectiveDate, ...subjectShape })
  .superRefine(subjectTogether);

export const LinkEvidenceBody = z
  .strictObject({
    title: Title,
    url: z
      .string()
      .max(2000, "expected at most 2000 characters")
      .refine((text) => {
        try {
          return ["http:", "https:"].includes(new URL(text).protocol);
        } catch {
          return false;
        }
      }, "expected an http or https address")
      .describe("Where the evidence lives (a ticket, a document in another system)."),
    effectiveDate: EffectiveDate,
    ...subjectShape,
  })
  .superRefine(subjectTogether);

export const EvidenceListQuery = z
  .strictObject({
    ...subjectShape,
    includeDisposed: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true")
      .describe("Also list disposed evidence (its record stays after the file is gone)."),
    ...pagingParams("evidence items"),
  })
  .superRefine(subjectTogether);

export const EvidenceParams = z.strictObject({
  evidenceId: z.string().min(1).max(100).describe("The evidence id (`evd_...`)."),
});

export const AttachBody = z.strictObject({ subjectType: SubjectType, subjectId: SubjectId });

export const LegalHoldBody = z.strictObject({
  hold: z.boolean().describe("True places the evidence on legal hold; false releases it."),
  reason: z
    .string()
    .trim()
    .min(1, "expected the reason for the change")
    .max(500, "expected at most 500 characters")
    .describe("Why the hold is placed or released (kept with the evidence, not in the audit trail)."),
});

export const LastEffectiveDateBody = z.strictObject({
  date: Day.nullable().describe(
    "The last day the evidence was in effect; null while it still is. Retention runs six years from it.",
  ),
});

const LinkView = z.object({
  subjectType: z.string(),
  subjectId: z.string(),
  linkedAt: z.iso.datetime(),
  linkedBy: z.string(),
});

export const EvidenceView = z.object({
  id: z.string(),
  kind: z.enum(["file", "link"]),
  title: z.string(),
  filename: z.string().nullable(),
  mediaType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable().describe("SHA-256 of the file, as `sha256sum` prints it."),
  url: z.string().nullable(),
  effectiveDate: z.string(),
  lastEffectiveDate: z.string().nullable(),
  retainUntil: z.string().describe("Kept at least until this day: six years after it was last in effect."),
  legalHold: z.boolean(),
  legalHoldReason: z.string().nullable().describe("The reason given with the last hold change."),
  uploadedAt: z.iso.datetime(),
  uploadedBy: z.string(),
  disposedAt: z.iso.datetime().nullable(),
  disposedBy: z.string().nullable(),
  links: z.array(LinkView).describe("The records this evidence is attached to."),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const EvidenceList = z.object({
  evidence: z.array(EvidenceView).describe("One page, newest upload first."),
  ...pageFields("evidence items"),
});
export const DisposalView = z.object({
  disposed: z.array(EvidenceView).describe("What this request disposed (empty when nothing was due)."),
});
