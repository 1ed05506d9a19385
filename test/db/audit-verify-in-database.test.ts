/**
 * The PostgreSQL share of verification (src/audit/verify-in-database.ts): pages hashed inside the
 * database on connections sharing one snapshot. The full tamper suite also runs through it
 * (audit-verify.test.ts); these cases check that it confirms what it should and nothing more.
 */
import { strict as assert } from "node:assert";
import { it } from "node:test";
import { chainHeadOf, useUtcTimestamps } from "../../src/audit/audit.repo.ts";
import { verifyAuditChain } from "../../src/audit/index.ts";
import { setVerifyTuning } from "../../src/audit/verify.ts";
import { confirmInDatabase } from "../../src/audit/verify-in-database.ts";
import type { Database, TransactionOptions } from "../../src/db/index.ts";
import { forEachDatabase } from "../support/databases.ts";
import { acknowledge, createOrganization, eventRow, tamper } from "./fixtures.ts";

/** confirmInDatabase with pages of 3 events on `readers` connections in one snapshot. */
async function confirm(db: Database, organizationId: string, readers = 1) {
  return db.transaction(
    async (tx) => {
      await useUtcTimestamps(tx);
      const head = (await chainHeadOf(tx, organizationId))!;
      if (readers === 1) return confirmInDatabase([tx], head, 3);
      const { rows } = await tx.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
      return db.transaction(
        async (second) => {
          await useUtcTimestamps(second);
          return confirmInDatabase([tx, second], head, 3);
        },
        { readOnly: true, isolation: "repeatable read", snapshot: rows[0]!.id },
      );
    },
    { readOnly: true, isolation: "repeatable read" },
  );
}

forEachDatabase("audit pages hashed in the database", (t) => {
  it("confirms whole intact pages, on one connection or two sharing a snapshot", async () => {
    if (t.engine === "pglite") {
      // One connection: a second transaction in a shared snapshot is refused, not deadlocked.
      await assert.rejects(
        t.db.transaction(() => Promise.resolve(), { snapshot: "00000003-0000001B-1" }),
        /needs PostgreSQL/,
      );
      return;
    }
    const org = await createOrganization(t.db);
    await acknowledge(t.db, org.id, 9); // seq 1-10: pages 1-3, 4-6, 7-9; 10 is left to reading
    const ninth = await eventRow(t.db, org.id, 9);
    assert.deepEqual(await confirm(t.db, org.id), { expected: 10, prevHash: ninth.hash });
    assert.deepEqual(await confirm(t.db, org.id, 2), { expected: 10, prevHash: ninth.hash });
  });

  it("stops before the first page holding an altered event, a broken link or a gap", async () => {
    if (t.engine === "pglite") return;
    const third = async (orgId: string) => ({ expected: 4, prevHash: (await eventRow(t.db, orgId, 3)).hash });

    const altered = await createOrganization(t.db);
    await acknowledge(t.db, altered.id, 9);
    const fifth = await eventRow(t.db, altered.id, 5);
    await tamper(t.db, "UPDATE audit_events SET actor_id = 'usr_else' WHERE id = $1", [fifth.id]);
    assert.deepEqual(await confirm(t.db, altered.id, 2), await third(altered.id));

    const relinked = await createOrganization(t.db);
    await acknowledge(t.db, relinked.id, 9);
    const fourth = await eventRow(t.db, relinked.id, 4);
    await tamper(t.db, "UPDATE audit_events SET prev_hash = $2 WHERE id = $1", [fourth.id, "a".repeat(64)]);
    assert.deepEqual(await confirm(t.db, relinked.id), await third(relinked.id));

    const gap = await createOrganization(t.db);
    await acknowledge(t.db, gap.id, 9);
    await tamper(t.db, "DELETE FROM audit_events WHERE organization_id = $1 AND seq = 6", [gap.id]);
    assert.deepEqual(await confirm(t.db, gap.id), await third(gap.id));

    const nulled = await createOrganization(t.db);
    await acknowledge(t.db, nulled.id, 9);
    await tamper(t.db, "ALTER TABLE audit_events ALTER COLUMN changes DROP NOT NULL");
    try {
      await tamper(t.db, "UPDATE audit_events SET changes = NULL WHERE organization_id = $1 AND seq = 6", [
        nulled.id,
      ]);
      assert.deepEqual(await confirm(t.db, nulled.id), await third(nulled.id));
      await tamper(t.db, "DELETE FROM audit_events WHERE changes IS NULL");
    } finally {
      await tamper(t.db, "ALTER TABLE audit_events ALTER COLUMN changes SET NOT NULL");
    }
  });

  it("stops at a link broken by an event altered and rehashed, inside a page or across two", async () => {
    if (t.engine === "pglite") return;
    // The attacker recomputes the altered event's own hash, with the same recipe.
    const rehash = (orgId: string, seq: number) =>
      tamper(
        t.db,
        `UPDATE audit_events SET actor_id = 'usr_else',
           hash = encode(sha256(convert_to('steward-audit-v2' || chr(31) || organization_id || chr(31) ||
             concat_ws(chr(31), seq, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00',
               actor_type, 'usr_else', action, target_type, target_id, changes, prev_hash), 'UTF8')), 'hex')
         WHERE organization_id = $1 AND seq = $2`,
        [orgId, seq],
      );
    for (const [seq, expected] of [
      [5, 4], // event 6 in the same page no longer links to it
      [3, 4], // the next page's first event no longer links to it
    ] as const) {
      const org = await createOrganization(t.db);
      await acknowledge(t.db, org.id, 9);
      await rehash(org.id, seq);
      const result = await confirm(t.db, org.id, 2);
      assert.equal(result.expected, expected, `event ${seq} rehashed`);
      assert.equal(result.prevHash, (await eventRow(t.db, org.id, expected - 1)).hash);
    }
  });

  it("leaves every event to the client when asked (--client-hashing): no second connection", async () => {
    const org = await createOrganization(t.db);
    await acknowledge(t.db, org.id, 9);
    const opened: (TransactionOptions | undefined)[] = [];
    const watched: Database = {
      ...t.db,
      transaction: (fn, options) => {
        opened.push(options);
        return t.db.transaction(fn, options);
      },
    };
    const restore = setVerifyTuning({ databaseFrom: 0, pageSize: 3 });
    try {
      const intact = { ok: true, count: 10, organizations: 1 };
      assert.deepEqual(
        await verifyAuditChain(watched, { organizationId: org.id, hashInDatabase: false }),
        intact,
      );
      assert.equal(opened.filter((options) => options?.snapshot).length, 0);
      assert.deepEqual(await verifyAuditChain(watched, { organizationId: org.id }), intact);
      // PostgreSQL hashes in the database by default, on a second connection; PGlite never does.
      assert.equal(opened.filter((options) => options?.snapshot).length, t.engine === "postgres" ? 1 : 0);
    } finally {
      restore();
    }
  });

  it("stops, without failing, at a seq stored twice once its unique constraint is gone", async () => {
    if (t.engine === "pglite") return;
    const org = await createOrganization(t.db);
    await acknowledge(t.db, org.id, 9);
    const constraint = "audit_events_organization_id_seq_key";
    await tamper(t.db, `ALTER TABLE audit_events DROP CONSTRAINT ${constraint}`);
    try {
      // A copy of event 6, the last of the second page, beside the original.
      await tamper(
        t.db,
        `INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action, target_type,
                                   target_id, changes, prev_hash, hash, hash_version)
         SELECT organization_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, changes,
                prev_hash, hash, hash_version FROM audit_events WHERE organization_id = $1 AND seq = 6`,
        [org.id],
      );
      assert.deepEqual(await confirm(t.db, org.id, 2), {
        expected: 4,
        prevHash: (await eventRow(t.db, org.id, 3)).hash,
      });
      await tamper(
        t.db,
        "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events WHERE organization_id = $1)",
        [org.id],
      );
    } finally {
      await tamper(
        t.db,
        `ALTER TABLE audit_events ADD CONSTRAINT ${constraint} UNIQUE (organization_id, seq)`,
      );
    }
  });

  it("leaves version 1 events and events below seq 1 to reading", async () => {
    if (t.engine === "pglite") return;
    const org = await createOrganization(t.db);
    await acknowledge(t.db, org.id, 9);
    const second = await eventRow(t.db, org.id, 2);
    await tamper(t.db, "UPDATE audit_events SET hash_version = 1 WHERE id = $1", [second.id]);
    assert.deepEqual(await confirm(t.db, org.id), { expected: 1, prevHash: "0".repeat(64) });

    const forged = await createOrganization(t.db);
    await acknowledge(t.db, forged.id, 9);
    // A copy of event 1 at seq 0, after dropping the constraint that would refuse it.
    await tamper(t.db, "ALTER TABLE audit_events DROP CONSTRAINT audit_events_seq_check");
    try {
      await tamper(
        t.db,
        `INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action, target_type,
                                   target_id, changes, prev_hash, hash, hash_version)
         SELECT organization_id, 0, occurred_at, actor_type, actor_id, action, target_type, target_id, changes,
                prev_hash, hash, hash_version FROM audit_events WHERE organization_id = $1 AND seq = 1`,
        [forged.id],
      );
      assert.deepEqual(await confirm(t.db, forged.id), { expected: 1, prevHash: "0".repeat(64) });
      await tamper(t.db, "DELETE FROM audit_events WHERE seq < 1");
    } finally {
      await tamper(t.db, "ALTER TABLE audit_events ADD CONSTRAINT audit_events_seq_check CHECK (seq > 0)");
    }
  });
});
