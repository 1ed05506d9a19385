import { strict as assert } from "node:assert";
import { after, before, it } from "node:test";
import {
  canonicalJson,
  eventHash,
  HASH_VERSION,
  verifyAuditChain,
  type HashVersion,
  type VerifyResult,
} from "../../src/audit/index.ts";
import { setVerifyTuning } from "../../src/audit/verify.ts";
import { auditVerify } from "../../src/cli/audit-verify.ts";
import type { CliIo } from "../../src/cli/io.ts";
import type { Database } from "../../src/db/index.ts";
import { forEachDatabase } from "../support/databases.ts";
import { acknowledge, createOrganization, eventRow, tamper, uniqueSlug } from "./fixtures.ts";

/** The CLI handler on the suite's database: exit code and what it printed. */
async function cli(db: Database, org?: string, clientHashing = false) {
  const out: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => out.push(text),
    readStdin: () => Promise.resolve(""),
  };
  const code = await auditVerify(db, { org, "client-hashing": clientHashing }, io);
  return { code, out: out.join("\n") };
}

/** Where and how a verification found the chain broken (null when intact): seq, event id, problem. */
const brokenAt = (result: VerifyResult) => (result.ok ? null : [result.seq, result.eventId, result.problem]);

/** A fresh organization with 10 events (seq 1-10). */
async function chain(db: Database) {
  const org = await createOrganization(db);
  await acknowledge(db, org.id, 9);
  return org;
}

/**
 * A forged event with a correctly computed hash, as an attacker who read the code would write it
 * (in the current encoding unless `version` says otherwise).
 */
function forged(orgId: string, seq: number, prevHash: string, version: HashVersion = HASH_VERSION) {
  const fields = {
    organizationId: orgId,
    seq,
    occurredAt: "2025-03-01T12:00:00.000Z",
    actorType: "user",
    actorId: "usr_intruder",
    action: "policy.acknowledged",
    targetType: "policy-version",
    targetId: "pv_forged",
  };
  const changes = { policyId: "access-control", version: 1, contentHash: "cd".repeat(32) };
  const hash = eventHash(version, prevHash, { ...fields, changes: canonicalJson(changes) });
  return [
    orgId,
    seq,
    fields.occurredAt,
    "user",
    "usr_intruder",
    fields.action,
    fields.targetType,
    fields.targetId,
    // Version 2 hashes the text as stored, so it must be canonical; version 1 re-encodes it.
    version === 2 ? canonicalJson(changes) : JSON.stringify(changes),
    prevHash,
    hash,
    version,
  ];
}

/**
 * An organization whose trail began before hash version 2: events 1-4 as Steward wrote them then
 * (JSON encoding), then 5-7 through recordEvent.
 */
async function legacyChain(db: Database) {
  const { rows } = await db.query<{ id: string; slug: string }>(
    "INSERT INTO organizations (slug, name) VALUES ($1, 'Legacy') RETURNING id, slug",
    [uniqueSlug("legacy")],
  );
  const org = rows[0]!;
  let prev = "0".repeat(64);
  for (let seq = 1; seq <= 4; seq += 1) {
    const row = forged(org.id, seq, prev, 1);
    await tamper(db, INSERT, row);
    prev = row[10] as string;
  }
  await db.query("INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES ($1, 4, $2)", [
    org.id,
    prev,
  ]);
  await acknowledge(db, org.id, 3);
  return org;
}

const INSERT = `INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, changes, prev_hash, hash, hash_version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::json, $10, $11, $12)`;

/**
 * Every case three times: as short chains are verified (one thread, pages of 10,000 events), and as
 * long ones are: with worker threads, and on PostgreSQL hashed inside the database first, what is
 * left being read by worker threads (on PGlite that run repeats the second). Long-chain runs use
 * pages of 3 events so breaks fall at the start, middle and end of pages and between them.
 */
const tunings = [
  { name: "audit chain verification", tuning: null },
  {
    name: "audit chain verification, worker threads, 3-event pages",
    tuning: { threads: 2, threadsFrom: 0, databaseFrom: Infinity, pageSize: 3 },
  },
  {
    name: "audit chain verification, hashed in PostgreSQL then worker threads, 3-event pages",
    tuning: { threads: 2, threadsFrom: 0, databaseFrom: 0, pageSize: 3 },
  },
];

for (const { name, tuning } of tunings)
  forEachDatabase(name, (t) => {
    if (tuning) {
      let restore = () => {};
      before(() => {
        restore = setVerifyTuning(tuning);
      });
      after(() => {
        restore();
      });
    }
    it("passes an intact chain, for one organization and for all", async () => {
      const org = await chain(t.db);
      assert.deepEqual(await verifyAuditChain(t.db, { organizationId: org.id }), {
        ok: true,
        count: 10,
        organizations: 1,
      });
      const all = await verifyAuditChain(t.db);
      assert.equal(all.ok, true);
      for (const clientHashing of [false, true]) {
        assert.deepEqual(await cli(t.db, org.slug, clientHashing), {
          code: 0,
          out: "audit trail intact: 10 events in 1 organization",
        });
      }
      assert.match((await cli(t.db)).out, /^audit trail intact: \d+ events in \d+ organizations?$/);
    });

    it("verifies a trail begun in hash version 1 and continued in version 2, and catches changes to either", async () => {
      const org = await legacyChain(t.db);
      const versions = await t.db.query<{ v: number }>(
        "SELECT hash_version AS v FROM audit_events WHERE organization_id = $1 ORDER BY seq",
        [org.id],
      );
      assert.deepEqual(
        versions.rows.map((r) => r.v),
        [1, 1, 1, 1, 2, 2, 2],
      );
      assert.deepEqual(await verifyAuditChain(t.db, { organizationId: org.id }), {
        ok: true,
        count: 7,
        organizations: 1,
      });

      const sixth = await eventRow(t.db, org.id, 6);
      await tamper(t.db, "UPDATE audit_events SET hash_version = 1 WHERE id = $1", [sixth.id]);
      const relabelled = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(relabelled.ok ? null : [relabelled.seq, relabelled.problem], [6, "altered"]);
      await tamper(t.db, "UPDATE audit_events SET hash_version = 2 WHERE id = $1", [sixth.id]);

      const second = await eventRow(t.db, org.id, 2);
      await tamper(t.db, "UPDATE audit_events SET target_id = 'pv_other' WHERE id = $1", [second.id]);
      const altered = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(brokenAt(altered), [2, String(second.id), "altered"]);
    });

    it("refuses updates and deletes through plain SQL (append-only)", async () => {
      const org = await chain(t.db);
      await assert.rejects(
        t.db.query("UPDATE audit_events SET actor_id = 'x' WHERE organization_id = $1", [org.id]),
        /append-only/,
      );
      await assert.rejects(
        t.db.query("DELETE FROM audit_events WHERE organization_id = $1", [org.id]),
        /append-only/,
      );
    });

    it("catches an altered event (UPDATE changes)", async () => {
      const org = await chain(t.db);
      const target = await eventRow(t.db, org.id, 5);
      await tamper(
        t.db,
        `UPDATE audit_events SET changes = jsonb_set(changes::jsonb, '{version}', '9')::json WHERE id = $1`,
        [target.id],
      );
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(result, {
        ok: false,
        organization: org,
        seq: 5,
        eventId: String(target.id),
        problem: "altered",
        detail: "its stored fields no longer match its hash",
      });
      const printed = await cli(t.db, org.slug);
      assert.equal(printed.code, 1);
      assert.match(
        printed.out,
        new RegExp(`^audit trail broken in ${org.slug} at event seq 5 \\(id ${target.id}\\): altered`),
      );
    });

    it("accepts changes stored in jsonb's formatting in version 1 events (written before they were kept as canonical text)", async () => {
      const org = await legacyChain(t.db);
      // jsonb re-formats the text ({"a": 1, ...}) without changing its content: what the column
      // migration leaves in rows written before it.
      await tamper(
        t.db,
        "UPDATE audit_events SET changes = changes::jsonb::json WHERE organization_id = $1 AND hash_version = 1",
        [org.id],
      );
      const reformatted = await t.db.query<{ changes: string }>(
        "SELECT changes::text AS changes FROM audit_events WHERE organization_id = $1 AND seq = 3",
        [org.id],
      );
      assert.match(reformatted.rows[0]!.changes, /": /);
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.equal(result.ok, true);
      // Version 2 covers the stored text itself: the same re-formatting of a later event is a change.
      await tamper(
        t.db,
        "UPDATE audit_events SET changes = changes::jsonb::json WHERE organization_id = $1",
        [org.id],
      );
      const later = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(later.ok ? null : [later.seq, later.problem], [5, "altered"]);
    });

    it("catches changes replaced by a value of another JSON type", async () => {
      const org = await chain(t.db);
      const target = await eventRow(t.db, org.id, 5);
      await tamper(t.db, `UPDATE audit_events SET changes = '"text"'::json WHERE id = $1`, [target.id]);
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.ok(!result.ok);
      assert.equal(result.problem, "altered");
      assert.equal(result.seq, 5);
    });

    // 6 ends a 3-event page: the broken link is then the first of the next page.
    for (const altered of [4, 6])
      it(`catches altered event ${altered} whose hash was recomputed (the next link breaks)`, async () => {
        const org = await chain(t.db);
        const target = await eventRow(t.db, org.id, altered);
        await tamper(t.db, `UPDATE audit_events SET actor_id = 'usr_someone_else' WHERE id = $1`, [
          target.id,
        ]);
        const { rows } = await t.db.query<{ f: string[] }>(
          `SELECT ARRAY[organization_id, seq::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               actor_type, actor_id, action, target_type, target_id, changes::text, prev_hash] AS f FROM audit_events WHERE id = $1`,
          [target.id],
        );
        const [
          organizationId,
          seq,
          occurredAt,
          actorType,
          actorId,
          action,
          targetType,
          targetId,
          changes,
          prevHash,
        ] = rows[0]!.f;
        const rehash = eventHash(HASH_VERSION, prevHash!, {
          organizationId: organizationId!,
          seq: Number(seq),
          occurredAt: occurredAt!,
          actorType: actorType!,
          actorId: actorId!,
          action: action!,
          targetType: targetType!,
          targetId: targetId!,
          changes: changes!,
        });
        await tamper(t.db, `UPDATE audit_events SET hash = $2 WHERE id = $1`, [target.id, rehash]);
        const result = await verifyAuditChain(t.db, { organizationId: org.id });
        assert.deepEqual(brokenAt(result), [altered, String(target.id), "altered"]);
      });

    it("catches an inserted event, forged with a valid hash at the end of the chain", async () => {
      const org = await chain(t.db);
      const last = await eventRow(t.db, org.id, 10);
      await tamper(t.db, INSERT, forged(org.id, 11, last.hash));
      const forgedRow = await eventRow(t.db, org.id, 11);
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(brokenAt(result), [11, String(forgedRow.id), "inserted"]);
      const printed = await cli(t.db, org.slug);
      assert.equal(printed.code, 1);
      assert.match(printed.out, new RegExp(`at event seq 11 \\(id ${forgedRow.id}\\): inserted`));
    });

    it("catches an event inserted in the middle, later events renumbered", async () => {
      const org = await chain(t.db);
      const before = await eventRow(t.db, org.id, 6);
      // Shift 7..10 up by one, last first so (organization_id, seq) stays unique, then fill the hole.
      for (let seq = 10; seq >= 7; seq -= 1) {
        await tamper(t.db, "UPDATE audit_events SET seq = seq + 1 WHERE organization_id = $1 AND seq = $2", [
          org.id,
          seq,
        ]);
      }
      await tamper(t.db, INSERT, forged(org.id, 7, before.hash));
      const forgedRow = await eventRow(t.db, org.id, 7);
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(brokenAt(result), [7, String(forgedRow.id), "inserted"]);
    });

    it("catches a deleted event in the middle", async () => {
      const org = await chain(t.db);
      const victim = await eventRow(t.db, org.id, 6);
      const after = await eventRow(t.db, org.id, 7);
      assert.equal(await tamper(t.db, "DELETE FROM audit_events WHERE id = $1", [victim.id]), 1);
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(result, {
        ok: false,
        organization: org,
        seq: 7,
        eventId: String(after.id),
        problem: "deleted",
        detail: "event 6 before it is missing",
      });
      const printed = await cli(t.db, org.slug);
      assert.equal(printed.code, 1);
      assert.equal(
        printed.out,
        `audit trail broken in ${org.slug} at event seq 7 (id ${after.id}): deleted (event 6 before it is missing)`,
      );
    });

    it("catches events cut from the end of the trail", async () => {
      const org = await chain(t.db);
      await tamper(t.db, "DELETE FROM audit_events WHERE organization_id = $1 AND seq >= 9", [org.id]);
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(brokenAt(result), [9, null, "deleted"]);
      assert.match(
        (await cli(t.db, org.slug)).out,
        /at event seq 9 \(id missing\): deleted \(events 9 to 10 at the end/,
      );
    });

    it("catches events replaced by a forged one that skips a seq", async () => {
      // With 3-event pages the forged event opens a page: linked to the event before the gap, and
      // consistent with its own seq, so only its position gives it away.
      const org = await chain(t.db);
      const sixth = await eventRow(t.db, org.id, 6);
      await tamper(t.db, "DELETE FROM audit_events WHERE organization_id = $1 AND seq >= 7", [org.id]);
      // Stored as canonical text, as Steward stores changes, so even the byte-level check accepts it.
      await tamper(t.db, INSERT, forged(org.id, 8, sixth.hash));
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(result.ok ? null : [result.seq, result.problem, result.detail], [
        8,
        "deleted",
        "event 7 before it is missing",
      ]);
    });

    it("catches a deleted event when later events were renumbered to close the gap", async () => {
      const org = await chain(t.db);
      const moved = await eventRow(t.db, org.id, 6);
      await tamper(t.db, "DELETE FROM audit_events WHERE organization_id = $1 AND seq = 5", [org.id]);
      for (let seq = 6; seq <= 10; seq += 1) {
        await tamper(t.db, "UPDATE audit_events SET seq = seq - 1 WHERE organization_id = $1 AND seq = $2", [
          org.id,
          seq,
        ]);
      }
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(brokenAt(result), [5, String(moved.id), "deleted"]);
    });

    it("catches two events swapped (reordered)", async () => {
      const org = await chain(t.db);
      const third = await eventRow(t.db, org.id, 3);
      const fourth = await eventRow(t.db, org.id, 4);
      await tamper(t.db, "UPDATE audit_events SET seq = 100 WHERE id = $1", [third.id]);
      await tamper(t.db, "UPDATE audit_events SET seq = 3 WHERE id = $1", [fourth.id]);
      await tamper(t.db, "UPDATE audit_events SET seq = 4 WHERE id = $1", [third.id]);
      const result = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(result.ok ? null : [result.seq, result.eventId, result.problem, result.detail], [
        3,
        String(fourth.id),
        "reordered",
        "it was written at seq 4",
      ]);
      assert.match((await cli(t.db, org.slug)).out, /at event seq 3 \(id \d+\): reordered/);
    });

    it("catches an event moved to another organization", async () => {
      const org = await chain(t.db);
      const other = await chain(t.db);
      await tamper(
        t.db,
        "UPDATE audit_events SET organization_id = $2, seq = 11 WHERE organization_id = $1 AND seq = 10",
        [org.id, other.id],
      );
      const result = await verifyAuditChain(t.db, { organizationId: other.id });
      assert.deepEqual(result.ok ? null : [result.seq, result.problem], [11, "inserted"]);
      const source = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(brokenAt(source), [10, null, "deleted"]);
    });

    it("catches an event forged far beyond the chain, and a field holding a separator character", async () => {
      const org = await chain(t.db);
      await tamper(t.db, INSERT, forged(org.id, 1_000_000_000_000, "0".repeat(64)));
      const far = await verifyAuditChain(t.db, { organizationId: org.id });
      assert.deepEqual(far.ok ? null : [far.seq, far.problem], [1_000_000_000_000, "inserted"]);

      const other = await chain(t.db);
      const target = await eventRow(t.db, other.id, 2);
      await tamper(t.db, "UPDATE audit_events SET actor_id = E'usr\\x1fforged' WHERE id = $1", [target.id]);
      const result = await verifyAuditChain(t.db, { organizationId: other.id });
      assert.deepEqual(brokenAt(result), [2, String(target.id), "altered"]);
    });

    it("answers an unknown organization slug with exit 2", async () => {
      await assert.rejects(cli(t.db, "no-such-org"), (error: Error & { exitCode?: number }) => {
        assert.equal(error.exitCode, 2);
        assert.match(error.message, /no organization with slug "no-such-org"/);
        return true;
      });
    });
  });
