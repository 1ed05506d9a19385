/**
 * `recordEvent`: the one way an audit event is written, inside the transaction of the change it
 * records, so the change and its event commit or roll back together.
 */
import { isOpenTransaction, type Transaction } from "../db/index.ts";
import { ActorSchema, type Actor } from "./actor.ts";
import { advanceChainHead, insertEvent } from "./audit.repo.ts";
import { canonicalJson, eventHash, GENESIS_HASH, HASH_VERSION } from "./canonical.ts";
import { AuditError } from "./errors.ts";
import { AuditEventSchema, type AuditEvent, type AuditEventInput } from "./events/index.ts";

export interface RecordEventOptions {
  organizationId: string;
  actor: Actor;
  event: AuditEventInput;
  /** When the change happened; now by default (tests pass a fixed clock). */
  at?: Date;
}

export interface RecordedEvent {
  id: number;
  organizationId: string;
  seq: number;
  occurredAt: Date;
  actor: Actor;
  event: AuditEvent;
  prevHash: string;
  hash: string;
}

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${i.path.map(String).join(".") || "(event)"}: ${i.message}`).join("; ");

/**
 * Validates the event, takes the organization's next seq (locking its chain head until `tx` ends),
 * chains the hash and stores the event. Throws `AuditError` without an open transaction, without
 * an actor, for an event its schema refuses (including any secret-named field) or an unknown
 * organization; the caller's transaction then rolls back with the change.
 */
export async function recordEvent(tx: Transaction, options: RecordEventOptions): Promise<RecordedEvent> {
  if (!isOpenTransaction(tx)) {
    throw new AuditError(
      "recordEvent must run inside an open transaction (db.transaction)",
      "no-transaction",
    );
  }
  const actor = ActorSchema.safeParse(options.actor);
  if (!actor.success) throw new AuditError(`recordEvent needs an actor: ${issues(actor.error)}`, "no-actor");
  const event = AuditEventSchema.safeParse(options.event);
  if (!event.success) throw new AuditError(`invalid audit event: ${issues(event.error)}`, "invalid-event");
  const occurredAt = new Date(options.at ?? Date.now());
  const year = occurredAt.getUTCFullYear();
  if (Number.isNaN(year) || year < 1970 || year > 9999) {
    throw new AuditError("recordEvent: `at` must be a valid date between 1970 and 9999", "invalid-event");
  }

  const head = await advanceChainHead(tx, { organizationId: options.organizationId, genesis: GENESIS_HASH });
  if (!head) throw new AuditError("recordEvent: the organization does not exist", "unknown-organization");

  // Stored as the canonical text the hash covers (verification reads it byte for byte); the JSON
  // round trip first drops what JSON cannot keep (undefined values).
  const changesJson = canonicalJson(JSON.parse(JSON.stringify(event.data.changes)));
  const fields = {
    organizationId: options.organizationId,
    seq: head.seq,
    occurredAt: occurredAt.toISOString(),
    actorType: actor.data.type,
    actorId: actor.data.id,
    action: event.data.action,
    targetType: event.data.target.type,
    targetId: event.data.target.id,
  };
  const hash = eventHash(HASH_VERSION, head.prevHash, { ...fields, changes: changesJson });
  const id = await insertEvent(tx, {
    ...fields,
    changes: changesJson,
    prevHash: head.prevHash,
    hash,
    hashVersion: HASH_VERSION,
  });
  return {
    id,
    organizationId: options.organizationId,
    seq: head.seq,
    occurredAt,
    actor: actor.data,
    event: event.data,
    prevHash: head.prevHash,
    hash,
  };
}
