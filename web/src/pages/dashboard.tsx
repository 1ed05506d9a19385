/**
 * How the policies are being followed: totals per grade, what is due this week, every commitment
 * and every citation with its grade, and CSV exports of both.
 */
import type { ReactNode } from "react";
import type { Dashboard, Occurrence } from "../api/types.ts";
import { workApi } from "../api/work.ts";
import { DataTable } from "../components/data-table.tsx";
import { workColumn } from "../components/occurrence-columns.tsx";
import {
  Day,
  gradeMeaning,
  gradeOrder,
  gradeStatusLabel,
  OccurrenceStatusTag,
  ownerLabel,
} from "../components/occurrence-status.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { EmptyState, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";
import { CitationsTable, CommitmentsTable } from "./dashboard-tables.tsx";

const loadDashboard = () => workApi.dashboard();

export function DashboardPage(): ReactNode {
  const [resource] = useResource(loadDashboard);
  return (
    <>
      <PageHeading title="Dashboard" />
      <ResourceView resource={resource} what="dashboard">
        {(data) => <DashboardBody data={data} />}
      </ResourceView>
    </>
  );
}

function DashboardBody({ data }: { data: Dashboard }): ReactNode {
  if (data.policyVersionId === null) {
    return (
      <EmptyState title="No published policies yet">
        <p>
          The dashboard grades the work the published policies create. Publish them from the{" "}
          <Link to="/policies">Policies</Link> page.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="lead">
        Graded from the work done, as of <Day value={data.today} /> ({data.timeZone}).
      </p>
      <ul className="totals" aria-label="Commitments by status">
        {gradeOrder.map((status) => (
          <li key={status} className={`totals__card totals__card--${status}`}>
            <span className="totals__number">{data.totals[status] ?? 0}</span>
            <span className="totals__word">{gradeStatusLabel(status)}</span>
            <span className="totals__meaning">{gradeMeaning[status]}</span>
          </li>
        ))}
      </ul>
      <p className="toolbar__group">
        Download as CSV:{" "}
        <a
          className="button button--secondary button--small"
          href={workApi.dashboardExportUrl("commitment")}
          download
        >
          By commitment
        </a>{" "}
        <a
          className="button button--secondary button--small"
          href={workApi.dashboardExportUrl("citation")}
          download
        >
          By citation
        </a>
      </p>
      <DueThisWeek items={data.dueThisWeek} />
      <CommitmentsTable commitments={data.commitments} />
      <CitationsTable citations={data.citations} />
    </>
  );
}

function DueThisWeek({ items }: { items: Occurrence[] }): ReactNode {
  return (
    <section className="section" aria-labelledby="due-week">
      <h2 id="due-week">Due this week</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing is due in the next seven days.</p>
      ) : (
        <DataTable
          caption={`${items.length} ${items.length === 1 ? "item" : "items"} overdue, or due in the next seven days`}
          rows={items}
          rowKey={(o) => o.id}
          initialSort={{ key: "due", direction: "ascending" }}
          columns={[
            { key: "due", header: "Due", cell: (o) => <Day value={o.dueOn} />, sortValue: (o) => o.dueOn },
            {
              key: "status",
              header: "Status",
              cell: (o) => <OccurrenceStatusTag status={o.status} />,
              sortValue: (o) => o.status,
            },
            workColumn,
            {
              key: "owner",
              header: "Owner",
              cell: (o) => ownerLabel(o.ownerRole),
              sortValue: (o) => o.ownerRole,
            },
            { key: "person", header: "Person", cell: (o) => o.person?.name ?? "" },
          ]}
        />
      )}
    </section>
  );
}
