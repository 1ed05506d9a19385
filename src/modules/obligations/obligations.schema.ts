/** Request and response shapes of the obligations API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";
import { isLocalDate } from "../../obligations/deadlines.ts";
import { triggerEvents } from "../../templates/frontmatter.ts";

export const LocalDateText = z
  .string()
  .refine(isLocalDate, "expected a date that exists, as YYYY-MM-DD")
  .describe("A calendar date in the organization's time zone.");

const Id = z.string().min(1).max(200);

export const occurrenceStatuses = [
  "upcoming",
  "due",
  "overdue",
  "done",
  "done-late",
  "waived",
  "superseded",
] as const;
export const OccurrenceStatusName = z.enum(occurrenceStatuses);

export const OccurrencesQuery = z.strictObject({
  scope: z
    .enum(["mine", "all"])
    .default("mine")
    .describe("mine: work the caller owes; all: the organization's (needs obligations:read)."),
  status: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const names = text.split(",").map((s) => s.trim());
      const bad = names.filter((n) => !(occurrenceStatuses as readonly string[]).includes(n));
      if (bad.length > 0) {
        ctx.addIssue({ code: "custom", message: `expected statuses among ${occurrenceStatuses.join(", ")}` });
        return z.NEVER;
      }
      return names as (typeof occurrenceStatuses)[number][];
    })
    .describe("Comma-separated statuses, e.g. due,overdue."),
  from: LocalDateText.optional().describe("Due on or after this date."),
  to: LocalDateText.optional().describe("Due on or before this date."),
  commitmentId: Id.optional(),
  personId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const OccurrenceId = z.strictObject({ occurrenceId: Id });

export const CompleteBody = z.strictObject({
  note: z.string().trim().max(4000).nullable().default(null).describe("What was done; no ePHI."),
  evidenceIds: z.array(Id).max(50).default([]).describe("Evidence (files or links) that shows the work."),
});

export const WaiveBody = z.strictObject({
  reason: z.string().trim().min(1, "expected the reason for the waiver").max(4000),
});

export const RaiseEventBody = z.strictObject({
  event: z.enum(triggerEvents),
  occurredAt: z.iso.datetime({ offset: true }).describe("When it happened; deadlines run from here."),
  subjectType: z.string().regex(/^[a-z][a-z-]{0,59}$/, "expected a record type such as incident"),
  subjectId: Id,
  personId: Id.nullable().default(null),
  subjectUserId: Id.nullable().default(null),
});

export const RaisedEventView = z.object({ triggerId: z.string(), occurrencesCreated: z.number().int() });

const Person = z.object({ id: z.string(), name: z.string() }).nullable();

export const OccurrenceView = z.object({
  id: z.string(),
  commitmentId: z.string(),
  policyId: z.string(),
  sectionNumber: z.string(),
  text: z.string().describe("The commitment's sentence as published."),
  evidence: z.string().describe("The record the work should leave."),
  ownerRole: z.string(),
  kind: z.enum(["recurring", "triggered"]),
  rules: z.array(z.string()),
  citations: z.array(z.string()),
  person: Person,
  startsOn: z.string().nullable(),
  dueOn: z.string(),
  dueAt: z.iso.datetime(),
  overdueAt: z.iso.datetime(),
  status: OccurrenceStatusName,
  completedAt: z.iso.datetime().nullable(),
  completedBy: Person,
  completionNote: z.string().nullable(),
  waivedAt: z.iso.datetime().nullable(),
  waivedBy: Person,
  waiverReason: z.string().nullable(),
  trigger: z.object({ event: z.string(), subjectType: z.string(), subjectId: z.string() }).nullable(),
});
export type OccurrenceView = z.infer<typeof OccurrenceView>;

export const OccurrencePage = z.object({
  occurrences: z.array(OccurrenceView),
  nextOffset: z.number().int().nullable(),
});

export const ObligationView = z.object({
  id: z.string(),
  commitmentId: z.string(),
  policyId: z.string(),
  sectionNumber: z.string(),
  kind: z.enum(["recurring", "triggered"]),
  ownerRole: z.string(),
  perPerson: z.boolean(),
  cadence: z.object({ every: z.number().int(), unit: z.string() }).nullable(),
  triggerEvent: z.string().nullable(),
  within: z.object({ amount: z.number().int(), unit: z.string() }).nullable(),
  graceDays: z.number().int(),
  rules: z.array(z.string()),
  citations: z.array(z.string()),
  text: z.string(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
});
export const ObligationList = z.object({ obligations: z.array(ObligationView) });
export const ObligationsQuery = z.strictObject({
  history: z
    .enum(["true", "false"])
    .default("false")
    .describe("true: include obligations no longer in effect."),
});
