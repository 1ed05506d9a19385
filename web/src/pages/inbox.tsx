/**
 * The caller's own work: overdue, due and upcoming, each with its Complete action (and Waive for
 * officers), then what they finished in the last 30 days.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { Occurrence } from "../api/types.ts";
import { workApi } from "../api/work.ts";
import { OccurrenceItem, type WorkAction } from "../components/occurrence-item.tsx";
import { usePolicyTitles } from "../components/occurrence-policies.ts";
import { addDays, today } from "../components/occurrence-status.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { EmptyState, Notice, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";
import { DoneRecently } from "./inbox-done.tsx";

/** How far ahead the inbox looks; the calendar shows later work. */
const aheadDays = 90;
const doneWindowDays = 30;

async function loadInbox(): Promise<{ open: Occurrence[]; recent: Occurrence[] }> {
  const day = today();
  const [open, closed] = await Promise.all([
    workApi.occurrences({
      scope: "mine",
      status: ["overdue", "due", "upcoming"],
      to: addDays(day, aheadDays),
    }),
    // Late work can be finished long after its due date: look back a year for what closed lately.
    workApi.occurrences({ scope: "mine", status: ["done", "done-late"], from: addDays(day, -366) }),
  ]);
  // What closed in the last 30 days, newest first.
  const since = Date.now() - doneWindowDays * 86_400_000;
  const recent = closed
    .filter((o) => o.completedAt !== null && Date.parse(o.completedAt) >= since)
    .sort((a, b) => (b.completedAt ?? "").localeCompare(a.completedAt ?? ""));
  return { open, recent };
}

const groups = [
  { status: "overdue", title: "Overdue", hint: "Past the deadline. Do these first." },
  { status: "due", title: "Due", hint: "Due soon." },
  { status: "upcoming", title: "Upcoming", hint: `Due in the next ${aheadDays} days.` },
] as const;

export function InboxPage(): ReactNode {
  const [resource, reload] = useResource(loadInbox);
  const titles = usePolicyTitles();
  const [message, setMessage] = useState<string | null>(null);
  const [active, setActive] = useState<{ id: string; action: WorkAction } | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) confirmation.current?.focus();
  }, [message]);

  const done = useCallback(
    (text: string) => {
      setActive(null);
      setMessage(text);
      reload();
    },
    [reload],
  );

  return (
    <>
      <PageHeading title="Inbox" />
      <p className="lead">
        Work the policies give you, by deadline. The <Link to="/calendar">calendar</Link> shows it by date.
      </p>
      <div ref={confirmation} tabIndex={-1} className="focus-target">
        {message ? <Notice tone="success">{message}</Notice> : null}
      </div>
      <ResourceView resource={resource} what="work">
        {({ open, recent }) => (
          <>
            {open.length === 0 ? (
              <EmptyState title="Nothing to do right now">
                <p>New work appears here when it is due. Check the calendar for what comes later.</p>
              </EmptyState>
            ) : (
              groups.map((group) => {
                const items = open.filter((o) => o.status === group.status);
                if (items.length === 0) return null;
                return (
                  <section key={group.status} aria-labelledby={`inbox-${group.status}`}>
                    <h2 id={`inbox-${group.status}`}>
                      {group.title} <span className="count">({items.length})</span>
                    </h2>
                    <p className="muted">{group.hint}</p>
                    <ul className="work-list">
                      {items.map((o) => (
                        <OccurrenceItem
                          key={o.id}
                          occurrence={o}
                          policyTitle={titles[o.policyId]}
                          action={active?.id === o.id ? active.action : null}
                          onAction={(action) => {
                            setMessage(null);
                            setActive(action ? { id: o.id, action } : null);
                          }}
                          onDone={done}
                        />
                      ))}
                    </ul>
                  </section>
                );
              })
            )}
            <DoneRecently rows={recent} days={doneWindowDays} />
          </>
        )}
      </ResourceView>
    </>
  );
}
