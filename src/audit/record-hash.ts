/**
 * The reference check of one packed record (verify.ts, classify.ts): whether its cells hash to a
 * given hash at a given seq, in the encoding its hash_version names. Slow and simple on purpose;
 * page-check.ts is the fast path and never says yes where this says no.
 */
import type { TextRow } from "../db/index.ts";
import { canonicalizerOfText, chainHash, chainHashV2, encoderFor } from "./canonical.ts";
import { isoFromTimestamptz } from "./chain-reader.ts";

/** Cells of a packed record (see `readChainPage`). */
export const CELLS = 12;

/**
 * `(prevHash, seq, row, hash) => boolean` for one organization. Version 1 hashes the changes as
 * stored, and only when that fails parses and re-encodes them (rows stored as jsonb before
 * migration 20261122190000 carry jsonb's formatting). Either way the stored value must be the one
 * that was hashed: re-encoding cannot make different content match.
 */
export function recordMatcher(organizationId: string) {
  const encode = encoderFor(organizationId);
  const canonicalChanges = canonicalizerOfText();
  const v1 = (prevHash: string, seq: number, row: TextRow, changes: string) =>
    chainHash(
      prevHash,
      encode(seq, isoFromTimestamptz(row[2]!), row[3]!, row[4]!, row[5]!, row[6]!, row[7]!, changes),
    );
  return (prevHash: string, seq: number, row: TextRow, hash: string): boolean => {
    if (row.length !== CELLS || row.some((cell) => cell === null)) return false;
    const cells = row as string[];
    if (cells[11] === "2")
      return chainHashV2(organizationId, [String(seq), ...cells.slice(2, 9), prevHash]) === hash;
    if (cells[11] !== "1") return false;
    if (v1(prevHash, seq, cells, cells[8]!) === hash) return true;
    try {
      return v1(prevHash, seq, cells, canonicalChanges(cells[8]!)) === hash;
    } catch {
      return false; // not JSON at all
    }
  };
}
