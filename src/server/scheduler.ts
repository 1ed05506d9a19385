/**
 * The background pass that keeps the schedule moving while the server runs. Each tick, for every
 * organization with published policies: write the recurring periods that time has brought
 * (materializeOccurrences, in its own transaction), then send the queued email that is due
 * (outbox: retries, and what a stopped process left), the due reminders and the weekly digests. A
 * failing organization or mail server is logged (ids and error kinds only, never contents) and the
 * others go on. A tick starts only after the previous one ended, so ticks never
 * overlap. Several processes may serve one database: only the one holding the scheduler lease ticks
 * (scheduler-lease.ts), and another takes over when it stops or dies.
 */
import type { Database } from "../db/index.ts";
import { localDateOf } from "../obligations/deadlines.ts";
import { materializeOccurrences } from "../modules/obligations/recompute.service.ts";
import { deliverOutbox, describeOutboxFailures } from "../modules/outbox/outbox.service.ts";
import { sendWeeklyDigests } from "../modules/reminders/digest.service.ts";
import { failureReason, type MailRun } from "../modules/reminders/mail-run.ts";
import { sendDueReminders } from "../modules/reminders/reminders.service.ts";
import { unsafeListActiveOrganizations } from "../modules/reminders/reminders.repo.ts";
import type { Clock, Mailer } from "./deps.ts";
import { claimSchedulerLease, newLeaseHolder, releaseSchedulerLease } from "./scheduler-lease.ts";

export interface SchedulerDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  /** The public address of the app, for links in emails. */
  baseUrl: string;
}

export interface SchedulerOptions {
  /** Pause between the end of one tick and the start of the next. */
  intervalMs: number;
  /** Delay before the first tick (default 5 s: shortly after start, once the server listens). */
  firstTickMs?: number;
  /** Where problems are reported, one line each; standard error by default. */
  log?: (line: string) => void;
  /**
   * How long a claim on the scheduler lease lasts: how long the other processes wait before taking
   * over from one that died. Default: two intervals plus ten minutes, well beyond one tick.
   */
  leaseMs?: number;
}

export interface TickResult {
  organizations: number;
  occurrencesAdded: number;
  /** Queued email sent (modules/outbox). */
  emailsDelivered: number;
  remindersSent: number;
  digestsSent: number;
  problems: number;
}

// Nothing below the CLI prints: `steward serve` passes its error stream; embedders pass their own.
const silent: (line: string) => void = () => {};

function logFailures(log: (line: string) => void, what: string, run: MailRun): void {
  for (const f of run.failures) {
    log(
      `scheduler: ${what} failed for ${f.organizationId}${f.userId ? ` member ${f.userId}` : ""}: ${f.reason}`,
    );
  }
}

/** One pass over every organization; never throws for one organization's or one message's failure. */
export async function runSchedulerTick(
  deps: SchedulerDeps,
  log: (line: string) => void = silent,
  /**
   * The local day each organization's periods were last written for. The window of owed periods
   * moves only when the day changes (hires and new versions write their own at once), so later
   * ticks of the same day skip the pass: on 5,000 people it costs about half a second.
   */
  writtenFor?: Map<string, string>,
): Promise<TickResult> {
  const { db, clock } = deps;
  const result: TickResult = {
    organizations: 0,
    occurrencesAdded: 0,
    emailsDelivered: 0,
    remindersSent: 0,
    digestsSent: 0,
    problems: 0,
  };
  const organizations = await unsafeListActiveOrganizations(db);
  result.organizations = organizations.length;
  for (const org of organizations) {
    try {
      const now = clock.now();
      const today = localDateOf(now, org.timeZone);
      if (writtenFor?.get(org.id) === today) continue;
      result.occurrencesAdded += await db.transaction((tx) =>
        materializeOccurrences(tx, org.id, org.timeZone, now),
      );
      writtenFor?.set(org.id, today);
    } catch (error) {
      result.problems += 1;
      log(`scheduler: writing new occurrences failed for ${org.id}: ${failureReason(error)}`);
    }
  }
  try {
    const outbox = await deliverOutbox(deps);
    for (const line of describeOutboxFailures(outbox)) log(`scheduler: ${line}`);
    result.emailsDelivered = outbox.emailsSent;
    result.problems += outbox.failures.length;
  } catch (error) {
    result.problems += 1;
    log(`scheduler: sending queued email failed: ${failureReason(error)}`);
  }
  const mail = { db, mailer: deps.mailer, baseUrl: deps.baseUrl, organizations };
  const reminders = await sendDueReminders({ ...mail, now: clock.now() });
  logFailures(log, "reminders", reminders);
  const digests = await sendWeeklyDigests({ ...mail, now: clock.now() });
  logFailures(log, "weekly digest", digests);
  result.remindersSent = reminders.emailsSent;
  result.digestsSent = digests.emailsSent;
  result.problems += reminders.failures.length + digests.failures.length;
  return result;
}

/**
 * Starts ticking; returns `stop`, which cancels the next tick and resolves once a tick in progress
 * has finished (so the database can be closed after it).
 */
export function startScheduler(deps: SchedulerDeps, options: SchedulerOptions): () => Promise<void> {
  const log = options.log ?? silent;
  const leaseMs = options.leaseMs ?? 2 * options.intervalMs + 10 * 60_000;
  const holder = newLeaseHolder();
  // Logged on change only: a lone process that always holds the lease says nothing.
  let standingBy = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const writtenFor = new Map<string, string>();
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = null;
      running = tick().finally(() => {
        running = null;
        if (!stopped) schedule(options.intervalMs);
      });
    }, delayMs);
    // A pending tick alone does not keep the process alive.
    timer.unref();
  };
  const tick = async () => {
    try {
      const held = await claimSchedulerLease(deps.db, { holder, now: deps.clock.now(), leaseMs });
      if (held === standingBy) {
        log(
          held
            ? "scheduler: this process now runs the schedule"
            : "scheduler: another process runs the schedule; this one stands by",
        );
        standingBy = !held;
      }
      if (held) await runSchedulerTick(deps, log, writtenFor);
    } catch (error) {
      log(`scheduler: tick failed: ${failureReason(error)}`);
    }
  };
  schedule(options.firstTickMs ?? 5_000);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await running;
    try {
      await releaseSchedulerLease(deps.db, holder);
    } catch (error) {
      // The lease then expires on its own; another process takes over a little later.
      log(`scheduler: giving up the lease failed: ${failureReason(error)}`);
    }
  };
}
