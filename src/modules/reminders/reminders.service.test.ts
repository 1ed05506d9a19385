/**
 * Due reminders through a real SMTP server: each member gets one email with exactly the work their
 * inbox shows as due or overdue, a second pass sends nothing, overdue work is reminded once more,
 * and a refused message leaves its reminders unrecorded so the next pass sends them.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { roles } from "../../auth/permissions.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { publishedOrganization } from "../../../test/support/obligations.ts";
import type { TestServer } from "../../../test/support/server.ts";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "../../../test/support/smtp.ts";
import type { Database } from "../../db/index.ts";
import { smtpMailer } from "../../mail/mailer.ts";
import { listOccurrences, type OccurrenceRow } from "../obligations/occurrences.repo.ts";
import { ownerRolesFor } from "../obligations/owner-roles.repo.ts";
import { sendDueReminders } from "./reminders.service.ts";

const baseUrl = "https://steward.test/";
const oneLine = (text: string) => text.replace(/\s+/g, " ");

/** Messages to this organization's members (the suite's database holds several organizations). */
const mailOf = (smtp: TestSmtp, server: TestServer) =>
  smtp.received.filter((m) => m.to.every((to) => to.endsWith(`@${server.organization.slug}.example`)));

/** What the member's inbox lists as due or overdue: the reference the reminders must match. */
async function inbox(db: Database, server: TestServer, role: (typeof roles)[number], now: Date) {
  const userId = server.members[role].id;
  const ownerRoles = await ownerRolesFor(db, server.organization.id, { userId, roles: [role] });
  return listOccurrences(db, server.organization.id, now, {
    assignee: { userId, ownerRoles },
    statuses: ["due", "overdue"],
    limit: 1000,
    offset: 0,
  });
}

function assertLists(mail: ReceivedMail, rows: readonly OccurrenceRow[]): void {
  const body = oneLine(mail.text);
  for (const row of rows) assert.ok(body.includes(oneLine(row.text)), `${row.commitmentId} missing`);
  assert.equal((mail.text.match(/^\d+\. /gm) ?? []).length, rows.length);
}

forEachDatabase("sendDueReminders", (context) => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  it("mails each member the due work their inbox shows, once", async () => {
    const server = await publishedOrganization(context.db);
    const now = server.clock.now();
    const run = await sendDueReminders({ db: context.db, mailer: smtp.mailer(), now, baseUrl });
    assert.deepEqual(run.failures, []);
    const mail = mailOf(smtp, server);
    let expectedRows = 0;
    for (const role of roles) {
      const rows = await inbox(context.db, server, role, now);
      const mine = mail.filter((m) => m.to[0] === server.members[role].email);
      assert.equal(mine.length, rows.length > 0 ? 1 : 0, role);
      if (rows.length > 0) assertLists(mine[0]!, rows);
      expectedRows += rows.length;
    }
    // The owner is the engineering lead (backups), the security officer owes the weekly reviews.
    assert.deepEqual(mail.map((m) => m.to[0]).sort(), [
      server.members.owner.email,
      server.members["security-officer"].email,
    ]);
    const officer = mail.find((m) => m.to[0] === server.members["security-officer"].email)!;
    assert.equal(officer.from, "steward@steward.test");
    assert.match(officer.subject, /^Org org-[a-z0-9]+: 5 tasks due soon$/);
    const body = oneLine(officer.text);
    assert.match(body, /The Security Officer must review the audit logs, access reports and security alerts/);
    assert.match(body, /Due by the end of Sunday 8 March 2026\./);
    assert.match(body, /Dates are in America\/Los_Angeles\./);
    assert.ok(officer.text.includes("\nhttps://steward.test/inbox\n"));

    const { rows } = await context.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reminders_sent WHERE organization_id = $1 AND stage = 'due'",
      [server.organization.id],
    );
    assert.equal(rows[0]!.n, expectedRows);
    const again = await sendDueReminders({ db: context.db, mailer: smtp.mailer(), now, baseUrl });
    assert.equal(mailOf(smtp, server).length, 2, "a second pass sends nothing new");
    assert.deepEqual(again.failures, []);
  });

  it("reminds once more when work becomes overdue, and only about that work", async () => {
    const server = await publishedOrganization(context.db);
    const mailer = smtp.mailer();
    await sendDueReminders({ db: context.db, mailer, now: server.clock.now(), baseUrl });
    const before = mailOf(smtp, server).length;
    // Wednesday 01:00 local: the publication notice (due Tuesday) is overdue; the weekly reviews are still due.
    server.clock.setTo("2026-03-04T09:00:00Z");
    await sendDueReminders({ db: context.db, mailer, now: server.clock.now(), baseUrl });
    const officer = mailOf(smtp, server)
      .slice(before)
      .find((m) => m.to[0] === server.members["security-officer"].email)!;
    assert.match(officer.subject, /: 1 task overdue$/);
    assert.match(officer.text, /^Overdue:\n1\. On the day a new version is published/m);
    assert.match(oneLine(officer.text), /Overdue: it was due by the end of Tuesday 3 March 2026\./);
    assert.doesNotMatch(officer.text, /Due soon:/);
    await sendDueReminders({ db: context.db, mailer, now: server.clock.now(), baseUrl });
    assert.equal(mailOf(smtp, server).length, before + 2, "owner and officer, once each");
  });

  it("leaves the reminders of a refused message unrecorded, and sends them on the next pass", async () => {
    const server = await publishedOrganization(context.db);
    const officer = server.members["security-officer"];
    const mailer = smtp.mailer();
    const now = server.clock.now();
    smtp.reject.add(officer.email);
    try {
      const run = await sendDueReminders({ db: context.db, mailer, now, baseUrl });
      const failure = run.failures.find((f) => f.organizationId === server.organization.id);
      assert.deepEqual(failure, {
        organizationId: server.organization.id,
        userId: officer.id,
        reason: "Error EENVELOPE",
      });
    } finally {
      smtp.reject.delete(officer.email);
    }
    const recorded = async () => {
      const { rows } = await context.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM reminders_sent WHERE organization_id = $1 AND user_id = $2",
        [server.organization.id, officer.id],
      );
      return rows[0]!.n;
    };
    assert.equal(await recorded(), 0);
    assert.deepEqual(
      mailOf(smtp, server).map((m) => m.to[0]),
      [server.members.owner.email],
    );

    const run = await sendDueReminders({ db: context.db, mailer, now, baseUrl });
    assert.deepEqual(run.failures, []);
    const sent = mailOf(smtp, server).filter((m) => m.to[0] === officer.email);
    assert.equal(sent.length, 1);
    assertLists(sent[0]!, await inbox(context.db, server, "security-officer", now));
    assert.equal(await recorded(), 5);
  });

  it("keeps going when the mail server cannot be reached, recording nothing", async () => {
    const server = await publishedOrganization(context.db);
    const unreachable = smtpMailer({ url: "smtp://127.0.0.1:1", from: "Steward <steward@steward.test>" });
    const run = await sendDueReminders({
      db: context.db,
      mailer: unreachable,
      now: server.clock.now(),
      baseUrl,
    });
    const mine = run.failures.filter((f) => f.organizationId === server.organization.id);
    assert.equal(mine.length, 2);
    assert.ok(
      mine.every((f) => f.reason === "Error ESOCKET" || f.reason === "Error ECONNECTION"),
      JSON.stringify(mine),
    );
    const { rows } = await context.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reminders_sent WHERE organization_id = $1",
      [server.organization.id],
    );
    assert.equal(rows[0]!.n, 0);
  });
});
