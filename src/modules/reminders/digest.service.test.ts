/**
 * The officers' weekly digest through a real SMTP server: sent once per ISO week from Monday 08:00
 * in the organization's zone (not before, not on Sunday, not twice, across a DST change), with the
 * counts and lists the schedule holds, recorded with its audit event only once it reached someone.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { publishedOrganization } from "../../../test/support/obligations.ts";
import { eventsOf } from "../../../test/support/org-data.ts";
import type { TestServer } from "../../../test/support/server.ts";
import { startTestSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { listOccurrences } from "../obligations/occurrences.repo.ts";
import { materializeOccurrences } from "../obligations/recompute.service.ts";
import { sendWeeklyDigests } from "./digest.service.ts";

const zone = "America/Los_Angeles";
const oneLine = (text: string) => text.replace(/\s+/g, " ");

forEachDatabase("sendWeeklyDigests", (context) => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  const mailOf = (server: TestServer) =>
    smtp.received.filter((m) => m.to.every((to) => to.endsWith(`@${server.organization.slug}.example`)));
  const officers = (server: TestServer) =>
    [
      server.members.owner.email,
      server.members["privacy-officer"].email,
      server.members["security-officer"].email,
    ].sort();

  async function passAt(server: TestServer, instant: string) {
    server.clock.setTo(instant);
    const now = server.clock.now();
    await context.db.transaction((tx) => materializeOccurrences(tx, server.organization.id, zone, now));
    return sendWeeklyDigests({ db: context.db, mailer: smtp.mailer(), now, baseUrl: "https://steward.test" });
  }

  /** Open work by status at the clock's time, as the inbox lists it. */
  async function openCounts(server: TestServer) {
    const rows = await listOccurrences(context.db, server.organization.id, server.clock.now(), {
      statuses: ["overdue", "due", "upcoming"],
      limit: 5000,
      offset: 0,
    });
    const n = (status: string) => rows.filter((r) => r.status === status).length;
    return { overdue: n("overdue"), due: n("due"), upcoming: n("upcoming") };
  }

  it("goes to the owner and officers once per week, from Monday 08:00 local", async () => {
    const server = await publishedOrganization(context.db);
    await passAt(server, "2026-03-02T09:00:00Z"); // Monday 01:00 PST
    await passAt(server, "2026-03-02T15:59:00Z"); // Monday 07:59
    assert.equal(mailOf(server).length, 0);

    await passAt(server, "2026-03-02T16:00:00Z"); // Monday 08:00
    const first = mailOf(server);
    assert.deepEqual(first.map((m) => m.to[0]).sort(), officers(server));
    const digest = first[0]!;
    assert.match(digest.subject, /^Org org-[a-z0-9]+ weekly compliance digest, 2026-W10: 0 overdue$/);
    const counts = await openCounts(server);
    assert.match(digest.text, new RegExp(`^  Due \\(its due window has opened\\): ${counts.due}$`, "m"));
    assert.match(digest.text, new RegExp(`^  Upcoming: ${counts.upcoming}$`, "m"));
    assert.match(digest.text, /^Overdue \(0\):\nNone\.$/m);
    // Two daily backups, the publication notice and the three weekly reviews fall due by Sunday.
    assert.match(digest.text, /^Due in the next 7 days, to Sunday 8 March 2026 \(6\):$/m);
    assert.ok(digest.text.includes("\nhttps://steward.test/inbox"));

    await passAt(server, "2026-03-05T18:00:00Z"); // Thursday: same week
    assert.equal(mailOf(server).length, 3);
    // The log review is done on Thursday, on time.
    await context.db.query(
      `UPDATE occurrences SET completed_at = $3, completed_by = $2
        WHERE organization_id = $1 AND due_on = '2026-03-08'
          AND obligation_id IN (SELECT id FROM obligations WHERE commitment_id = 'log-review')`,
      [server.organization.id, server.members["security-officer"].id, new Date("2026-03-05T18:00:00Z")],
    );
    await passAt(server, "2026-03-08T20:00:00Z"); // Sunday 13:00 PDT (clocks went forward that night)
    await passAt(server, "2026-03-09T14:59:00Z"); // Monday 07:59 PDT
    assert.equal(mailOf(server).length, 3);

    await passAt(server, "2026-03-09T15:00:00Z"); // Monday 08:00 PDT
    const second = mailOf(server).slice(3);
    assert.deepEqual(second.map((m) => m.to[0]).sort(), officers(server));
    const week11 = second[0]!;
    const now = await openCounts(server);
    // Seven daily backups, the publication notice and two weekly reviews (the log review was done).
    assert.equal(now.overdue, 10);
    assert.match(week11.subject, /, 2026-W11: 10 overdue$/);
    assert.ok(week11.text.includes("\n  Overdue: 10\n"));
    assert.match(week11.text, new RegExp(`^  Due \\(its due window has opened\\): ${now.due}$`, "m"));
    assert.ok(
      week11.text.includes(
        "Closed last week (Monday 2 March 2026 to Sunday 8 March 2026):\n  Done on time: 1\n  Done late: 0\n  Waived: 0\n",
      ),
    );
    const body = oneLine(week11.text);
    assert.match(body, /Engineering Lead\. Was due by the end of Monday 2 March 2026: 7 days overdue\./);
    assert.match(
      body,
      /review every alert of lower severity [^.]+\. Security Officer\. Was due by the end of Sunday 8 March 2026: 1 day overdue\./,
    );
    assert.match(
      body,
      /Completed last week \(1\): 1\. The Security Officer must review the audit logs[^.]+\. Security Officer\. Completed on Thursday 5 March 2026, on time\./,
    );
    assert.match(body, /Due in the next 7 days, to Sunday 15 March 2026 \(5\): /);
    assert.match(body, /overdue-work-review/);

    await passAt(server, "2026-03-11T20:00:00Z");
    assert.equal(mailOf(server).length, 6, "not twice in a week");
    const { rows } = await context.db.query<{ week: string; recipients: number }>(
      "SELECT week, recipients FROM digests_sent WHERE organization_id = $1 ORDER BY week",
      [server.organization.id],
    );
    assert.deepEqual(rows, [
      { week: "2026-W10", recipients: 3 },
      { week: "2026-W11", recipients: 3 },
    ]);
    const events = await eventsOf(context.db, server.organization.id, "digest.sent");
    assert.deepEqual(
      events.map((e) => [e.actorId, e.targetId, e.changes["overdue"], e.changes["completedLastWeek"]]),
      [
        ["system:weekly-digest", "2026-W10", 0, 0],
        ["system:weekly-digest", "2026-W11", 10, 1],
      ],
    );
    const recipients = [
      server.members.owner.id,
      server.members["privacy-officer"].id,
      server.members["security-officer"].id,
    ];
    assert.deepEqual((events[1]!.changes["recipients"] as string[]).slice().sort(), recipients.sort());
  });

  it("records nothing while no officer can be reached, and sends on the next pass", async () => {
    const server = await publishedOrganization(context.db);
    for (const email of officers(server)) smtp.reject.add(email);
    try {
      const run = await passAt(server, "2026-03-02T16:00:00Z");
      const failed = run.failures.filter((f) => f.organizationId === server.organization.id);
      assert.equal(failed.length, 3);
      assert.ok(failed.every((f) => f.reason === "Error EENVELOPE"));
    } finally {
      for (const email of officers(server)) smtp.reject.delete(email);
    }
    assert.equal(mailOf(server).length, 0);
    assert.equal((await eventsOf(context.db, server.organization.id, "digest.sent")).length, 0);

    await passAt(server, "2026-03-02T16:15:00Z");
    assert.deepEqual(
      mailOf(server)
        .map((m) => m.to[0])
        .sort(),
      officers(server),
    );
    assert.equal((await eventsOf(context.db, server.organization.id, "digest.sent")).length, 1);
  });
});
