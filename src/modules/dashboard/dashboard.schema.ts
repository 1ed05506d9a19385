/** Request and response shapes of the dashboard API, shared by the routes, the web UI and OpenAPI. */
import { z } from "zod";
import { gradeStatuses } from "../../obligations/grade.ts";
import { OccurrenceView } from "../obligations/obligations.schema.ts";

export const GradeStatusName = z.enum(gradeStatuses);

const Counts = z.object({
  upcoming: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
  done: z.number().int(),
  doneLate: z.number().int(),
  waived: z.number().int(),
});

export const CommitmentGradeView = z.object({
  commitmentId: z.string(),
  policyId: z.string(),
  policyTitle: z.string(),
  sectionNumber: z.string(),
  text: z.string(),
  owner: z.string(),
  kind: z.enum(["recurring", "triggered", "standing"]),
  citations: z.array(z.string()),
  status: GradeStatusName,
  counts: Counts,
  lastCompletedAt: z.iso.datetime().nullable(),
  nextDueOn: z.string().nullable(),
  evidence: z.number().int().describe("Evidence items attached to completed work."),
});

export const CitationGradeView = z.object({
  citation: z.string(),
  title: z.string(),
  ra: z.enum(["R", "A"]).nullable(),
  status: GradeStatusName,
  commitmentIds: z.array(z.string()),
});

export const DashboardView = z.object({
  today: z.string().describe("Today in the organization's time zone."),
  timeZone: z.string(),
  policyVersionId: z.string().nullable(),
  totals: z.record(GradeStatusName, z.number().int()),
  commitments: z.array(CommitmentGradeView),
  citations: z.array(CitationGradeView),
  dueThisWeek: z.array(OccurrenceView),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const DashboardExportQuery = z.strictObject({
  by: z.enum(["commitment", "citation"]).default("commitment"),
});
