/**
 * The outbox on both engines, with a real SMTP server: queued mail is sent once and recorded; a
 * rolled-back transaction queues nothing; a refused message is retried after growing waits and given
 * up after MAX_ATTEMPTS, without its contents in any failure; two senders at once never send a message
 * twice; a claim left by a sender that died lapses; the runner sends what a kick finds.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { ManualClock } from "../../../test/support/server.ts";
import { startTestSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { deliverySummary, enqueueEmails, unsafeClaimDueEmails, type OutboxMessage } from "./outbox.repo.ts";
import {
  createOutboxRunner,
  deliverOutbox,
  describeOutboxFailures,
  MAX_ATTEMPTS,
  retryDelayMs,
} from "./outbox.service.ts";

const subject = { subjectType: "test-record", subjectId: "tst_1" };

const message = (n: number, domain = "outbox.example"): OutboxMessage => ({
  to: `person${n}@${domain}`,
  subject: `Notice ${n}`,
  text: `Body of notice ${n}`,
});

forEachDatabase("outbox", (context) => {
  let smtp: TestSmtp;
  let organizationId: string;
  before(async () => {
    smtp = await startTestSmtp();
    const { rows } = await context.db.query<{ id: string }>(
      "INSERT INTO organizations (slug, name) VALUES ('outbox', 'Outbox Test') RETURNING id",
    );
    organizationId = rows[0]!.id;
  });
  after(() => smtp.close());
  beforeEach(async () => {
    await context.db.query("DELETE FROM outbox_emails");
    smtp.received.length = 0;
    smtp.reject.clear();
  });

  const queue = (messages: OutboxMessage[], now: Date) =>
    context.db.transaction((tx) =>
      enqueueEmails(tx, { organizationId, purpose: "test", subject, messages, now }),
    );
  const rowsOf = async () =>
    (
      await context.db.query<{
        to: string;
        attempts: number;
        sent: boolean;
        gaveUp: boolean;
        next: Date;
        lastFailure: string | null;
      }>(
        `SELECT to_address AS "to", attempts, sent_at IS NOT NULL AS sent, gave_up_at IS NOT NULL AS "gaveUp",
                next_attempt_at AS next, last_failure AS "lastFailure"
           FROM outbox_emails ORDER BY id`,
      )
    ).rows;

  it("sends each queued message once through the mail server and records it", async () => {
    const clock = new ManualClock();
    assert.equal(await queue([message(1), message(2), message(3)], clock.now()), 3);
    const run = await deliverOutbox({ db: context.db, mailer: smtp.mailer(), clock });
    assert.deepEqual(run, { emailsSent: 3, failures: [] });
    assert.deepEqual(
      smtp.received.map((m) => [m.to, m.subject, m.text.trim()]),
      [1, 2, 3].map((n) => [[`person${n}@outbox.example`], `Notice ${n}`, `Body of notice ${n}`]),
    );
    assert.deepEqual(
      (await rowsOf()).map((r) => [r.attempts, r.sent]),
      [
        [1, true],
        [1, true],
        [1, true],
      ],
    );
    assert.deepEqual(await deliverOutbox({ db: context.db, mailer: smtp.mailer(), clock }), {
      emailsSent: 0,
      failures: [],
    });
    assert.equal(smtp.received.length, 3);
  });

  it("queues nothing when the transaction that queued rolls back", async () => {
    await assert.rejects(
      context.db.transaction(async (tx) => {
        await enqueueEmails(tx, {
          organizationId,
          purpose: "test",
          subject,
          messages: [message(1)],
          now: new Date(),
        });
        throw new Error("injected failure after queueing");
      }),
      /injected failure/,
    );
    assert.deepEqual(await rowsOf(), []);
  });

  it("retries a refused message after growing waits, then gives it up", async () => {
    const clock = new ManualClock();
    smtp.reject.add("person2@outbox.example");
    await queue([message(1), message(2)], clock.now());
    const deps = { db: context.db, mailer: smtp.mailer(), clock };
    const first = await deliverOutbox(deps);
    assert.deepEqual(await deliverySummary(context.db, organizationId, subject), {
      sent: 1,
      waiting: 1,
      givenUp: 0,
    });
    assert.equal(first.emailsSent, 1);
    assert.equal(first.failures.length, 1);
    const [line] = describeOutboxFailures(first);
    assert.match(line!, /^outbox: email \d+ of org_\w+ failed: Error EENVELOPE \(tried again later\)$/);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      const refused = (await rowsOf())[1]!;
      assert.equal(refused.attempts, attempt);
      assert.equal(refused.next.getTime(), clock.now().getTime() + retryDelayMs(attempt));
      // Not before its time...
      clock.advanceMinutes(retryDelayMs(attempt) / 60_000 - 1);
      assert.equal((await deliverOutbox(deps)).failures.length, 0, `attempt ${attempt + 1} waits`);
      // ...and again once it has come.
      clock.advanceMinutes(1);
      assert.equal((await deliverOutbox(deps)).failures.length, 1, `attempt ${attempt + 1} made`);
    }
    const [sent, given] = await rowsOf();
    assert.deepEqual([sent!.sent, sent!.attempts], [true, 1]);
    assert.deepEqual(
      [given!.sent, given!.gaveUp, given!.attempts, given!.lastFailure],
      [false, true, MAX_ATTEMPTS, "Error EENVELOPE"],
    );
    assert.deepEqual(await deliverySummary(context.db, organizationId, subject), {
      sent: 1,
      waiting: 0,
      givenUp: 1,
    });
    clock.advanceMinutes(24 * 60);
    assert.deepEqual(await deliverOutbox(deps), { emailsSent: 0, failures: [] }, "never tried again");
    assert.equal(smtp.received.length, 1);
  });

  it("names a given-up message as such, without its contents", async () => {
    const clock = new ManualClock();
    smtp.reject.add("person1@outbox.example");
    await queue([message(1)], clock.now());
    await context.db.query("UPDATE outbox_emails SET attempts = $1", [MAX_ATTEMPTS - 1]);
    const run = await deliverOutbox({ db: context.db, mailer: smtp.mailer(), clock });
    const lines = describeOutboxFailures(run);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /\(given up after 10 tries\)$/);
    assert.doesNotMatch(lines[0]!, /person1|Notice|Body|@/);
  });

  it("sends each message once when two senders run at the same time", async () => {
    const clock = new ManualClock();
    const messages = Array.from({ length: 120 }, (_, i) => message(i));
    await queue(messages, clock.now());
    const deps = { db: context.db, mailer: smtp.mailer(), clock };
    const [a, b] = await Promise.all([deliverOutbox(deps), deliverOutbox(deps)]);
    assert.equal(a.emailsSent + b.emailsSent, 120);
    const recipients = smtp.received.map((m) => m.to[0]);
    assert.equal(recipients.length, 120);
    assert.equal(new Set(recipients).size, 120);
  });

  it("leaves a claimed message alone until the claim lapses", async () => {
    const clock = new ManualClock();
    await queue([message(1)], clock.now());
    // A sender claims it and dies before sending.
    assert.equal(
      (await unsafeClaimDueEmails(context.db, { now: clock.now(), holdMs: 10 * 60_000, limit: 10 })).length,
      1,
    );
    const deps = { db: context.db, mailer: smtp.mailer(), clock };
    clock.advanceMinutes(9);
    assert.equal((await deliverOutbox(deps)).emailsSent, 0);
    clock.advanceMinutes(1);
    assert.equal((await deliverOutbox(deps)).emailsSent, 1);
    assert.deepEqual(
      (await rowsOf()).map((r) => [r.attempts, r.sent]),
      [[2, true]],
    );
  });

  it("runner: a kick sends what is queued, including mail queued during a pass", async () => {
    const clock = new ManualClock();
    const runner = createOutboxRunner({ db: context.db, mailer: smtp.mailer(), clock });
    await queue([message(1), message(2)], clock.now());
    runner.kick();
    await queue([message(3)], clock.now());
    runner.kick();
    await runner.idle();
    assert.deepEqual(
      smtp.received.map((m) => m.to[0]).sort(),
      [1, 2, 3].map((n) => `person${n}@outbox.example`),
    );
    await runner.idle(); // nothing running: resolves at once
  });
});
