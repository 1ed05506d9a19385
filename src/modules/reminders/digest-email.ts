/**
 * The officers' weekly digest: where the organization's compliance work stands, every overdue
 * item, what falls due this coming week and what was finished last week. Plain text.
 */
import { localDateOf } from "../../obligations/deadlines.ts";
import type { DigestItem, WorkCounts } from "./digest.repo.ts";
import type { DigestWeek } from "./digest-week.ts";
import { daysLate, lookaheadDays } from "./digest-week.ts";
import { appLink, count, dayText, deadlineText, entry, roleName } from "./email-format.ts";

export interface DigestEmail {
  to: string;
  displayName: string;
  organizationName: string;
  timeZone: string;
  baseUrl: string;
  week: DigestWeek;
  counts: WorkCounts;
  overdue: readonly DigestItem[];
  dueSoon: readonly DigestItem[];
  completed: readonly DigestItem[];
}

function list(title: string, items: readonly DigestItem[], detail: (item: DigestItem) => string): string[] {
  const lines = ["", `${title} (${items.length}):`];
  if (items.length === 0) lines.push("None.");
  items.forEach((item, i) =>
    lines.push(entry(i + 1, item.text, `${roleName(item.ownerRole)}. ${detail(item)}`)),
  );
  return lines;
}

export function digestMessage(email: DigestEmail): { to: string; subject: string; text: string } {
  const { week, counts, timeZone } = email;
  const late = (item: DigestItem) => {
    const days = daysLate(item.dueOn, week.today);
    return days === 0 ? "overdue since today" : `${count(days, "day")} overdue`;
  };
  const text = [
    `Hello ${email.displayName},`,
    "",
    `This is the weekly digest of compliance work at ${email.organizationName} for ${week.week}, the week starting ${dayText(week.monday)}. Dates are in ${timeZone}.`,
    "",
    "Under the policy management policy (commitment overdue-work-review), the Security Officer looks at every overdue item below each week and either sees it finished or records in Steward why it waits. Steward keeps a record that this digest was sent, as evidence of that weekly review.",
    "",
    "Open work now:",
    `  Overdue: ${counts.overdue}`,
    `  Due (its due window has opened): ${counts.due}`,
    `  Upcoming: ${counts.upcoming}`,
    `Closed last week (${dayText(week.lastWeek.firstDay)} to ${dayText(week.lastWeek.lastDay)}):`,
    `  Done on time: ${counts.doneLastWeek}`,
    `  Done late: ${counts.doneLateLastWeek}`,
    `  Waived: ${counts.waivedLastWeek}`,
    ...list(
      "Overdue",
      email.overdue,
      (i) => `Was due ${deadlineText(i.dueOn, i.dueAt, timeZone)}: ${late(i)}.`,
    ),
    ...list(
      `Due in the next ${lookaheadDays} days, to ${dayText(week.horizon)}`,
      email.dueSoon,
      (i) => `Due ${deadlineText(i.dueOn, i.dueAt, timeZone)}.`,
    ),
    ...list("Completed last week", email.completed, (i) => {
      const on = dayText(localDateOf(i.completedAt!, timeZone));
      return `Completed on ${on}, ${i.status === "done-late" ? "late" : "on time"}.`;
    }),
    "",
    "See and record the work in Steward:",
    appLink(email.baseUrl, "/inbox"),
  ].join("\n");
  return {
    to: email.to,
    subject: `${email.organizationName} weekly compliance digest, ${week.week}: ${counts.overdue} overdue`,
    text,
  };
}
