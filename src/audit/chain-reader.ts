/**
 * Reads an organization's events in seq order, a page at a time, for verification. The next page
 * is requested before the current one is handed out, so on PostgreSQL the server renders it while
 * the caller hashes.
 */
import type { TextRow, Transaction } from "../db/index.ts";
import { FIELD_SEPARATOR, readChainPage, RECORD_SEPARATOR } from "./audit.repo.ts";

/** Events per page by default (a seq range of this width). */
export const PAGE_SIZE = 10_000;
/** Where the first page starts: below any seq, so rows forged with seq <= 0 are read too. */
const BEFORE_ANY = -Number.MAX_SAFE_INTEGER + 1_000_000;

/** `2025-01-31 09:00:00.5+00` (ISO DateStyle, UTC) as `2025-01-31T09:00:00.500Z`; anything else as is. */
export function isoFromTimestamptz(text: string): string {
  if (text.length < 22 || text[10] !== " " || !text.endsWith("+00")) return text;
  const fraction = text[19] === "." ? text.slice(20, -3) : "";
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${(fraction + "000").slice(0, 3)}Z`;
}

/**
 * Pages of packed records in seq order (see `readChainPage`), of events after seq `after` (all of
 * them by default); `recordAt` splits one page. Records are
 * split one at a time by the caller so that each dies young: splitting a whole page at once keeps
 * 100,000 strings alive long enough for the garbage collector to promote them, which cost a
 * quarter of verification time.
 */
export async function* chainPages(
  tx: Transaction,
  organizationId: string,
  pageSize = PAGE_SIZE,
  after = BEFORE_ANY,
): AsyncGenerator<string> {
  type Page = Awaited<ReturnType<typeof readChainPage>>;
  const read = (after: number): Promise<Page> => {
    const page = readChainPage(tx, { organizationId, after, upTo: after + pageSize });
    page.catch(() => undefined); // awaited below or abandoned with the transaction
    return page;
  };
  let pending: Promise<Page> | null = read(after);
  while (pending) {
    const { packed, next }: Page = await pending;
    pending = next === null ? null : read(next - 1);
    if (packed !== null) yield packed;
  }
}

/**
 * The record of a page that starts at `start` (0, then the previous end + 1) as cells id, seq,
 * occurred_at (PostgreSQL's text), actor_type, actor_id, action, target_type, target_id, changes
 * (JSON text), prev_hash, hash, hash_version; and where it ends. A record with a separator inside
 * a field comes out with more than 12 cells: the caller treats it as altered.
 */
export function recordAt(page: string, start: number): { cells: TextRow; end: number } {
  let end = page.indexOf(RECORD_SEPARATOR, start);
  if (end === -1) end = page.length;
  return { cells: page.slice(start, end).split(FIELD_SEPARATOR), end };
}
