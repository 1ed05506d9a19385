/**
 * Bulk writes for the benchmark seed (bench/seed.ts): rows as JSON batches through
 * jsonb_to_recordset, and audit events appended to an organization's chain with the hashes
 * recordEvent would compute (same schema check, encoding and chain hash).
 */
import {
  AuditEventSchema,
  canonicalJson,
  eventHash,
  HASH_VERSION,
  type AuditEventInput,
} from "../src/audit/index.ts";
import type { Transaction } from "../src/db/index.ts";

const CHUNK = 5_000;

/** Inserts `rows` (objects, as $1) through jsonb_to_recordset, CHUNK rows per statement. */
export async function insertJson(
  tx: Transaction,
  sql: string,
  rows: readonly object[],
  params: unknown[] = [],
): Promise<void> {
  for (let from = 0; from < rows.length; from += CHUNK)
    await tx.query(sql, [JSON.stringify(rows.slice(from, from + CHUNK)), ...params]);
}

/** One event to append: a user actor and the typed event. */
export interface EventSpec {
  actorId: string;
  event: AuditEventInput;
}

/** Appends `specs` to the organization's chain, the i-th at `at(i)`, and moves its chain head. */
export async function appendEvents(
  tx: Transaction,
  organizationId: string,
  specs: readonly EventSpec[],
  at: (i: number) => Date,
): Promise<void> {
  const head = await tx.query<{ seq: number; hash: string }>(
    "SELECT seq::int AS seq, hash FROM audit_chain_heads WHERE organization_id = $1 FOR UPDATE",
    [organizationId],
  );
  let { seq, hash: prevHash } = head.rows[0]!;
  const rows = specs.map((spec, i) => {
    const event = AuditEventSchema.parse(spec.event);
    seq += 1;
    const changes = JSON.stringify(event.changes);
    const fields = {
      organizationId,
      seq,
      occurredAt: at(i).toISOString(),
      actorType: "user",
      actorId: spec.actorId,
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id,
    };
    // Stored as the canonical text the hash covers, as recordEvent stores it.
    const canonical = canonicalJson(JSON.parse(changes));
    const hash = eventHash(HASH_VERSION, prevHash, { ...fields, changes: canonical });
    const row = { ...fields, changes: canonical, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await insertJson(
    tx,
    `INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, changes, prev_hash, hash, hash_version)
     SELECT r."organizationId", r.seq, r."occurredAt"::timestamptz, r."actorType", r."actorId", r.action,
            r."targetType", r."targetId", r.changes::json, r."prevHash", r.hash, ${HASH_VERSION}
       FROM jsonb_to_recordset($1::jsonb) AS r("organizationId" text, seq bigint, "occurredAt" text, "actorType" text,
            "actorId" text, action text, "targetType" text, "targetId" text, changes text, "prevHash" text, hash text)`,
    rows,
  );
  await tx.query("UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE organization_id = $1", [
    organizationId,
    seq,
    prevHash,
  ]);
}
