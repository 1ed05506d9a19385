/**
 * A small history-API router: the UI has a dozen pages, which does not justify a routing library.
 * Navigation can carry a one-time notice (for example why the user landed on the sign-in page).
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";

export interface Location {
  pathname: string;
  search: URLSearchParams;
  /** A message for the page being opened, passed along by `navigate`. */
  notice: string | null;
}

interface HistoryState {
  notice?: string;
}

const listeners = new Set<() => void>();
let current = read();

function read(): Location {
  const state = (window.history.state ?? {}) as HistoryState;
  return {
    pathname: window.location.pathname,
    search: new URLSearchParams(window.location.search),
    notice: state.notice ?? null,
  };
}

function changed(): void {
  current = read();
  for (const listener of listeners) listener();
}

window.addEventListener("popstate", changed);

/** Opens a page of the UI; `replace` when the current page should not stay in the history. */
export function navigate(to: string, options: { notice?: string; replace?: boolean } = {}): void {
  const state: HistoryState = options.notice ? { notice: options.notice } : {};
  if (options.replace) window.history.replaceState(state, "", to);
  else window.history.pushState(state, "", to);
  changed();
}

/** The current location; re-renders on every navigation. */
export function useLocation(): Location {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** An ordinary link (so it opens in a new tab when asked) that navigates in place otherwise. */
export function Link(
  props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode },
): ReactNode {
  const { to, children, ...rest } = props;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a {...rest} href={to} onClick={onClick}>
      {children}
    </a>
  );
}
