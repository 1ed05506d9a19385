/**
 * Delivery of queued email (outbox.repo.ts). A state change queues its messages in its own
 * transaction; afterwards the request kicks this process's runner, which sends them without the
 * request waiting, and every scheduler tick delivers whatever is due (retries, and messages a
 * stopped process left). A message is claimed before it is sent, so two processes never send the
 * same one; a process that dies while sending lets its claim lapse and the message is sent again:
 * at least once, never lost.
 */
import type { Database } from "../../db/index.ts";
import type { Clock, Mailer } from "../../server/deps.ts";
import { failureReason } from "../reminders/mail-run.ts";
import { markEmailFailed, markEmailSent, unsafeClaimDueEmails } from "./outbox.repo.ts";

/** Tries per message before it is given up (kept, marked, never sent again). */
export const MAX_ATTEMPTS = 10;
/** How long a claim holds: far beyond one batch of sends, short enough to recover from a crash. */
const CLAIM_MS = 10 * 60_000;
const BATCH = 50;

/** The wait after failed try `attempts`: 1, 2, 4 ... 256 minutes, about eight and a half hours in all. */
export function retryDelayMs(attempts: number): number {
  return 2 ** (attempts - 1) * 60_000;
}

export interface OutboxFailure {
  organizationId: string;
  emailId: string;
  reason: string;
  gaveUp: boolean;
}

/** What one delivery pass did, in terms safe to log: counts, ids and error kinds. */
export interface OutboxRun {
  emailsSent: number;
  failures: OutboxFailure[];
}

export interface OutboxDeps {
  db: Database;
  mailer: Mailer;
  clock: Clock;
}

/** Sends every message due now, batch after batch, until none is left that this pass may take. */
export async function deliverOutbox({ db, mailer, clock }: OutboxDeps): Promise<OutboxRun> {
  const run: OutboxRun = { emailsSent: 0, failures: [] };
  for (;;) {
    const claimed = await unsafeClaimDueEmails(db, { now: clock.now(), holdMs: CLAIM_MS, limit: BATCH });
    if (claimed.length === 0) return run;
    // One at a time: a large workforce should not open hundreds of SMTP connections at once.
    for (const email of claimed) {
      try {
        await mailer.send(email.message);
      } catch (error) {
        const reason = failureReason(error);
        const gaveUp = email.attempts >= MAX_ATTEMPTS;
        const now = clock.now();
        const retryAt = gaveUp ? null : new Date(now.getTime() + retryDelayMs(email.attempts));
        await markEmailFailed(db, { id: email.id, now, reason, retryAt });
        run.failures.push({ organizationId: email.organizationId, emailId: email.id, reason, gaveUp });
        continue;
      }
      await markEmailSent(db, email.id, clock.now());
      run.emailsSent += 1;
    }
  }
}

/** One line per failure, with ids and the error's kind only. */
export function describeOutboxFailures(run: OutboxRun): string[] {
  return run.failures.map(
    (f) =>
      `outbox: email ${f.emailId} of ${f.organizationId} failed: ${f.reason}` +
      (f.gaveUp ? ` (given up after ${MAX_ATTEMPTS} tries)` : " (tried again later)"),
  );
}

/** This process's sender: `kick` after a commit that queued mail; `idle` resolves once nothing is being sent. */
export interface OutboxRunner {
  kick(): void;
  idle(): Promise<void>;
}

export function createOutboxRunner(deps: OutboxDeps, log: (line: string) => void = () => {}): OutboxRunner {
  let running: Promise<void> | null = null;
  // A kick during a pass: the pass may have claimed before the new rows were committed, so run again.
  let kickedAgain = false;
  const pass = async () => {
    do {
      kickedAgain = false;
      try {
        for (const line of describeOutboxFailures(await deliverOutbox(deps))) log(line);
      } catch (error) {
        // The scheduler's next tick delivers what this pass could not.
        log(`outbox: delivery failed: ${failureReason(error)}`);
      }
    } while (kickedAgain);
  };
  return {
    kick() {
      if (running) {
        kickedAgain = true;
        return;
      }
      running = pass().finally(() => {
        running = null;
      });
    },
    async idle() {
      while (running) await running;
    },
  };
}
