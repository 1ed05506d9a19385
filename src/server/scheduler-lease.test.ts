/**
 * The scheduler lease on both engines: one holder at a time, renewed by its holder, taken over once
 * given up or expired, and a burst of simultaneous claims has exactly one winner.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../test/support/databases.ts";
import { claimSchedulerLease, newLeaseHolder, releaseSchedulerLease } from "./scheduler-lease.ts";

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

forEachDatabase("scheduler lease", (context) => {
  it("has one holder until it expires or is given up", async () => {
    await context.db.query("DELETE FROM scheduler_lease");
    const a = newLeaseHolder();
    const b = newLeaseHolder();
    const claim = (holder: string, now: string) =>
      claimSchedulerLease(context.db, { holder, now: at(now), leaseMs: 10 * MINUTE });
    assert.equal(await claim(a, "2026-03-20T10:00:00Z"), true, "a free lease is claimed");
    assert.equal(await claim(b, "2026-03-20T10:05:00Z"), false, "held by a");
    assert.equal(await claim(a, "2026-03-20T10:09:00Z"), true, "renewed by its holder, until 10:19");
    assert.equal(await claim(b, "2026-03-20T10:15:00Z"), false, "the renewal counts");
    assert.equal(await claim(b, "2026-03-20T10:19:00Z"), true, "expired: b takes over");
    assert.equal(await claim(a, "2026-03-20T10:20:00Z"), false, "a lost it");
    await releaseSchedulerLease(context.db, a);
    assert.equal(await claim(a, "2026-03-20T10:21:00Z"), false, "only the holder can give it up");
    await releaseSchedulerLease(context.db, b);
    assert.equal(await claim(a, "2026-03-20T10:21:00Z"), true, "given up: free at once");
    const { rows } = await context.db.query<{ holder: string }>("SELECT holder FROM scheduler_lease");
    assert.deepEqual(rows, [{ holder: a }]);
  });

  it("lets exactly one of many simultaneous claims win", async () => {
    await context.db.query("DELETE FROM scheduler_lease");
    const holders = Array.from({ length: 8 }, newLeaseHolder);
    const now = at("2026-03-20T10:00:00Z");
    const won = await Promise.all(
      holders.map((holder) => claimSchedulerLease(context.db, { holder, now, leaseMs: MINUTE })),
    );
    assert.equal(won.filter(Boolean).length, 1);
    const { rows } = await context.db.query<{ holder: string }>("SELECT holder FROM scheduler_lease");
    assert.deepEqual(rows, [{ holder: holders[won.indexOf(true)] }]);
  });
});
