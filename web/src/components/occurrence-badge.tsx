/**
 * The count beside the Inbox link: the caller's due and overdue work, read again on every page
 * change and after work is completed or waived. The words say what the numbers count; the color
 * of the overdue badge only repeats them.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { InboxSummary } from "../api/types.ts";
import { workApi } from "../api/work.ts";
import { useLocation } from "../router.tsx";

const listeners = new Set<() => void>();

/** Tells the badge that work was closed, so it counts again without a page change. */
export function workChanged(): void {
  for (const listener of listeners) listener();
}

export function InboxBadge(): ReactNode {
  const { pathname } = useLocation();
  const [summary, setSummary] = useState<InboxSummary | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const listener = () => {
      setChanges((value) => value + 1);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    let live = true;
    workApi.inboxSummary().then(
      (answer) => {
        if (live) setSummary(answer);
      },
      // The badge is a convenience: without it the Inbox link still works.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [pathname, changes]);

  if (!summary) return null;
  const total = summary.due + summary.overdue;
  if (total === 0) return null;
  return (
    <span className={summary.overdue > 0 ? "nav__badge nav__badge--overdue" : "nav__badge"}>
      <span className="visually-hidden">, </span>
      {total}
      <span className="visually-hidden"> to do</span>
      {summary.overdue > 0 ? `, ${summary.overdue} overdue` : null}
    </span>
  );
}
