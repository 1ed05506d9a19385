/**
 * `sendWeeklyDigests`: once per ISO week per organization, from Monday 08:00 in its time zone, each
 * owner and officer gets the digest of the organization's compliance work. The week is recorded
 * (with an audit event) once at least one officer received it; when every send failed nothing is
 * recorded and the next pass tries again. An officer whose address failed while others received
 * it does not get a second copy: retrying would mail the others again.
 */
import { recordEvent } from "../../audit/index.ts";
import { digestMessage } from "./digest-email.ts";
import { countWork, digestSent, listDigestItems, listOfficers, recordDigest } from "./digest.repo.ts";
import { digestWeek } from "./digest-week.ts";
import { failureReason, type MailPassOptions, type MailRun } from "./mail-run.ts";
import { unsafeListActiveOrganizations, type ActiveOrganization } from "./reminders.repo.ts";

export type SendDigestsOptions = MailPassOptions;

async function digestOrganization(options: SendDigestsOptions, org: ActiveOrganization, run: MailRun) {
  const { db, now } = options;
  const week = digestWeek(now, org.timeZone);
  if (now < week.opensAt || (await digestSent(db, org.id, week.week))) return;
  const officers = await listOfficers(db, org.id);
  if (officers.length === 0) return;
  const counts = await countWork(db, org.id, now, week.lastWeek);
  const items = await listDigestItems(db, org.id, now, week.horizon, week.lastWeek);
  const overdue = items.filter((i) => i.status === "overdue");
  const dueSoon = items.filter(
    (i) => (i.status === "due" || i.status === "upcoming") && i.dueOn <= week.horizon,
  );
  const completed = items.filter((i) => i.completedAt !== null);
  const delivered: string[] = [];
  for (const officer of officers) {
    const message = digestMessage({
      to: officer.email,
      displayName: officer.displayName,
      organizationName: org.name,
      timeZone: org.timeZone,
      baseUrl: options.baseUrl,
      week,
      counts,
      overdue,
      dueSoon,
      completed,
    });
    try {
      await options.mailer.send(message);
      delivered.push(officer.userId);
      run.emailsSent += 1;
    } catch (error) {
      run.failures.push({ organizationId: org.id, userId: officer.userId, reason: failureReason(error) });
    }
  }
  if (delivered.length === 0) return;
  await db.transaction(async (tx) => {
    if (!(await recordDigest(tx, org.id, week.week, now, delivered.length))) return;
    await recordEvent(tx, {
      organizationId: org.id,
      actor: { type: "system", id: "system:weekly-digest" },
      at: now,
      event: {
        action: "digest.sent",
        target: { type: "weekly-digest", id: week.week },
        changes: {
          week: week.week,
          recipients: delivered,
          overdue: overdue.length,
          dueNextSevenDays: dueSoon.length,
          completedLastWeek: completed.length,
        },
      },
    });
  });
}

/** One pass over every organization with published policies; one organization's failure spares the rest. */
export async function sendWeeklyDigests(options: SendDigestsOptions): Promise<MailRun> {
  const run: MailRun = { emailsSent: 0, failures: [] };
  for (const org of options.organizations ?? (await unsafeListActiveOrganizations(options.db))) {
    try {
      await digestOrganization(options, org, run);
    } catch (error) {
      run.failures.push({ organizationId: org.id, userId: null, reason: failureReason(error) });
    }
  }
  return run;
}
