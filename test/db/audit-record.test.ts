import { strict as assert } from "node:assert";
import { it } from "node:test";
import { AuditError, recordEvent, verifyAuditChain, type RecordEventOptions } from "../../src/audit/index.ts";
import { canonicalJson, eventHash, GENESIS_HASH } from "../../src/audit/canonical.ts";
import type { Transaction } from "../../src/db/index.ts";
import { forEachDatabase } from "../support/databases.ts";
import { createOrganization, fixedClock, officer } from "./fixtures.ts";

const renamed = (id: string, from: string, to: string): RecordEventOptions["event"] => ({
  action: "organization.renamed",
  target: { type: "organization", id },
  changes: { name: { from, to } },
});

forEachDatabase("recordEvent", (t) => {
  it("writes the event with the next seq and a hash over the canonical encoding", async () => {
    const org = await createOrganization(t.db);
    const at = new Date("2025-03-02T10:11:12.345Z");
    const recorded = await t.db.transaction((tx) =>
      recordEvent(tx, { organizationId: org.id, actor: officer, event: renamed(org.id, "Old", "New"), at }),
    );
    assert.equal(recorded.seq, 2);
    const { rows } = await t.db.query(
      `SELECT seq, occurred_at, actor_type, actor_id, action, target_type, target_id, changes, prev_hash, hash,
              hash_version
       FROM audit_events WHERE organization_id = $1 ORDER BY seq`,
      [org.id],
    );
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.prev_hash, GENESIS_HASH);
    assert.deepEqual(rows[1], {
      seq: 2,
      occurred_at: at,
      actor_type: "user",
      actor_id: officer.id,
      action: "organization.renamed",
      target_type: "organization",
      target_id: org.id,
      changes: { name: { from: "Old", to: "New" } },
      prev_hash: rows[0]!.hash,
      hash: recorded.hash,
      hash_version: 2,
    });
    const expected = eventHash(2, rows[0]!.hash as string, {
      organizationId: org.id,
      seq: 2,
      occurredAt: "2025-03-02T10:11:12.345Z",
      actorType: "user",
      actorId: officer.id,
      action: "organization.renamed",
      targetType: "organization",
      targetId: org.id,
      changes: canonicalJson({ name: { to: "New", from: "Old" } }),
    });
    assert.equal(recorded.hash, expected);
  });

  it("refuses to run outside a transaction, after it ended, or without an actor", async () => {
    const org = await createOrganization(t.db);
    const event = renamed(org.id, "A", "B");
    await assert.rejects(
      recordEvent(t.db as unknown as Transaction, { organizationId: org.id, actor: officer, event }),
      (error: unknown) => error instanceof AuditError && error.code === "no-transaction",
    );
    const ended = await t.db.transaction((tx) => Promise.resolve(tx));
    await assert.rejects(
      recordEvent(ended, { organizationId: org.id, actor: officer, event }),
      /open transaction/,
    );
    for (const actor of [
      undefined,
      null,
      {},
      { type: "user" },
      { type: "user", id: "" },
      { type: "robot", id: "x" },
    ]) {
      await assert.rejects(
        t.db.transaction((tx) => recordEvent(tx, { organizationId: org.id, actor: actor as never, event })),
        (error: unknown) => error instanceof AuditError && error.code === "no-actor",
      );
    }
    const result = await verifyAuditChain(t.db, { organizationId: org.id });
    assert.deepEqual(result, { ok: true, count: 1, organizations: 1 }, "nothing was written");
  });

  it("rolls the event back with the change it records", async () => {
    const org = await createOrganization(t.db);
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await tx.query("UPDATE organizations SET name = 'Renamed' WHERE id = $1", [org.id]);
        await recordEvent(tx, {
          organizationId: org.id,
          actor: officer,
          event: renamed(org.id, "A", "Renamed"),
        });
        throw new Error("injected failure after the event");
      }),
      /injected failure/,
    );
    const { rows } = await t.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM audit_events WHERE organization_id = $1",
      [org.id],
    );
    assert.equal(rows[0]!.n, 1);
    const next = await t.db.transaction((tx) =>
      recordEvent(tx, {
        organizationId: org.id,
        actor: officer,
        event: renamed(org.id, "A", "B"),
        at: fixedClock,
      }),
    );
    assert.equal(next.seq, 2, "the rolled-back seq is reused: no gap");
    assert.deepEqual(await verifyAuditChain(t.db, { organizationId: org.id }), {
      ok: true,
      count: 2,
      organizations: 1,
    });
  });

  it("refuses invalid events, secret fields and unknown organizations", async () => {
    const org = await createOrganization(t.db);
    const attempt = (event: unknown, organizationId = org.id) =>
      t.db.transaction((tx) => recordEvent(tx, { organizationId, actor: officer, event: event as never }));
    await assert.rejects(
      attempt({ action: "organization.deleted", target: { type: "organization", id: org.id }, changes: {} }),
      /invalid audit event/,
    );
    await assert.rejects(
      attempt({
        action: "user.signed-in",
        target: { type: "user", id: "usr_1" },
        changes: { mfa: true, password: "hunter2" },
      }),
      (error: unknown) =>
        error instanceof AuditError && /password/.test(error.message) && !/hunter2/.test(error.message),
    );
    await assert.rejects(
      attempt(renamed("org_x", "A", "B"), "org_does_not_exist"),
      /organization does not exist/,
    );
    await assert.rejects(
      t.db.transaction((tx) =>
        recordEvent(tx, {
          organizationId: org.id,
          actor: officer,
          event: renamed(org.id, "A", "B"),
          at: new Date("invalid"),
        }),
      ),
      /valid date/,
    );
  });

  it("keeps one chain when 20 writers record for the same organization at once", async () => {
    const org = await createOrganization(t.db);
    const recorded = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction((tx) =>
          recordEvent(tx, {
            organizationId: org.id,
            actor: { type: "system", id: `system:worker-${i}` },
            event: {
              action: "user.signed-in",
              target: { type: "user", id: `usr_${i}` },
              changes: { mfa: i % 2 === 0 },
            },
          }),
        ),
      ),
    );
    assert.deepEqual(
      recorded.map((r) => r.seq).sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    assert.deepEqual(await verifyAuditChain(t.db, { organizationId: org.id }), {
      ok: true,
      count: 21,
      organizations: 1,
    });
  });
});
