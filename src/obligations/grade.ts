/**
 * Grading: from what was done (occurrence counts per commitment) to a status per commitment, and
 * from commitments to the citations they serve. Pure; the dashboard feeds it aggregates.
 *
 * overdue     some open work is past its deadline (and grace)
 * due         some open work is due soon or now, nothing overdue
 * met         work was done (or waived with approval) and nothing is due or overdue
 * never-done  work is owed but none has ever been completed
 * not-triggered  triggered work whose event has never happened: nothing is owed
 * standing    a rule that holds continuously; checked at each policy review, not scheduled
 */
export const gradeStatuses = ["overdue", "due", "never-done", "met", "not-triggered", "standing"] as const;
export type GradeStatus = (typeof gradeStatuses)[number];

export interface WorkCounts {
  upcoming: number;
  due: number;
  overdue: number;
  done: number;
  doneLate: number;
  waived: number;
}

export const noWork: WorkCounts = { upcoming: 0, due: 0, overdue: 0, done: 0, doneLate: 0, waived: 0 };

export function addCounts(a: WorkCounts, b: WorkCounts): WorkCounts {
  return {
    upcoming: a.upcoming + b.upcoming,
    due: a.due + b.due,
    overdue: a.overdue + b.overdue,
    done: a.done + b.done,
    doneLate: a.doneLate + b.doneLate,
    waived: a.waived + b.waived,
  };
}

export function gradeCommitment(
  kind: "recurring" | "triggered" | "standing",
  counts: WorkCounts,
): GradeStatus {
  if (kind === "standing") return "standing";
  if (counts.overdue > 0) return "overdue";
  if (counts.due > 0) return "due";
  if (counts.done + counts.doneLate + counts.waived > 0) return "met";
  if (kind === "triggered" && counts.upcoming === 0) return "not-triggered";
  return "never-done";
}

/** The worst status among a citation's commitments: a citation is only as met as its weakest commitment. */
export function gradeCitation(statuses: readonly GradeStatus[]): GradeStatus {
  let worst = gradeStatuses.length - 1;
  for (const s of statuses) worst = Math.min(worst, gradeStatuses.indexOf(s));
  return gradeStatuses[worst]!;
}
