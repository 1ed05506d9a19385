/** The training status API: derived from occurrences, never stored twice. */
import { z } from "zod";

/** The training commitments of the workforce policy (content/policies/employees.md). */
export const personalCourses = ["new-member-training", "refresher-training"] as const;
export const organizationCourses = ["policy-change-training"] as const;

export const TrainingStatus = z
  .enum(["upcoming", "due", "overdue", "done", "none"])
  .describe(
    "The earliest open occurrence's status; done when none is open; none when nothing was ever owed.",
  );

export const CourseView = z.object({
  commitmentId: z.string(),
  lastCompletedAt: z.iso.datetime().nullable(),
  nextDueOn: z.string().nullable().describe("Due date of the earliest open occurrence."),
  status: TrainingStatus,
});
export type CourseView = z.infer<typeof CourseView>;

export const TrainingView = z.object({
  people: z.array(
    z.object({
      person: z.object({ id: z.string(), name: z.string(), startDate: z.string() }),
      courses: z.array(CourseView),
    }),
  ),
  organizationWide: z
    .array(CourseView)
    .describe("Training owed to the workforce as a whole (after a material policy change)."),
});
export type TrainingView = z.infer<typeof TrainingView>;
