/** Request and response shapes of the audit-trail API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A calendar date that exists (V8 would roll 2026-02-31 over into March); other shapes are the regex's. */
const realDate = (text: string) => {
  if (!ISO_INSTANT.test(text)) return true;
  const day = text.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
};

/** A bound of a time filter: a day (YYYY-MM-DD, UTC) or an instant (ISO 8601 with a zone). */
const Instant = z
  .string()
  .regex(ISO_INSTANT, "expected a date (YYYY-MM-DD) or a date and time with a zone (2026-03-02T09:00:00Z)")
  .refine(realDate, "expected a date that exists in the calendar");

const Text = z.string().min(1).max(200);

/** The filters shared by the list and the export. */
const filterShape = {
  action: Text.optional().describe("Exact action, e.g. policy.published."),
  actorId: Text.optional().describe("The actor's id (a user id for people)."),
  targetType: Text.optional().describe("What kind of record, e.g. policy-version."),
  targetId: Text.optional(),
  from: Instant.optional().describe("Events at or after this day (00:00 UTC) or instant."),
  to: Instant.optional().describe(
    "Events up to the end of this day (UTC), or up to and including this instant.",
  ),
};

export type AuditFilterInput = z.infer<z.ZodObject<typeof filterShape>>;

export const AuditEventsQuery = z.strictObject({
  ...filterShape,
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("At most 500 events per page."),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Keyset cursor: only events with a smaller seq (pass the previous page's nextBefore)."),
});

export const ExportQuery = z.strictObject({
  ...filterShape,
  format: z.enum(["csv", "json"]).default("csv"),
});

export const AuditEventView = z.object({
  seq: z.number().int().describe("Position in the organization's chain: 1, 2, 3..."),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    type: z.enum(["user", "system", "cli"]),
    id: z.string(),
    displayName: z.string().nullable().describe("The user's name when the actor is a user."),
  }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  changes: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
  hashVersion: z
    .number()
    .int()
    .describe("Which encoding the hash covers: 1 or 2 (docs/ARCHITECTURE.md, Hash encodings)."),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventPage = z.object({
  events: z.array(AuditEventView).describe("Newest first."),
  nextBefore: z
    .number()
    .int()
    .nullable()
    .describe("Cursor for the next (older) page; null on the last page."),
});

export const VerifyView = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), count: z.number().int().describe("Events verified.") }),
  z.object({
    ok: z.literal(false),
    seq: z.number().int(),
    eventId: z.string().nullable(),
    problem: z.enum(["altered", "inserted", "deleted", "reordered"]),
    detail: z.string(),
  }),
]);
