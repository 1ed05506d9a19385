/**
 * Offset paging, the same on every list that pages (members, acknowledgments, evidence): `limit`
 * and `offset` in the query, `total` and `nextOffset` in the answer. Wording names the list's items.
 */
import { z } from "zod";

/** The query fields of a paged list of `items` (e.g. "members"). */
export function pagingParams(items: string) {
  const limitError = { error: "expected a whole number from 1 to 500" };
  const offsetError = { error: "expected a whole number from 0 to 1000000" };
  return {
    limit: z.coerce
      .number(limitError)
      .int(limitError)
      .min(1, limitError)
      .max(500, limitError)
      .default(100)
      .describe(`At most this many ${items} per page (1 to 500).`),
    offset: z.coerce
      .number(offsetError)
      .int(offsetError)
      .min(0, offsetError)
      .max(1_000_000, offsetError)
      .default(0)
      .describe(
        `How many matching ${items} to skip: 0 for the first page, then the previous page's nextOffset.`,
      ),
  };
}

/** What one page of `items` answers besides its rows. */
export function pageFields(items: string) {
  return {
    total: z.number().int().describe(`How many ${items} match the filters (every page together).`),
    nextOffset: z.number().int().nullable().describe("The offset of the next page; null on the last page."),
  };
}

/**
 * The count of every matching row. A page query carries it on each row (`count(*) OVER ()`), so
 * only a page past the end, which has no rows, needs `count` to ask for it separately.
 */
export async function pageTotal(
  rows: readonly { total: number }[],
  offset: number,
  count: () => Promise<number>,
): Promise<number> {
  return rows[0]?.total ?? (offset === 0 ? 0 : count());
}

/** Where the page after this one starts, or null when this one reaches the end of `total`. */
export function nextOffset(page: { limit: number; offset: number }, total: number): number | null {
  return page.offset + page.limit < total ? page.offset + page.limit : null;
}
