/**
 * The canonical encoding the audit chain hashes. Changing anything here makes every stored event
 * fail verification: it needs a new encoding version and a migration, never an edit.
 *
 *   hash = hex(SHA-256(UTF-8(prev_hash + encoding)))
 *
 * `prev_hash` is the previous event's hash in the same organization (64 zeros before the first).
 * `encoding` is one JSON object, keys sorted, no whitespace, always these keys:
 *
 *   {"action":A,"actor":{"id":I,"type":T},"changes":C,"occurred_at":"2025-01-31T09:00:00.000Z",
 *    "organization_id":O,"seq":N,"target":{"id":I,"type":T}}
 *
 * `occurred_at` is ISO 8601 in UTC with milliseconds, `seq` a JSON integer, `changes` the event's
 * changes in canonical JSON: RFC 8785 (JCS), i.e. object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers as ECMAScript's JSON.stringify writes them.
 */
import * as crypto from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** Strings JSON.stringify would write unchanged between quotes (the usual ids and names). */
const PLAIN = /^[\w.:@+/-]*$/;
const quote = (text: string) => (PLAIN.test(text) ? `"${text}"` : JSON.stringify(text));

/** Canonical JSON (RFC 8785) of a JSON value; throws on values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return quote(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("audit changes: numbers must be finite");
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
      const record = value as Record<string, unknown>;
      let out = "";
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        out += `${out ? "," : ""}${quote(key)}:${canonicalJson(item)}`;
      }
      return `{${out}}`;
    }
    case "bigint":
    case "function":
    case "symbol":
    case "undefined":
      break;
  }
  throw new TypeError(`audit changes: a ${typeof value} cannot be stored as JSON`);
}

/**
 * `canonicalJson(JSON.parse(text))` for stored JSON text, remembering recent texts: trails repeat
 * the same changes (`{"mfa": true}`) so often that parsing each copy was a third of verification.
 */
export function canonicalizerOfText(capacity = 10_000): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let canonical = seen.get(text);
    if (canonical === undefined) {
      canonical = canonicalJson(JSON.parse(text));
      if (seen.size >= capacity) seen.clear();
      seen.set(text, canonical);
    }
    return canonical;
  };
}

/** The fields an event's hash covers, in their stored text forms. */
export interface EncodedFields {
  organizationId: string;
  seq: number;
  /** ISO 8601, UTC, milliseconds: `Date.prototype.toISOString()`. */
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  /** `canonicalJson(changes)`. */
  changes: string;
}

/**
 * The encoding with the organization's part already written; verification builds one per
 * organization and calls it per row, so the hot loop makes no objects. Action, actor and target
 * types repeat, so their quoted forms are remembered.
 */
export function encoderFor(organizationId: string) {
  const organization = `,"organization_id":${JSON.stringify(organizationId)},"seq":`;
  const quoted = new Map<string, string>();
  const known = (text: string) => {
    let value = quoted.get(text);
    if (value === undefined) {
      value = JSON.stringify(text);
      if (quoted.size < 1000) quoted.set(text, value);
    }
    return value;
  };
  return (
    seq: string | number,
    occurredAt: string,
    actorType: string,
    actorId: string,
    action: string,
    targetType: string,
    targetId: string,
    changes: string,
  ): string =>
    `{"action":${known(action)},"actor":{"id":${quote(actorId)},"type":${known(actorType)}}` +
    `,"changes":${changes},"occurred_at":${quote(occurredAt)}${organization}${seq}` +
    `,"target":{"id":${quote(targetId)},"type":${known(targetType)}}}`;
}

export function encodeEvent(f: EncodedFields): string {
  return encoderFor(f.organizationId)(
    f.seq,
    f.occurredAt,
    f.actorType,
    f.actorId,
    f.action,
    f.targetType,
    f.targetId,
    f.changes,
  );
}

/** `crypto.hash` (Node 20.12+) skips the Hash object; older 20.x falls back to createHash. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "hex")
    : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** The chain step: hex SHA-256 of the previous hash followed by this event's encoding. */
export function chainHash(prevHash: string, encoding: string): string {
  return sha256Hex(prevHash + encoding);
}
