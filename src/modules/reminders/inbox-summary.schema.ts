/** The inbox badge: how much of the caller's work is due or overdue, and when the next is due. */
import { z } from "zod";

export const InboxSummaryView = z.object({
  due: z.number().int().describe("Open work of the caller's that is due (within its due window)."),
  overdue: z.number().int().describe("Open work of the caller's that is overdue."),
  nextDueOn: z
    .string()
    .nullable()
    .describe("The earliest due date of the caller's open work that is not overdue; null when none."),
  timeZone: z.string().describe("The organization's time zone, in which nextDueOn is a date."),
});
export type InboxSummaryView = z.infer<typeof InboxSummaryView>;
