/** Small display pieces: status labels (text and color together), dates with their time zone, notices. */
import { useEffect, type ReactNode } from "react";

export type Tone = "success" | "warning" | "danger" | "neutral" | "info";

/** A status label: the word carries the meaning, the color only repeats it. */
export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }): ReactNode {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

/** "2 Mar 2026, 09:00 UTC": always with the zone, since officers and auditors sit in different ones. */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
}

export function DateTime({ value }: { value: string | null | undefined }): ReactNode {
  if (!value) return <span className="muted">None</span>;
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}

/** A message in the page: success after an action, information, or a warning. */
export function Notice({
  tone,
  title,
  children,
}: {
  tone: "success" | "info" | "warning";
  title?: string;
  children?: ReactNode;
}): ReactNode {
  return (
    <div className={`notice notice--${tone}`} role={tone === "success" ? "status" : undefined}>
      {title ? <h2 className="notice__title">{title}</h2> : null}
      {children}
    </div>
  );
}

/** What an empty list looks like: what it means and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }): ReactNode {
  return (
    <div className="empty">
      <h2 className="empty__title">{title}</h2>
      {children}
    </div>
  );
}

/** The page's heading, also used as the document title so tabs and history read well. */
export function PageHeading({ title, caption }: { title: string; caption?: string }): ReactNode {
  useEffect(() => {
    document.title = `${title} - Steward`;
  }, [title]);
  return (
    <div className="page-heading">
      {caption ? <span className="caption">{caption}</span> : null}
      <h1>{title}</h1>
    </div>
  );
}
