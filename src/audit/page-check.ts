/**
 * The fast path of verification: confirms the packed records of a page (see `readChainPage`) as
 * bytes, without making strings or arrays per record. A version 2 record's hash input is its own
 * bytes from seq to prev_hash after a fixed prefix (canonical.ts), so it is copied once and hashed.
 * A version 1 record's JSON encoding is written straight from the page's UTF-8 into a reused
 * buffer and hashed there.
 *
 * It only ever says yes where verify.ts's reference check would say yes for the same stored
 * fields. For version 1 that means ids, types and actions without characters JSON escapes (their
 * quoted form is then the bytes between quotes), timestamps in PostgreSQL's ISO output, changes
 * hashed as stored. Anything else, including every record that does not verify, stops it at that
 * record's offset, and the reference check decides that one record (verify.ts), so escaped text,
 * changes stored before canonical text, and every kind of break keep exactly their meaning and
 * message.
 */
import * as crypto from "node:crypto";
import { FIELD_SEPARATOR, RECORD_SEPARATOR } from "./audit.repo.ts";
import { v2Prefix } from "./canonical.ts";

const FIELD = FIELD_SEPARATOR.charCodeAt(0);
const RECORD = RECORD_SEPARATOR.charCodeAt(0);
const HASH_LENGTH = 64;
const VERSION_1 = 0x31; // "1"
const VERSION_2 = 0x32; // "2"
const bytes = (text: string) => Buffer.from(text, "utf8");

const ACTION = bytes('{"action":"');
const ACTOR_ID = bytes('","actor":{"id":"');
const ACTOR_TYPE = bytes('","type":"');
const CHANGES = bytes('"},"changes":');
const OCCURRED_AT = bytes(',"occurred_at":"');
const TARGET_ID = bytes(',"target":{"id":"');
const TARGET_TYPE = bytes('","type":"');
const END = bytes('"}}');

/** Copies `from[a, b)` to `out` at `o`; returns the offset after it. */
function put(out: Uint8Array, o: number, from: Uint8Array, a: number, b: number): number {
  for (let i = a; i < b; i += 1) out[o++] = from[i]!;
  return o;
}

/** Writes `n` (a non-negative integer) in decimal at `o`; returns the offset after it. */
function putDigits(out: Uint8Array, o: number, n: number): number {
  let width = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) width += 1;
  for (let i = width - 1, rest = n; i >= 0; i -= 1, rest = Math.floor(rest / 10))
    out[o + i] = 0x30 + (rest % 10);
  return o + width;
}

/** Where a page check stopped, and the chain position it reached. */
export interface PageCheck {
  /** Offset of the first record not confirmed, or the page's length when all were. */
  stop: number;
  /** The seq the chain needs next. */
  expected: number;
  /** Offsets of the last confirmed record's id cell in the page; -1 when none was confirmed. */
  lastIdStart: number;
  lastIdEnd: number;
}

/**
 * A checker for one organization's chain. `prevHash` is the hash the next record must link to;
 * `setPrevHash` moves it when verify.ts confirmed a record itself.
 */
export function pageChecker(organizationId: string, headSeq: number, prevHash: string) {
  const organization = bytes(`","organization_id":${JSON.stringify(organizationId)},"seq":`);
  // The hash the next record must link to.
  const prev = Buffer.alloc(HASH_LENGTH);
  prev.write(prevHash, 0, "latin1");
  // Version 2's input: its prefix, written once, then a record's bytes from seq to prev_hash.
  const prefix = bytes(v2Prefix(organizationId));
  let v2 = Buffer.alloc(4096);
  prefix.copy(v2, 0);
  // Version 1's input: the previous hash, then the encoding written field by field.
  let v1 = Buffer.alloc(4096);
  const ends = new Int32Array(9);
  // Where the id cell of the last record `fits` confirmed ends.
  let idEnd = -1;

  /** Version 2: the record's bytes from seq to the end of prev_hash, after the prefix. */
  const inputV2 = (page: Buffer, seqStart: number, prevEnd: number): Buffer => {
    const length = prefix.length + (prevEnd - seqStart);
    if (v2.length < length) {
      v2 = Buffer.alloc(length * 2);
      prefix.copy(v2, 0);
    }
    page.copy(v2, prefix.length, seqStart, prevEnd);
    return v2.subarray(0, length);
  };

  /**
   * Version 1: the JSON encoding rebuilt from the cells, or null where the reference check would
   * quote differently (characters JSON escapes, timestamps not in PostgreSQL's ISO output).
   */
  const inputV1 = (page: Buffer, start: number, prevStart: number, seq: number, p: number): Buffer | null => {
    // The first eight cells: find their separators, and refuse characters JSON would escape (and
    // anything outside ASCII in the timestamp).
    let cell = 0;
    let q = start;
    for (; q < prevStart && cell < 8; q += 1) {
      const b = page[q]!;
      if (b === FIELD) {
        ends[cell] = q;
        cell += 1;
      } else if (cell >= 2 && (b < 0x20 || b === 0x22 || b === 0x5c || (cell === 2 && b >= 0x80)))
        return null;
    }
    if (cell !== 8) return null;
    // Changes run to the prev_hash cell and hold no separator (JSON text cannot).
    const changesEnd = prevStart - 1;
    if (page.indexOf(FIELD, q) !== changesEnd) return null;
    ends[8] = changesEnd;
    // occurred_at: `2025-01-31 09:00:00[.fraction]+00`, written as ISO with milliseconds.
    const tsStart = ends[1]! + 1;
    const tsEnd = ends[2]!;
    if (
      tsEnd - tsStart < 22 ||
      page[tsStart + 10] !== 0x20 ||
      page[tsEnd - 3] !== 0x2b ||
      page[tsEnd - 2] !== 0x30 ||
      page[tsEnd - 1] !== 0x30
    )
      return null;

    const need = HASH_LENGTH + organization.length + 200 + (p - start);
    if (v1.length < need) v1 = Buffer.alloc(need * 2);
    const out = v1;
    let o = put(out, 0, prev, 0, HASH_LENGTH);
    o = put(out, o, ACTION, 0, ACTION.length);
    o = put(out, o, page, ends[4]! + 1, ends[5]!);
    o = put(out, o, ACTOR_ID, 0, ACTOR_ID.length);
    o = put(out, o, page, ends[3]! + 1, ends[4]!);
    o = put(out, o, ACTOR_TYPE, 0, ACTOR_TYPE.length);
    o = put(out, o, page, ends[2]! + 1, ends[3]!);
    o = put(out, o, CHANGES, 0, CHANGES.length);
    o += page.copy(out, o, ends[7]! + 1, ends[8]);
    o = put(out, o, OCCURRED_AT, 0, OCCURRED_AT.length);
    o = put(out, o, page, tsStart, tsStart + 10);
    out[o++] = 0x54; // T
    o = put(out, o, page, tsStart + 11, tsStart + 19);
    out[o++] = 0x2e; // .
    const hasFraction = page[tsStart + 19] === 0x2e;
    for (let i = 0; i < 3; i += 1) {
      const at = tsStart + 20 + i;
      out[o++] = hasFraction && at < tsEnd - 3 ? page[at]! : 0x30;
    }
    out[o++] = 0x5a; // Z
    o = put(out, o, organization, 0, organization.length);
    o = putDigits(out, o, seq);
    o = put(out, o, TARGET_ID, 0, TARGET_ID.length);
    o = put(out, o, page, ends[6]! + 1, ends[7]!);
    o = put(out, o, TARGET_TYPE, 0, TARGET_TYPE.length);
    o = put(out, o, page, ends[5]! + 1, ends[6]!);
    o = put(out, o, END, 0, END.length);
    return out.subarray(0, o);
  };

  /** The offset where the record at `start` ends when it verifies as seq `expected`; else -1. */
  const fits = (page: Buffer, start: number, expected: number): number => {
    // The record ends at the next record separator. Its last cell is hash_version, one digit; the
    // two before it are the 64-character hashes.
    let p = page.indexOf(RECORD, start);
    if (p === -1) p = page.length;
    const hashStart = p - 2 - HASH_LENGTH;
    const prevStart = hashStart - 1 - HASH_LENGTH;
    if (
      prevStart - 1 <= start ||
      page[p - 2] !== FIELD ||
      page[hashStart - 1] !== FIELD ||
      page[prevStart - 1] !== FIELD
    )
      return -1;
    // seq, the second cell: decimal digits equal to the expected one.
    let q = start;
    while (q < prevStart && page[q] !== FIELD) q += 1;
    const seqStart = q + 1;
    let seq = 0;
    for (q = seqStart; q < prevStart; q += 1) {
      const d = page[q]! - 0x30;
      if (d < 0 || d > 9) break;
      seq = seq * 10 + d;
    }
    if (page[q] !== FIELD || q === seqStart || q - seqStart > 15) return -1;
    idEnd = seqStart - 1;
    if (seq !== expected || expected > headSeq) return -1;
    // prev_hash must be the previous hash.
    for (let i = 0; i < HASH_LENGTH; i += 1) if (page[prevStart + i] !== prev[i]) return -1;

    const version = page[p - 1];
    const input =
      version === VERSION_2
        ? inputV2(page, seqStart, prevStart + HASH_LENGTH)
        : version === VERSION_1
          ? inputV1(page, start, prevStart, seq, p)
          : null;
    if (input === null) return -1;
    const digest = crypto.hash("sha256", input, "hex");
    for (let i = 0; i < HASH_LENGTH; i += 1) if (digest.charCodeAt(i) !== page[hashStart + i]) return -1;
    page.copy(prev, 0, hashStart, hashStart + HASH_LENGTH);
    return p;
  };

  return {
    /** Confirms records from `start` on, starting at seq `expected`. */
    check(page: Buffer, start: number, expected: number): PageCheck {
      let lastIdStart = -1;
      let lastIdEnd = -1;
      while (start < page.length) {
        const end = fits(page, start, expected);
        if (end < 0) break;
        lastIdStart = start;
        lastIdEnd = idEnd;
        expected += 1;
        start = end + 1;
      }
      return { stop: Math.min(start, page.length), expected, lastIdStart, lastIdEnd };
    },
    /** The hash the next record must link to. */
    prevHash(): string {
      return prev.toString("latin1");
    },
    setPrevHash(hash: string): void {
      prev.write(hash, 0, "latin1");
    },
  };
}

/** A page checked on its own, in a worker thread (page-pool.ts). */
export interface AloneCheck extends PageCheck {
  /** The first record's seq and stored prev_hash, taken as given: the caller checks they continue the chain. */
  firstSeq: number;
  firstPrevHash: string;
  /** The last confirmed record's hash (the first prev_hash when none was confirmed). */
  lastHash: string;
}

/**
 * Checks a page without knowing the chain before it: the first record is linked to its own stored
 * prev_hash and expected at its own seq. Nothing is confirmed (stop 0) when the first record is not
 * well formed; the caller then decides the page itself.
 */
export function checkAlone(organizationId: string, headSeq: number, page: Buffer): AloneCheck {
  const nothing = {
    stop: 0,
    expected: 0,
    lastIdStart: -1,
    lastIdEnd: -1,
    firstSeq: 0,
    firstPrevHash: "",
    lastHash: "",
  };
  let end = page.indexOf(RECORD);
  if (end === -1) end = page.length;
  const seqStart = page.indexOf(FIELD) + 1;
  const seqEnd = seqStart > 0 ? page.indexOf(FIELD, seqStart) : -1;
  const prevStart = end - 2 - 2 * HASH_LENGTH - 1;
  if (seqEnd === -1 || seqEnd >= end || prevStart <= seqEnd) return nothing;
  const firstSeq = Number(page.toString("latin1", seqStart, seqEnd));
  if (!Number.isSafeInteger(firstSeq)) return nothing;
  const firstPrevHash = page.toString("latin1", prevStart, prevStart + HASH_LENGTH);
  const checker = pageChecker(organizationId, headSeq, firstPrevHash);
  const done = checker.check(page, 0, firstSeq);
  return { ...done, firstSeq, firstPrevHash, lastHash: checker.prevHash() };
}
