/**
 * `sendDueReminders`: for each organization and member, the open work they owe (the inbox's rule)
 * that has become due or overdue since they were last reminded at that stage, in one email per
 * member. A reminder is recorded only once its email was accepted by the mail server, so a failed
 * send is tried again on the next pass and a sent one never twice.
 */
import { owesWork } from "../../obligations/owners.ts";
import { assigneeOf } from "./assignment.ts";
import { failureReason, type MailPassOptions, type MailRun } from "./mail-run.ts";
import { reminderMessage } from "./reminder-email.ts";
import {
  listMembers,
  listReminderCandidates,
  recordReminders,
  unsafeListActiveOrganizations,
  type ActiveOrganization,
  type ReminderCandidate,
} from "./reminders.repo.ts";

export type SendRemindersOptions = MailPassOptions;

const alreadyReminded = (c: ReminderCandidate, userId: string) =>
  c.reminded.some(([user, stage]) => user === userId && stage === c.stage);

async function remindOrganization(
  options: SendRemindersOptions,
  org: ActiveOrganization,
  run: MailRun,
): Promise<void> {
  const { db, now } = options;
  const candidates = await listReminderCandidates(db, org.id, now);
  if (candidates.length === 0) return;
  for (const member of await listMembers(db, org.id)) {
    const assignee = assigneeOf(member, org.people);
    const items = candidates.filter((c) => owesWork(assignee, c) && !alreadyReminded(c, member.userId));
    if (items.length === 0) continue;
    const message = reminderMessage({
      to: member.email,
      displayName: member.displayName,
      organizationName: org.name,
      timeZone: org.timeZone,
      baseUrl: options.baseUrl,
      items,
    });
    try {
      await options.mailer.send(message);
    } catch (error) {
      run.failures.push({ organizationId: org.id, userId: member.userId, reason: failureReason(error) });
      continue;
    }
    run.emailsSent += 1;
    const sent = items.map((i) => ({ occurrenceId: i.id, stage: i.stage }));
    // A failed record is this member's problem only: the others still get their reminders.
    try {
      await recordReminders(db, org.id, member.userId, sent, now);
    } catch (error) {
      run.failures.push({ organizationId: org.id, userId: member.userId, reason: failureReason(error) });
    }
  }
}

/** One pass over every organization with published policies; one organization's failure spares the rest. */
export async function sendDueReminders(options: SendRemindersOptions): Promise<MailRun> {
  const run: MailRun = { emailsSent: 0, failures: [] };
  for (const org of options.organizations ?? (await unsafeListActiveOrganizations(options.db))) {
    try {
      await remindOrganization(options, org, run);
    } catch (error) {
      run.failures.push({ organizationId: org.id, userId: null, reason: failureReason(error) });
    }
  }
  return run;
}
