/**
 * Names what happened at the first event where a chain breaks. Runs once per failed verification,
 * so it may query freely. The kinds, in the order they are tried:
 *   inserted   a seq beyond the chain head or a duplicate; or an event the chain steps around
 *   deleted    a gap in seq; or an intact event renumbered after the one before it went
 *   altered    fields no longer match the hash, or a hash rewritten so the next link fails
 *   reordered  an intact event moved to another seq (its hash fits a different position)
 */
import type { TextRow, Transaction } from "../db/index.ts";
import { eventAt, seqOfHash, type ChainHead } from "./audit.repo.ts";
import { GENESIS_HASH } from "./canonical.ts";
import type { recordMatcher } from "./record-hash.ts";

export type AuditProblem = "altered" | "inserted" | "deleted" | "reordered";

export interface Break {
  seq: number;
  eventId: string | null;
  problem: AuditProblem;
  /** One sentence for people investigating: positions and kinds, never contents. */
  detail: string;
}

export interface BreakContext {
  head: ChainHead;
  /** The seq the chain needed next. */
  expected: number;
  /** Hash and id of the last event that verified (genesis and null before the first). */
  prevHash: string;
  prevId: string | null;
  row: TextRow;
  /** The reference check of a record's hash (record-hash.ts). */
  hashes: ReturnType<typeof recordMatcher>;
}

/** How far from its position a moved event is looked for, besides right after its predecessor. */
const REORDER_WINDOW = 16;

export async function classifyBreak(tx: Transaction, ctx: BreakContext): Promise<Break> {
  const { head, expected, prevHash, row } = ctx;
  const orgId = head.organizationId;
  const seq = Number(row[1]);
  // Cells of a packed record (readChainPage): id first, prev_hash and hash tenth and eleventh.
  const [id, rowPrevHash, hash] = [row[0], row[9], row[10]] as string[];
  const at = (problem: AuditProblem, detail: string): Break => ({ seq, eventId: id!, problem, detail });
  const previous = (problem: AuditProblem, detail: string): Break => ({
    seq: expected - 1,
    eventId: ctx.prevId,
    problem,
    detail,
  });
  // Whether the record's fields hash to its hash had it been written at seq `s`.
  const fitsAt = (s: number) => ctx.hashes(rowPrevHash!, s, row, hash!);

  if (seq > head.seq)
    return at("inserted", `seq ${seq} is beyond the chain head (${head.seq}): Steward did not write it`);
  if (seq < expected) return at("inserted", `seq ${seq} appears twice`);
  if (seq > expected) {
    return at(
      "deleted",
      seq - 1 === expected
        ? `event ${expected} before it is missing`
        : `events ${expected} to ${seq - 1} before it are missing`,
    );
  }
  if (rowPrevHash === prevHash) return at("altered", "its stored fields no longer match its hash");

  // The link to the previous event is broken.
  if (expected >= 2) {
    const beforePrevious = expected === 2 ? GENESIS_HASH : (await eventAt(tx, orgId, expected - 2))?.hash;
    if (rowPrevHash === beforePrevious)
      return previous("inserted", "the chain steps over it: it was added between two events");
  }
  const predecessor = rowPrevHash === GENESIS_HASH ? 0 : await seqOfHash(tx, orgId, rowPrevHash!);
  const candidates = predecessor === null ? [] : [predecessor + 1];
  for (let d = 1; d <= REORDER_WINDOW; d += 1) candidates.push(seq - d, seq + d);
  const writtenAt = candidates.find((s) => s > 0 && s !== seq && fitsAt(s));
  if (writtenAt !== undefined) {
    return predecessor === null
      ? at(
          "deleted",
          `it was written at seq ${writtenAt}; the event before it is missing and later ones were renumbered`,
        )
      : at("reordered", `it was written at seq ${writtenAt}`);
  }
  const next = await eventAt(tx, orgId, expected + 1);
  if (next?.prevHash === prevHash)
    return at("inserted", "the chain steps over it: it was added between two events");
  if (fitsAt(seq) && ctx.prevId !== null) {
    return previous("altered", "its hash was rewritten: the next event recorded a different one");
  }
  return at("altered", "its stored fields or hashes no longer fit the chain");
}
