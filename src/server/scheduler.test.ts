/**
 * The scheduler with a real SMTP server: its first tick comes shortly after start and writes the
 * periods time has brought before mailing; ticks never overlap; one organization's failure (a
 * broken profile, a refusing mail server) is logged without contents and spares the others; stop
 * waits for the tick in progress and nothing runs after it.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, it } from "node:test";
import { forEachDatabase } from "../../test/support/databases.ts";
import { occurrencesOf, publishedOrganization } from "../../test/support/obligations.ts";
import type { TestServer } from "../../test/support/server.ts";
import { startTestSmtp, type TestSmtp } from "../../test/support/smtp.ts";
import type { Clock, Mailer } from "./deps.ts";
import { enqueueEmails } from "../modules/outbox/outbox.repo.ts";
import { runSchedulerTick, startScheduler } from "./scheduler.ts";

const baseUrl = "https://steward.test";

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (await condition()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

forEachDatabase("startScheduler", (context) => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  const mailOf = (server: TestServer) =>
    smtp.received.filter((m) => m.to.every((to) => to.endsWith(`@${server.organization.slug}.example`)));
  const digestSent = async (server: TestServer) => {
    const { rows } = await context.db.query("SELECT 1 FROM digests_sent WHERE organization_id = $1", [
      server.organization.id,
    ]);
    return rows.length > 0;
  };

  it("runs a tick shortly after start (new periods, reminders, digest) and stops cleanly", async () => {
    const server = await publishedOrganization(context.db);
    // Friday of the third week: two weekly periods have come since publication.
    server.clock.setTo("2026-03-20T17:00:00Z");
    let reads = 0;
    const clock: Clock = {
      now: () => {
        reads += 1;
        return server.clock.now();
      },
    };
    const logs: string[] = [];
    const stop = startScheduler(
      { db: context.db, clock, mailer: smtp.mailer(), baseUrl },
      { intervalMs: 10, firstTickMs: 10, log: (line) => logs.push(line) },
    );
    await until(() => digestSent(server), "the first tick");
    await stop();
    assert.deepEqual(
      (await occurrencesOf(context.db, server.organization.id, "log-review")).map((o) => o.dueOn),
      ["2026-03-08", "2026-03-15", "2026-03-22"],
    );
    const mail = mailOf(server);
    const officer = server.members["security-officer"].email;
    assert.equal(mail.filter((m) => m.to[0] === officer && !m.subject.includes("digest")).length, 1);
    assert.equal(mail.filter((m) => /weekly compliance digest, 2026-W12/.test(m.subject)).length, 3);
    assert.deepEqual(logs, []);
    const readsAtStop = reads;
    await sleep(100);
    assert.equal(reads, readsAtStop, "no tick after stop");
  });

  it("runs in one process at a time; another takes over when it stops", async () => {
    const server = await publishedOrganization(context.db);
    server.clock.setTo("2026-03-20T17:00:00Z");
    const deps = { db: context.db, clock: server.clock, mailer: smtp.mailer(), baseUrl };
    const logsA: string[] = [];
    const logsB: string[] = [];
    // Two processes serving one database, started together.
    const stopA = startScheduler(deps, { intervalMs: 5, firstTickMs: 0, log: (l) => logsA.push(l) });
    const stopB = startScheduler(deps, { intervalMs: 5, firstTickMs: 0, log: (l) => logsB.push(l) });
    try {
      const standingBy = (logs: string[]) =>
        logs.includes("scheduler: another process runs the schedule; this one stands by");
      await until(() => standingBy(logsA) || standingBy(logsB), "one process to stand by");
      await until(() => digestSent(server), "the first tick");
      // Let several ticks of each pass: the work is still done once.
      await sleep(200);
      const [runner, stopRunner, waiter, stopWaiter, waiterLogs] = standingBy(logsA)
        ? ["B", stopB, "A", stopA, logsA]
        : ["A", stopA, "B", stopB, logsB];
      const mail = mailOf(server);
      const officer = server.members["security-officer"].email;
      assert.equal(mail.filter((m) => m.to[0] === officer && !m.subject.includes("digest")).length, 1);
      assert.equal(mail.filter((m) => /weekly compliance digest/.test(m.subject)).length, 3);
      assert.ok(!standingBy(runner === "A" ? logsA : logsB), `${runner} ran every tick`);
      // The runner stops and gives the lease up; the other takes over on its next tick.
      await stopRunner();
      await until(
        () => waiterLogs.includes("scheduler: this process now runs the schedule"),
        `${waiter} to take over`,
      );
      server.clock.setTo("2026-03-27T17:00:00Z"); // a week later: the next digest comes from the new runner
      await until(
        () => mailOf(server).filter((m) => /digest, 2026-W13/.test(m.subject)).length === 3,
        "the next digest",
      );
      await stopWaiter();
      const { rows } = await context.db.query("SELECT holder FROM scheduler_lease");
      assert.deepEqual(rows, [], "both gave the lease up");
    } finally {
      // Stopping twice is harmless; this only matters when an assertion failed midway.
      await Promise.all([stopA(), stopB()]);
    }
  });

  it("sends the queued email that is due", async () => {
    const server = await publishedOrganization(context.db);
    const to = `queued@${server.organization.slug}.example`;
    await context.db.transaction((tx) =>
      enqueueEmails(tx, {
        organizationId: server.organization.id,
        purpose: "test",
        subject: { subjectType: "test-record", subjectId: "tst_1" },
        messages: [{ to, subject: "Queued notice", text: "Sent by the scheduler." }],
        now: server.clock.now(),
      }),
    );
    const result = await runSchedulerTick({
      db: context.db,
      clock: server.clock,
      mailer: smtp.mailer(),
      baseUrl,
    });
    assert.equal(result.emailsDelivered, 1);
    assert.deepEqual(
      smtp.received.filter((m) => m.to[0] === to).map((m) => m.subject),
      ["Queued notice"],
    );
  });

  it("writes an organization's periods once per local day", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    const deps = { db: context.db, clock: server.clock, mailer: smtp.mailer(), baseUrl };
    const reviews = async () => (await occurrencesOf(context.db, orgId, "log-review")).map((o) => o.dueOn);
    server.clock.setTo("2026-03-20T17:00:00Z"); // Friday March 20 in Los Angeles
    // Already written for today: the pass is skipped, and the periods since publication wait.
    const writtenFor = new Map([[orgId, "2026-03-20"]]);
    await runSchedulerTick(deps, undefined, writtenFor);
    assert.deepEqual(await reviews(), ["2026-03-08"]);
    // The next local day the pass runs and writes every period that came since.
    server.clock.setTo("2026-03-21T17:00:00Z");
    await runSchedulerTick(deps, undefined, writtenFor);
    assert.deepEqual(await reviews(), ["2026-03-08", "2026-03-15", "2026-03-22"]);
    assert.equal(writtenFor.get(orgId), "2026-03-21");
  });

  it("never overlaps ticks, and one organization's failure spares the others", async () => {
    const broken = await publishedOrganization(context.db);
    const refused = await publishedOrganization(context.db);
    const healthy = await publishedOrganization(context.db);
    await context.db.query(
      `UPDATE profile_versions SET data = jsonb_set(data, '{organization,timeZone}', '"Nowhere/Atlantis"')
        WHERE organization_id = $1 AND is_current`,
      [broken.organization.id],
    );
    const real = smtp.mailer();
    let inFlight = 0;
    let mostInFlight = 0;
    const mailer: Mailer = {
      async send(message) {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          await sleep(15);
          if (message.to.endsWith(`@${refused.organization.slug}.example`)) {
            throw Object.assign(new Error(`550 ${message.to} refused: ${message.subject}`), {
              code: "EENVELOPE",
            });
          }
          await real.send(message);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const logs: string[] = [];
    let ticks = 0;
    const clock: Clock = { now: () => healthy.clock.now() };
    const stop = startScheduler(
      { db: context.db, clock, mailer, baseUrl },
      {
        intervalMs: 1,
        firstTickMs: 0,
        log: (line) => {
          logs.push(line);
          if (line.includes(`reminders failed for ${refused.organization.id}`)) ticks += 1;
        },
      },
    );
    // Several ticks, each retrying the refused organization's reminders.
    await until(() => ticks >= 6, "several ticks");
    await stop();
    assert.equal(inFlight, 0, "stop waited for the tick in progress");
    assert.equal(mostInFlight, 1, "ticks never overlap");
    // The healthy organization's owner and officer got their reminders exactly once.
    const reminders = mailOf(healthy).filter((m) => !m.subject.includes("digest"));
    assert.deepEqual(reminders.map((m) => m.to[0]).sort(), [
      healthy.members.owner.email,
      healthy.members["security-officer"].email,
    ]);
    assert.equal(mailOf(broken).length, 0);
    assert.equal(mailOf(refused).length, 0);
    const about = (org: TestServer) => logs.filter((l) => l.includes(org.organization.id));
    assert.ok(about(broken).some((l) => /writing new occurrences failed for org_\w+: RangeError$/.test(l)));
    assert.ok(about(broken).some((l) => /reminders failed for org_\w+: RangeError$/.test(l)));
    assert.ok(
      about(refused).every((l) => /reminders failed for org_\w+ member usr_\w+: Error EENVELOPE$/.test(l)),
    );
    assert.equal(about(healthy).length, 0);
    for (const line of logs) assert.doesNotMatch(line, /@|Atlantis|must|refused/, "no contents in the log");
  });
});
