/**
 * Audit trail figures for `npm run bench` (issue 4): `verifyAuditChain` over 1,000,000 events of one
 * organization, on PGlite (data directory in tmp) and on PostgreSQL when TEST_DATABASE_URL or
 * DATABASE_URL is set (in a throwaway schema), target >= 500,000 events/s; and `recordEvent`
 * throughput, one transaction per event. Loading the events is setup, not measured: hashes are
 * chained here and rows inserted in bulk.
 */
import { canonicalJson, eventHash, HASH_VERSION, recordEvent, verifyAuditChain } from "../src/audit/index.ts";
import { useUtcTimestamps } from "../src/audit/audit.repo.ts";
import { chainPages } from "../src/audit/chain-reader.ts";
import { openDatabase, type Database, type Engine } from "../src/db/index.ts";
import { createStore } from "../test/support/databases.ts";

// STEWARD_BENCH_AUDIT_EVENTS=N measures a smaller trail while working on verification.
const EVENTS = Number(process.env.STEWARD_BENCH_AUDIT_EVENTS ?? 1_000_000);
const CHUNK = 5_000;
const START = Date.parse("2025-01-01T00:00:00.000Z");
type Row = [string, string, string][];

/** A plausible mix of event types for the n-th event (n >= 2; 1 is organization.created). */
function sample(n: number) {
  switch (n % 3) {
    case 0:
      return {
        action: "user.signed-in",
        targetType: "user",
        targetId: `usr_${n % 500}`,
        changes: { mfa: n % 2 === 0 },
      };
    case 1:
      return {
        action: "policy.acknowledged",
        targetType: "policy-version",
        targetId: `pv_${n % 40}`,
        changes: {
          policyId: "access-control",
          version: 1 + (n % 4),
          contentHash: (n % 256).toString(16).padStart(2, "0").repeat(32),
        },
      };
    default:
      return {
        action: "profile.version-created",
        targetType: "profile-version",
        targetId: `pfv_${n}`,
        changes: {
          version: n,
          contentHash: "ab".repeat(32),
          changedPaths: ["access.idleLogoffMinutes", "tools.vpn"],
        },
      };
  }
}

/** Creates an organization (through recordEvent) and appends events 2..EVENTS in bulk. */
export async function loadEvents(db: Database): Promise<string> {
  const organizationId = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      "INSERT INTO organizations (slug, name) VALUES ('bench', 'Bench') RETURNING id",
    );
    const id = rows[0]!.id;
    await recordEvent(tx, {
      organizationId: id,
      actor: { type: "cli", id: "bench" },
      event: {
        action: "organization.created",
        target: { type: "organization", id },
        changes: { slug: "bench", name: "Bench" },
      },
      at: new Date(START),
    });
    return id;
  });
  let prevHash = (
    await db.query<{ hash: string }>("SELECT hash FROM audit_chain_heads WHERE organization_id = $1", [
      organizationId,
    ])
  ).rows[0]!.hash;
  for (let from = 2; from <= EVENTS; from += CHUNK * 10) {
    await db.transaction(async (tx) => {
      for (let chunk = from; chunk < Math.min(from + CHUNK * 10, EVENTS + 1); chunk += CHUNK) {
        const rows = [];
        for (let seq = chunk; seq < Math.min(chunk + CHUNK, EVENTS + 1); seq += 1) {
          const e = sample(seq);
          const at = new Date(START + seq * 1000).toISOString();
          const actorId = `usr_${seq % 500}`;
          const hash = eventHash(HASH_VERSION, prevHash, {
            organizationId,
            seq,
            occurredAt: at,
            actorType: "user",
            actorId,
            action: e.action,
            targetType: e.targetType,
            targetId: e.targetId,
            changes: canonicalJson(e.changes),
          });
          rows.push({
            seq,
            at,
            actor_id: actorId,
            action: e.action,
            target_type: e.targetType,
            target_id: e.targetId,
            changes: canonicalJson(e.changes),
            prev_hash: prevHash,
            hash,
          });
          prevHash = hash;
        }
        await tx.query(
          `INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, changes, prev_hash, hash, hash_version)
           SELECT $1, r.seq, r.at::timestamptz, 'user', r.actor_id, r.action, r.target_type, r.target_id, r.changes::json, r.prev_hash, r.hash, ${HASH_VERSION}
           FROM jsonb_to_recordset($2::jsonb) AS r(seq bigint, at text, actor_id text, action text, target_type text, target_id text, changes text, prev_hash text, hash text)`,
          [organizationId, JSON.stringify(rows)],
        );
      }
    });
  }
  await db.query("UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE organization_id = $1", [
    organizationId,
    EVENTS,
    prevHash,
  ]);
  return organizationId;
}

const perSecond = (count: number, ms: number) =>
  `${Math.round((count / ms) * 1000).toLocaleString("en-US")}/s`;

async function benchEngine(label: string, engine: Engine, baseUrl?: string): Promise<Row> {
  const store = await createStore(engine, baseUrl);
  const db = await openDatabase(store.options);
  try {
    let start = performance.now();
    const organizationId = await loadEvents(db);
    const loadMs = performance.now() - start;

    // Wall time, and this process's CPU time: on a busy shared machine the second says what the
    // code costs (all of it on PGlite; only the client's share on PostgreSQL, whose server hashes
    // long chains itself).
    const times: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < 2; run += 1) {
      start = performance.now();
      const before = process.cpuUsage();
      const result = await verifyAuditChain(db, { organizationId });
      times.push(performance.now() - start);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
      if (!result.ok || result.count !== EVENTS)
        throw new Error(`bench chain did not verify: ${JSON.stringify(result)}`);
    }
    const best = Math.min(...times);
    const bestCpu = Math.min(...cpu);

    // Every event read out without hashing: on PGlite how much of verification is the engine's;
    // on PostgreSQL, which hashes long chains in place, what reading them out would cost instead.
    start = performance.now();
    await db.transaction(
      async (tx) => {
        await useUtcTimestamps(tx);
        for await (const page of chainPages(tx, organizationId)) if (page.length === 0) break;
      },
      { readOnly: true, isolation: "repeatable read" },
    );
    const readMs = performance.now() - start;

    const writes = 2_000;
    start = performance.now();
    for (let i = 0; i < writes; i += 1) {
      await db.transaction((tx) =>
        recordEvent(tx, {
          organizationId,
          actor: { type: "user", id: "usr_bench" },
          event: {
            action: "user.signed-in",
            target: { type: "user", id: "usr_bench" },
            changes: { mfa: true },
          },
        }),
      );
    }
    const writeMs = performance.now() - start;
    return [
      [
        `audit verify, 1M events (${label})`,
        perSecond(EVENTS, best),
        `${(best / 1000).toFixed(2)} s best of ${times.length}; target >= 500,000/s; ` +
          `this process's CPU ${(bestCpu / 1000).toFixed(2)} s`,
      ],
      [
        `  reading every event out, no hashing (${label})`,
        perSecond(EVENTS, readMs),
        `${(readMs / 1000).toFixed(2)} s reading alone`,
      ],
      [
        `audit recordEvent, 1 event per transaction (${label})`,
        perSecond(writes, writeMs),
        `setup: 1M events loaded in ${(loadMs / 1000).toFixed(0)} s`,
      ],
    ];
  } finally {
    await db.close();
    await store.dispose();
  }
}

export async function benchAudit(): Promise<Row> {
  const rows = await benchEngine("PGlite", "pglite");
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (url) rows.push(...(await benchEngine("PostgreSQL", "postgres", url)));
  else rows.push(["audit verify (PostgreSQL)", "skipped", "set TEST_DATABASE_URL or DATABASE_URL"]);
  return rows;
}
