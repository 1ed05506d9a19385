/** Request and response shapes of the roster API (people, terminations), shared by routes, web UI and OpenAPI. */
import { z } from "zod";
import { terminationTaskKinds } from "../../audit/events/workforce.ts";
import { Email } from "../identity/identity.schema.ts";
import { LocalDateText, OccurrenceView } from "../obligations/obligations.schema.ts";

export const Id = z.string().min(1).max(200);
export const PersonKind = z.enum(["employee", "contractor"], { error: "expected employee or contractor" });

const FullName = z
  .string()
  .trim()
  .min(1, { error: "expected a name" })
  .max(200, { error: "expected at most 200 characters" })
  .describe("The person's full name.");
const JobTitle = z
  .string()
  .trim()
  .max(200, { error: "expected at most 200 characters" })
  .transform((text) => (text === "" ? null : text))
  .nullable()
  .describe("Job title; a change raises workforce.role-changed (access review of the new role).");

export const PersonParams = z.strictObject({ personId: Id.describe("The person's id (`per_...`).") });

export const HireBody = z.strictObject({
  fullName: FullName,
  email: Email,
  kind: PersonKind,
  jobTitle: JobTitle.default(null),
  supervisorId: Id.nullable().default(null).describe("The supervisor's person id."),
  startDate: LocalDateText.describe("First working day, in the organization's time zone."),
});
export type HireBody = z.infer<typeof HireBody>;

export const UpdatePersonBody = z.strictObject({
  fullName: FullName.optional(),
  email: Email.optional(),
  kind: PersonKind.optional(),
  jobTitle: JobTitle.optional(),
  supervisorId: Id.nullable().optional(),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const PeopleQuery = z.strictObject({
  status: z
    .enum(["active", "terminated", "all"])
    .default("active")
    .describe("active: no end date; terminated: an end date is set (leaving or left)."),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const Ref = z.object({ id: z.string(), name: z.string() }).nullable();

export const PersonView = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string(),
  kind: PersonKind,
  jobTitle: z.string().nullable(),
  supervisor: Ref,
  userId: z.string().nullable().describe("The member account linked by email, if any."),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(["active", "leaving", "left"]).describe("leaving: the last day is today or later."),
});
export type PersonView = z.infer<typeof PersonView>;

export const PeoplePage = z.object({
  people: z.array(PersonView),
  nextOffset: z.number().int().nullable(),
});

export const TerminationTaskView = z.object({
  id: z.string(),
  kind: z.enum(terminationTaskKinds),
  grant: z.object({ id: z.string(), system: z.string(), level: z.string() }).nullable(),
  dueAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  completedBy: Ref,
  note: z.string().nullable(),
  status: z.enum(["open", "overdue", "done", "done-late"]),
});

export const TerminationView = z.object({
  id: z.string(),
  lastDay: z.string(),
  terminatedAt: z.iso.datetime(),
  dueAt: z.iso.datetime().describe("terminatedAt + access.terminationRevocationHours."),
  completedAt: z.iso.datetime().nullable().describe("When the last task was done."),
  tasks: z.array(TerminationTaskView),
});
export type TerminationView = z.infer<typeof TerminationView>;

export const PersonDetail = PersonView.extend({
  termination: TerminationView.nullable(),
  openWork: z.array(OccurrenceView).describe("Work about this person not yet closed, soonest first."),
  pastWork: z.array(OccurrenceView).describe("Closed work (done, waived, superseded), latest first."),
});

export const TerminateBody = z.strictObject({
  lastDay: LocalDateText.describe("The last working day (becomes the end date)."),
  terminatedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("When the work relationship ended; the revocation deadline runs from it. Default: now."),
});

export const TaskParams = z.strictObject({ personId: Id, taskId: Id });
export const CompleteTaskBody = z.strictObject({
  note: z.string().trim().max(2000).nullable().default(null).describe("What was done; no ePHI."),
});

export const ImportBody = z.union(
  [
    z.string().describe("The CSV text itself (content-type text/csv or text/plain)."),
    z.strictObject({ csv: z.string().min(1, { error: "expected the CSV text" }).max(1_000_000) }),
  ],
  { error: "expected the CSV text, or a JSON object with the CSV text in csv" },
);

export const ImportResult = z.object({
  imported: z.number().int(),
  hireTriggers: z.number().int().describe("People whose training is still owed (start within newHireDays)."),
  personIds: z.array(z.string()),
});
