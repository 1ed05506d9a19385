/**
 * Paging for the lists of members (the members page and the acknowledgments page): the results
 * region, "Showing 1–100 of 1,000 members" announced as it changes, and Previous and Next buttons.
 * After a move, focus goes to the new page's results, so keyboard and screen reader users start
 * reading at its first row (and never sit on a button that has just become disabled).
 */
import { useEffect, useRef, type ReactNode } from "react";
import { TextField } from "../components/fields.tsx";

const number = new Intl.NumberFormat("en-US");

/** What the rows are: one and more than one ("member", "members"). */
export type Noun = readonly [one: string, other: string];

/** Where a page sits in the whole list, in words: "Showing 101–200 of 1,000 members". */
function pageSummary(page: { offset: number; shown: number; total: number }, noun: Noun): string {
  const { offset, shown, total } = page;
  const counted = `${number.format(total)} ${total === 1 ? noun[0] : noun[1]}`;
  if (total === 0) return `No ${noun[1]} to show`;
  if (shown === 0) return `No ${noun[1]} on this page, ${counted} in all`;
  return `Showing ${number.format(offset + 1)}–${number.format(offset + shown)} of ${counted}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One page back; from past the end (the last rows were removed), the last page there is. */
function previousOffset(page: PageState): number {
  if (page.offset < page.total || page.total === 0) return Math.max(0, page.offset - page.limit);
  return Math.floor((page.total - 1) / page.limit) * page.limit;
}

export interface PageState {
  /** Where the page on screen starts. */
  offset: number;
  /** How many rows it shows. */
  shown: number;
  /** How many rows match in all. */
  total: number;
  nextOffset: number | null;
  /** The page size asked for, to step back by. */
  limit: number;
}

export function Pager({
  page,
  noun,
  onMove,
  children,
}: {
  page: PageState;
  noun: Noun;
  /** Asks for the page starting at this offset. */
  onMove: (offset: number) => void;
  /** The rows of the page on screen (a table, or an empty state). */
  children: ReactNode;
}): ReactNode {
  const results = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    results.current?.focus();
  }, [page.offset]);

  const move = (offset: number) => {
    moved.current = true;
    onMove(offset);
  };
  const previous = page.offset === 0 ? null : previousOffset(page);
  const single = page.offset === 0 && page.nextOffset === null;
  return (
    <>
      <div ref={results} tabIndex={-1} role="region" aria-label={`${capitalize(noun[1])} on this page`}>
        {children}
      </div>
      <nav className="toolbar" aria-label={`Pages of ${noun[1]}`}>
        <p className="toolbar__group" role="status">
          {pageSummary(page, noun)}
        </p>
        {single ? null : (
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={previous === null}
              onClick={() => {
                if (previous !== null) move(previous);
              }}
            >
              <span aria-hidden="true">‹ </span>Previous page
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={page.nextOffset === null}
              onClick={() => {
                if (page.nextOffset !== null) move(page.nextOffset);
              }}
            >
              Next page<span aria-hidden="true"> ›</span>
            </button>
          </div>
        )}
      </nav>
    </>
  );
}

/**
 * The search box both member lists share, with its Search button; `children` are the form's other
 * actions. The lists answer from the server, so searching waits for the button (or Enter).
 */
export function MemberSearchField({
  id,
  value,
  onChange,
  children,
}: {
  id: string;
  value: string;
  onChange: (text: string) => void;
  children?: ReactNode;
}): ReactNode {
  return (
    <>
      <TextField
        id={id}
        label="Name or email contains"
        value={value}
        onChange={onChange}
        type="search"
        maxLength={200}
        spellCheck={false}
      />
      <div className="filters__actions button-row">
        <button type="submit" className="button button--secondary">
          Search
        </button>
        {children}
      </div>
    </>
  );
}
