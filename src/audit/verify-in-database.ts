/**
 * PostgreSQL's share of verification: whole pages of version 2 events are hashed by the database
 * itself (audit.repo.ts `hashPageInDatabase`), on two connections reading one snapshot, so the
 * events never cross the socket and two server processes do the work. Measured on two cores with
 * 1,000,000 events: reading the events out costs PostgreSQL about as much as hashing them in place,
 * and the client's decoding and hashing came on top.
 *
 * It only confirms: the first page that does not fit in every respect (a version 1 event, a seq
 * missing or doubled, a hash or link that fails, a NULL anywhere) ends it, and verify.ts goes on
 * from the last confirmed event by reading the events, which finds and names the break exactly.
 *
 * What it trusts beyond the stored rows: the database's own sha256, convert_to and text output.
 * Whoever can replace those can also rewrite the whole chain, which verification cannot see
 * either way (docs/ARCHITECTURE.md). `steward audit verify --client-hashing`
 * (`verifyAuditChain(db, { hashInDatabase: false })`) hashes every event in the process instead.
 */
import type { Transaction } from "../db/index.ts";
import { hashPageInDatabase, hasEventsBeforeFirst, type ChainHead, type PageDigest } from "./audit.repo.ts";
import { GENESIS_HASH, v2Prefix } from "./canonical.ts";

/** Where a chain stands: the seq it needs next and the hash that event must link to. */
export interface ChainPosition {
  expected: number;
  prevHash: string;
}

/** Pages requested ahead per connection, so each server process always has the next one. */
const AHEAD = 2;

/**
 * Confirms the chain's whole pages from seq 1 on, spreading them over `readers` (transactions in
 * one snapshot), and returns where the confirmed part ends.
 */
export async function confirmInDatabase(
  readers: readonly Transaction[],
  head: ChainHead,
  pageSize: number,
): Promise<ChainPosition> {
  const position: ChainPosition = { expected: 1, prevHash: GENESIS_HASH };
  const pages = Math.floor(head.seq / pageSize);
  // Events forged below seq 1 are found only by reading from the very start.
  if (pages === 0 || (await hasEventsBeforeFirst(readers[0]!, head.organizationId))) return position;
  const prefix = v2Prefix(head.organizationId);
  const inFlight: Promise<PageDigest>[] = [];
  let requested = 0;
  const request = () => {
    const after = requested * pageSize;
    const reader = readers[requested % readers.length]!;
    const digest = hashPageInDatabase(reader, {
      organizationId: head.organizationId,
      after,
      upTo: after + pageSize,
      prefix,
    });
    digest.catch(() => undefined); // awaited below, or abandoned when a page does not fit
    inFlight.push(digest);
    requested += 1;
  };
  while (position.expected <= pages * pageSize) {
    while (requested < pages && inFlight.length < AHEAD * readers.length) request();
    const d = await inFlight.shift()!;
    const after = position.expected - 1;
    const fits =
      d.count === pageSize &&
      d.first === after + 1 &&
      d.last === after + pageSize &&
      d.hashed &&
      d.linked &&
      d.firstPrevHash === position.prevHash &&
      d.lastHash !== null;
    if (!fits) break;
    position.expected = after + pageSize + 1;
    position.prevHash = d.lastHash!;
  }
  await Promise.allSettled(inFlight);
  return position;
}
