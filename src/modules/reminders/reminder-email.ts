/** The reminder email: the work a member owes that has just fallen due or become overdue. Plain text. */
import { appLink, count, deadlineText, entry } from "./email-format.ts";
import type { ReminderStage } from "./reminders.repo.ts";

export interface ReminderItem {
  text: string;
  dueOn: string;
  dueAt: Date;
  stage: ReminderStage;
}

export interface ReminderEmail {
  to: string;
  displayName: string;
  organizationName: string;
  timeZone: string;
  baseUrl: string;
  items: readonly ReminderItem[];
}

export function reminderMessage(email: ReminderEmail): { to: string; subject: string; text: string } {
  const overdue = email.items.filter((i) => i.stage === "overdue");
  const due = email.items.filter((i) => i.stage === "due");
  const headline = [
    overdue.length > 0 ? `${count(overdue.length, "task")} overdue` : null,
    due.length > 0 ? `${count(due.length, "task")} due soon` : null,
  ]
    .filter((part) => part !== null)
    .join(", ");
  const lines = [
    `Hello ${email.displayName},`,
    "",
    `Compliance work that ${email.organizationName} has assigned to you needs attention.`,
    `Dates are in ${email.timeZone}.`,
  ];
  let index = 0;
  const section = (title: string, items: readonly ReminderItem[], label: string) => {
    if (items.length === 0) return;
    lines.push("", `${title}:`);
    for (const item of items) {
      lines.push(
        entry(++index, item.text, `${label} ${deadlineText(item.dueOn, item.dueAt, email.timeZone)}.`),
      );
    }
  };
  section("Overdue", overdue, "Overdue: it was due");
  section("Due soon", due, "Due");
  lines.push(
    "",
    "Record what was done, with its evidence, from your inbox:",
    appLink(email.baseUrl, "/inbox"),
    "",
    "Steward reminds you once when work falls due and once more if it becomes overdue.",
  );
  return {
    to: email.to,
    subject: `${email.organizationName}: ${headline}`,
    text: lines.join("\n"),
  };
}
