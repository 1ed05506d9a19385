/**
 * One scheduler per database. Every Steward process that serves a database starts a scheduler,
 * but a tick runs only in the process that holds the lease (`scheduler_lease`): it claims or
 * renews the lease at the start of each tick, until an expiry far beyond one tick's length. Another
 * process finds the lease held and skips its tick; it takes over once the holder has given the
 * lease up (on stop) or let it expire (a crash). Claiming is one statement, so two processes
 * claiming at once cannot both win: PostgreSQL serializes the conflicting upsert on the row and the
 * loser's condition is checked against the winner's row.
 */
import { randomBytes } from "node:crypto";
import type { Queryable } from "../db/index.ts";

const DUTY = "scheduler";

/** A fresh holder id for this process. */
export function newLeaseHolder(): string {
  return `proc_${randomBytes(12).toString("hex")}`;
}

/**
 * Claims the lease for `holder` until `now + leaseMs`, or renews it. False when another holder's
 * lease has not expired at `now`.
 */
export async function claimSchedulerLease(
  q: Queryable,
  { holder, now, leaseMs }: { holder: string; now: Date; leaseMs: number },
): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ($1, $2, $4)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE scheduler_lease.holder = excluded.holder OR scheduler_lease.expires_at <= $3
     RETURNING holder`,
    [DUTY, holder, now, new Date(now.getTime() + leaseMs)],
  );
  return rows.length === 1;
}

/** Gives the lease up if `holder` has it, so another process can take over at once. */
export async function releaseSchedulerLease(q: Queryable, holder: string): Promise<void> {
  await q.query("DELETE FROM scheduler_lease WHERE name = $1 AND holder = $2", [DUTY, holder]);
}
