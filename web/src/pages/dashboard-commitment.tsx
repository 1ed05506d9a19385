/** The dashboard's drill-down: every piece of work one commitment created, for everyone. */
import { useCallback, type ReactNode } from "react";
import { workApi } from "../api/work.ts";
import { DataTable } from "../components/data-table.tsx";
import { usePolicyTitles } from "../components/occurrence-policies.ts";
import { Day, OccurrenceStatusTag, ownerLabel } from "../components/occurrence-status.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";

export function CommitmentWorkPage({ commitmentId }: { commitmentId: string }): ReactNode {
  const load = useCallback(() => workApi.occurrences({ scope: "all", commitmentId }), [commitmentId]);
  const [resource] = useResource(load);
  const titles = usePolicyTitles();
  return (
    <>
      <p className="back-link">
        <Link to="/dashboard">Dashboard</Link>
      </p>
      <PageHeading title="Work for one commitment" caption={commitmentId} />
      <ResourceView resource={resource} what="work">
        {(items) =>
          items.length === 0 ? (
            <EmptyState title="No work yet">
              <p>
                Work appears here once the schedule or an event creates it. Triggered work waits for its
                event.
              </p>
            </EmptyState>
          ) : (
            <>
              <p className="lead work-sentence">{items.at(-1)!.text}</p>
              <p className="muted">
                Owner: {ownerLabel(items.at(-1)!.ownerRole)}. From{" "}
                {titles[items.at(-1)!.policyId] ?? items.at(-1)!.policyId}, section{" "}
                {items.at(-1)!.sectionNumber}.
              </p>
              <DataTable
                caption={`${items.length} ${items.length === 1 ? "piece" : "pieces"} of work, by due date`}
                rows={items}
                rowKey={(o) => o.id}
                columns={[
                  {
                    key: "due",
                    header: "Due",
                    cell: (o) => <Day value={o.dueOn} />,
                    sortValue: (o) => o.dueOn,
                  },
                  {
                    key: "status",
                    header: "Status",
                    cell: (o) => <OccurrenceStatusTag status={o.status} />,
                    sortValue: (o) => o.status,
                  },
                  { key: "person", header: "Person", cell: (o) => o.person?.name ?? "" },
                  {
                    key: "closed",
                    header: "Closed",
                    cell: (o) =>
                      o.completedAt ? (
                        <>
                          <DateTime value={o.completedAt} />
                          {o.completedBy ? ` by ${o.completedBy.name}` : null}
                        </>
                      ) : o.waivedAt ? (
                        <>
                          Waived <DateTime value={o.waivedAt} />
                          {o.waivedBy ? ` by ${o.waivedBy.name}` : null}
                        </>
                      ) : (
                        <span className="muted">Open</span>
                      ),
                    sortValue: (o) => o.completedAt ?? o.waivedAt ?? "",
                  },
                  {
                    key: "open",
                    header: "Details",
                    className: "actions",
                    cell: (o) => (
                      <Link to={`/work/${encodeURIComponent(o.id)}`}>
                        Open<span className="visually-hidden"> the work due {o.dueOn}</span>
                      </Link>
                    ),
                  },
                ]}
              />
            </>
          )
        }
      </ResourceView>
    </>
  );
}
