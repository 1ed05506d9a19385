/**
 * `verifyAuditChain`: recomputes every hash from the stored fields, in seq order per organization,
 * and stops at the first event that does not fit. Reads run in one read-only snapshot, so writers
 * may keep working and a chain head never runs ahead of the events read.
 */
import { availableParallelism } from "node:os";
import type { Database, TextRow, Transaction } from "../db/index.ts";
import {
  chainHeadOf,
  eventAt,
  RECORD_SEPARATOR,
  unsafeListChainHeads,
  useUtcTimestamps,
  type ChainHead,
} from "./audit.repo.ts";
import { GENESIS_HASH } from "./canonical.ts";
import { chainPages, PAGE_SIZE, recordAt } from "./chain-reader.ts";
import { pageChecker } from "./page-check.ts";
import { ownBuffer, startPagePool, type CheckedPage, type PagePool } from "./page-pool.ts";
import { classifyBreak, type AuditProblem } from "./classify.ts";
import { CELLS, recordMatcher } from "./record-hash.ts";
import { confirmInDatabase, type ChainPosition } from "./verify-in-database.ts";

export type { AuditProblem } from "./classify.ts";

export type VerifyResult =
  | { ok: true; count: number; organizations: number }
  | {
      ok: false;
      organization: { id: string; slug: string };
      seq: number;
      /** The event at fault; null when it is missing (events cut from the end of the trail). */
      eventId: string | null;
      problem: AuditProblem;
      /** One sentence for people investigating: positions and kinds, never event contents. */
      detail: string;
    };

const RECORD_BYTE = RECORD_SEPARATOR.charCodeAt(0);

/**
 * Long chains are checked by worker threads (page-pool.ts), one fewer than the cores and at least
 * one: the main thread reads, and on PGlite the reading is most of the work (measured on two
 * cores: one worker 406k events/s, two 300-385k, as the second took CPU from the reading).
 * `setVerifyTuning` lets tests use them on short chains and small pages.
 */
const tuning = {
  threads: Math.max(1, availableParallelism() - 1),
  threadsFrom: 100_000,
  /** On PostgreSQL, chains this long are hashed inside the database first (verify-in-database.ts). */
  databaseFrom: 100_000,
  pageSize: PAGE_SIZE,
};

/**
 * For tests: worker threads from `threadsFrom` events on, hashing in PostgreSQL from
 * `databaseFrom` on, and pages of `pageSize` events.
 */
export function setVerifyTuning(values: Partial<typeof tuning>): () => void {
  const before = { ...tuning };
  Object.assign(tuning, values);
  return () => Object.assign(tuning, before);
}

type ChainResult = { ok: true; count: number } | Exclude<VerifyResult, { ok: true }>;

/** Pages as read, for the main thread to check. */
async function* inThread(pages: AsyncIterable<string>): AsyncGenerator<CheckedPage> {
  for await (const text of pages) yield { page: Buffer.from(text, "utf8"), alone: null };
}

/**
 * Pages checked by the pool's workers, in order, while the next pages are read: up to two per
 * worker are in flight.
 */
async function* checkedByPool(
  pages: AsyncIterable<string>,
  pool: PagePool,
  head: ChainHead,
): AsyncGenerator<CheckedPage> {
  const inFlight: Promise<CheckedPage>[] = [];
  const reading = pages[Symbol.asyncIterator]();
  let more = true;
  try {
    for (;;) {
      while (more && inFlight.length < 2 * tuning.threads) {
        const next = await reading.next();
        if (next.done) more = false;
        else {
          const checked = pool.check(ownBuffer(next.value), head.organizationId, head.seq);
          checked.catch(() => undefined); // awaited below, or abandoned when the scan stops early
          inFlight.push(checked);
        }
      }
      const first = inFlight.shift();
      if (!first) return;
      yield await first;
    }
  } finally {
    await reading.return?.();
  }
}

/**
 * Verifies one chain by reading its events, from `start` on (the beginning unless PostgreSQL
 * confirmed a part already), with the pool's workers when given one.
 */
async function verifyOne(
  tx: Transaction,
  head: ChainHead,
  pool: PagePool | null,
  start: ChainPosition = { expected: 1, prevHash: GENESIS_HASH },
): Promise<ChainResult> {
  const { organizationId } = head;
  const hashes = recordMatcher(organizationId);
  let { expected, prevHash } = start;
  const before = expected > 1 ? await eventAt(tx, organizationId, expected - 1) : null;
  let prevId: string | null = before ? String(before.id) : null;
  let broken: TextRow | null = null;
  const fast = pageChecker(organizationId, head.seq, prevHash);
  const pages = chainPages(tx, organizationId, tuning.pageSize, expected > 1 ? expected - 1 : undefined);
  const checked = pool ? checkedByPool(pages, pool, head) : inThread(pages);
  scan: for await (const { page, alone } of checked) {
    let at = 0;
    // A worker's confirmations count when its page continues the chain where it stands.
    if (alone && alone.stop > 0 && alone.firstSeq === expected && alone.firstPrevHash === prevHash) {
      expected = alone.expected;
      prevHash = alone.lastHash;
      prevId = page.toString("utf8", alone.lastIdStart, alone.lastIdEnd);
      fast.setPrevHash(prevHash);
      at = alone.stop;
    }
    while (at < page.length) {
      // The byte path confirms what it can; the record it stops at is decided here.
      const done = fast.check(page, at, expected);
      if (done.lastIdStart >= 0) {
        expected = done.expected;
        prevId = page.toString("utf8", done.lastIdStart, done.lastIdEnd);
        prevHash = fast.prevHash();
      }
      if (done.stop >= page.length) break;
      let end = page.indexOf(RECORD_BYTE, done.stop);
      if (end === -1) end = page.length;
      const { cells: row } = recordAt(page.toString("utf8", done.stop, end), 0);
      // Cells: id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, changes,
      // prev_hash, hash, hash_version.
      const hash = row[10]!;
      if (
        row.length !== CELLS ||
        Number(row[1]) !== expected ||
        expected > head.seq ||
        row[9] !== prevHash ||
        !hashes(prevHash, expected, row, hash)
      ) {
        broken = row;
        break scan;
      }
      prevHash = hash;
      prevId = row[0]!;
      expected += 1;
      fast.setPrevHash(hash);
      at = end + 1;
    }
  }
  const organization = { id: organizationId, slug: head.slug };
  if (broken && broken.length !== CELLS) {
    const detail = "a stored field contains a separator character";
    return { ok: false, organization, seq: expected, eventId: broken[0] ?? null, problem: "altered", detail };
  }
  if (broken) {
    const verdict = await classifyBreak(tx, { head, expected, prevHash, prevId, row: broken, hashes });
    return { ok: false, organization, ...verdict };
  }
  const last = expected - 1;
  if (last < head.seq) {
    const detail = `events ${last + 1} to ${head.seq} at the end of the trail are missing`;
    return { ok: false, organization, seq: last + 1, eventId: null, problem: "deleted", detail };
  }
  if (last > 0 && prevHash !== head.hash) {
    const detail = "its hash differs from the one the chain head recorded";
    return { ok: false, organization, seq: last, eventId: prevId, problem: "altered", detail };
  }
  return { ok: true, count: last };
}

/**
 * Verifies one organization's chain, or every organization's without `organizationId` (an
 * operator task such as `steward audit verify`: results carry counts and positions, never event
 * contents). Returns the first broken event; an unknown organization id throws.
 */
export async function verifyAuditChain(
  db: Database,
  options: {
    organizationId?: string | undefined;
    /**
     * false: hash every event in this process, even on PostgreSQL, so the result rests on the
     * stored rows alone and not on the server's own functions (verify-in-database.ts). Slower.
     */
    hashInDatabase?: boolean;
  } = {},
): Promise<VerifyResult> {
  return db.transaction(
    async (tx) => {
      await useUtcTimestamps(tx);
      let heads: ChainHead[];
      if (options.organizationId === undefined) heads = await unsafeListChainHeads(tx);
      else {
        const head = await chainHeadOf(tx, options.organizationId);
        if (!head) throw new Error("verifyAuditChain: the organization does not exist");
        heads = [head];
      }
      // On PostgreSQL long chains are first hashed in the database, on this connection and a
      // second one in the same snapshot. What is left to read (all of it on PGlite; a version 1
      // trail, or the rest after a break, on PostgreSQL) is checked by one pool of worker threads
      // when it is long, started the first time it is needed.
      const inDatabase =
        options.hashInDatabase !== false &&
        db.engine === "postgres" &&
        heads.some((head) => head.seq >= tuning.databaseFrom);
      let pool = null as Promise<PagePool | null> | null;
      const poolFor = (events: number) =>
        events >= tuning.threadsFrom ? (pool ??= startPagePool(tuning.threads)) : null;
      const verifyAll = async (readers: Transaction[]): Promise<VerifyResult> => {
        let count = 0;
        for (const head of heads) {
          const start =
            readers.length > 0 && head.seq >= tuning.databaseFrom
              ? await confirmInDatabase(readers, head, tuning.pageSize)
              : undefined;
          const unread = head.seq - (start?.expected ?? 1) + 1;
          const result = await verifyOne(tx, head, await poolFor(unread), start);
          if (!result.ok) return result;
          count += result.count;
        }
        return { ok: true, count, organizations: heads.length };
      };
      try {
        if (!inDatabase) return await verifyAll([]);
        const { rows } = await tx.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
        return await db.transaction(
          async (second) => {
            await useUtcTimestamps(second);
            return verifyAll([tx, second]);
          },
          { readOnly: true, isolation: "repeatable read", snapshot: rows[0]!.id },
        );
      } finally {
        await (await pool)?.close();
      }
    },
    { readOnly: true, isolation: "repeatable read" },
  );
}
