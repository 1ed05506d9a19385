/** Events of the reminder scheduler. PERSISTED SHAPES: see define.ts before changing anything. */
import { z } from "zod";
import { defineEvent, Id } from "./define.ts";

const Count = z.number().int().min(0);

/**
 * The officers' weekly digest went out: the record of the weekly overdue-work review
 * (policy-management). Holds counts and the recipients' user ids, never the work's text.
 */
export const WeeklyDigestSent = defineEvent("digest.sent", "weekly-digest", {
  /** ISO week in the organization's time zone, e.g. "2026-W11" (also the target id). */
  week: z.string().regex(/^\d{4}-W\d{2}$/, "expected an ISO week such as 2026-W11"),
  recipients: z.array(Id).min(1),
  overdue: Count,
  dueNextSevenDays: Count,
  completedLastWeek: Count,
});
