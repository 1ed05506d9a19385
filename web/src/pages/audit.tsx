/**
 * The audit trail: filter, read newest first, page back in time, export what the filters select,
 * and verify the hash chain.
 */
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import { ApiError } from "../api/client.ts";
import type { AuditEvent, AuditFilter } from "../api/types.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { EmptyState, Notice, PageHeading, DateTime } from "../components/status.tsx";
import { useSession } from "../session.tsx";
import { AuditFilters } from "./audit-filters.tsx";
import { AuditVerify } from "./audit-verify.tsx";

const columns: Column<AuditEvent>[] = [
  { key: "seq", header: "#", cell: (e) => e.seq, sortValue: (e) => e.seq, className: "numeric" },
  {
    key: "when",
    header: "When",
    cell: (e) => <DateTime value={e.occurredAt} />,
    sortValue: (e) => e.occurredAt,
  },
  { key: "action", header: "Action", cell: (e) => <code>{e.action}</code>, sortValue: (e) => e.action },
  {
    key: "actor",
    header: "Actor",
    cell: (e) => e.actor.displayName ?? `${e.actor.type} ${e.actor.id}`,
    sortValue: (e) => e.actor.displayName ?? e.actor.id,
  },
  {
    key: "target",
    header: "Target",
    cell: (e) => (
      <>
        {e.target.type} <code className="id">{e.target.id}</code>
      </>
    ),
    sortValue: (e) => e.target.type,
  },
  { key: "changes", header: "Changes", cell: (e) => <Changes changes={e.changes} /> },
];

function Changes({ changes }: { changes: Record<string, unknown> }): ReactNode {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="muted">None</span>;
  return (
    <dl className="changes">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const distinct = (values: string[]) => [...new Set(values)].sort();
const suggestionsFrom = (events: AuditEvent[]) => ({
  actions: distinct(events.map((e) => e.action)),
  targetTypes: distinct(events.map((e) => e.target.type)),
});

interface Loaded {
  events: AuditEvent[];
  nextBefore: number | null;
}

export function AuditPage(): ReactNode {
  const { can } = useSession();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(true);

  // Sets state only when the answer arrives; callers mark the page pending first.
  const fetchPage = useCallback((next: AuditFilter, append: Loaded | null) => {
    api.auditEvents(next).then(
      (page) => {
        setError(null);
        setLoaded({ events: [...(append?.events ?? []), ...page.events], nextBefore: page.nextBefore });
        setPending(false);
      },
      (failure: unknown) => {
        setError(
          failure instanceof ApiError ? failure : new ApiError("internal", "Something went wrong.", 0),
        );
        setPending(false);
      },
    );
  }, []);
  useEffect(() => {
    fetchPage({}, null);
  }, [fetchPage]);
  const load = (next: AuditFilter, append: Loaded | null) => {
    setPending(true);
    fetchPage(next, append);
  };

  return (
    <>
      <PageHeading title="Audit log" />
      <p className="lead">
        Every change in Steward, newest first. Each event is chained to the one before it, so any later edit
        of the trail is detected.
      </p>
      <AuditFilters
        pending={pending}
        problems={error?.fields ?? []}
        suggestions={suggestionsFrom(loaded?.events ?? [])}
        onApply={(next) => {
          setFilter(next);
          load(next, null);
        }}
      />
      <div className="toolbar">
        {can("audit:export") ? (
          <p className="toolbar__group">
            Export these events:{" "}
            <a
              className="button button--secondary button--small"
              href={api.auditExportUrl(filter, "csv")}
              download
            >
              CSV
            </a>{" "}
            <a
              className="button button--secondary button--small"
              href={api.auditExportUrl(filter, "json")}
              download
            >
              JSON
            </a>
          </p>
        ) : null}
        <AuditVerify />
      </div>
      {error && error.fields.length === 0 ? <Notice tone="warning">{error.message}</Notice> : null}
      {loaded === null ? (
        <p className="loading" role="status">
          Loading events…
        </p>
      ) : loaded.events.length === 0 ? (
        <EmptyState title="No events match these filters">
          <p>Clear a filter or widen the dates to see more events.</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`${loaded.events.length} events shown, newest first`}
            columns={columns}
            rows={loaded.events}
            rowKey={(e) => String(e.seq)}
          />
          {loaded.nextBefore !== null ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={pending}
              onClick={() => {
                load({ ...filter, before: loaded.nextBefore ?? undefined }, loaded);
              }}
            >
              {pending ? "Loading…" : "Show older events"}
            </button>
          ) : (
            <p className="muted">These are all the events that match.</p>
          )}
        </>
      )}
    </>
  );
}
