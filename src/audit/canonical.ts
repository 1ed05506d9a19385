/**
 * The encodings the audit chain hashes. Changing an existing one makes every event written with it
 * fail verification: a new encoding gets a new version number, never an edit. Each stored event
 * names its version (`audit_events.hash_version`); `recordEvent` writes HASH_VERSION.
 *
 *   hash = hex(SHA-256(UTF-8(input)))
 *
 * `prev_hash` is the previous event's hash in the same organization (64 zeros before the first).
 *
 * Version 2 (events written since migration 20261122200000): the fields as PostgreSQL writes
 * them as text, joined by the unit separator U+001F (shown as ␟), after a tag and the organization:
 *
 *   steward-audit-v2␟O␟seq␟occurred_at␟actor_type␟actor_id␟action␟target_type␟target_id␟changes␟prev_hash
 *
 * `seq` in decimal; `occurred_at` as PostgreSQL prints a timestamptz with DateStyle ISO and TimeZone
 * UTC (`2025-01-31 09:00:00.12+00`: fraction without trailing zeros, none when zero); `changes`
 * in canonical JSON (below). No field can hold U+001F (ids refuse control characters, JSON escapes
 * them), so the joined text names each field unambiguously. Verification hashes these bytes as the
 * database hands them over, without rebuilding anything: that is what makes it fast.
 *
 * Version 1 (events written before): `prev_hash` followed by one JSON object, keys sorted, no
 * whitespace, always these keys:
 *
 *   {"action":A,"actor":{"id":I,"type":T},"changes":C,"occurred_at":"2025-01-31T09:00:00.000Z",
 *    "organization_id":O,"seq":N,"target":{"id":I,"type":T}}
 *
 * with `occurred_at` in ISO 8601, UTC, milliseconds, and `seq` a JSON integer.
 *
 * `changes`, in both: canonical JSON, RFC 8785 (JCS), i.e. object keys sorted by UTF-16 code
 * units, no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them.
 */
import * as crypto from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The encoding `recordEvent` writes. */
export const HASH_VERSION = 2;
export type HashVersion = 1 | 2;

/** The separator of version 2's fields. */
export const V2_SEPARATOR = "\x1f";

/** What version 2's input starts with, up to the seq: the tag and the organization. */
export const v2Prefix = (organizationId: string) =>
  `steward-audit-v2${V2_SEPARATOR}${organizationId}${V2_SEPARATOR}`;

/**
 * A timestamp from `Date.prototype.toISOString()` (milliseconds, UTC) as PostgreSQL prints it with
 * DateStyle ISO and TimeZone UTC: `2025-01-31T09:00:00.120Z` is `2025-01-31 09:00:00.12+00`.
 */
export function pgTimestampText(iso: string): string {
  const fraction = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ""}+00`;
}

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

/** The fields after the organization, in the order both encodings take them. */
const inOrder = (f: EncodedFields) =>
  [f.seq, f.occurredAt, f.actorType, f.actorId, f.action, f.targetType, f.targetId, f.changes] as const;

export function encodeEvent(f: EncodedFields): string {
  return encoderFor(f.organizationId)(...inOrder(f));
}

/** `crypto.hash` (Node 20.12+) skips the Hash object; older 20.x falls back to createHash. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "hex")
    : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** Version 1's chain step: hex SHA-256 of the previous hash followed by this event's encoding. */
export function chainHash(prevHash: string, encoding: string): string {
  return sha256Hex(prevHash + encoding);
}

/**
 * Version 2's chain step from the fields as stored text: seq, occurred_at (PostgreSQL's text),
 * actor_type, actor_id, action, target_type, target_id, changes, then the previous hash.
 */
export function chainHashV2(organizationId: string, storedText: readonly string[]): string {
  return sha256Hex(v2Prefix(organizationId) + storedText.join(V2_SEPARATOR));
}

/** The hash an event's fields get in a given encoding, `prevHash` being the previous event's. */
export function eventHash(version: HashVersion, prevHash: string, f: EncodedFields): string {
  if (version === 1) return chainHash(prevHash, encodeEvent(f));
  const [seq, occurredAt, ...text] = inOrder(f);
  return chainHashV2(f.organizationId, [String(seq), pgTimestampText(occurredAt), ...text, prevHash]);
}
