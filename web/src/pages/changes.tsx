/**
 * Proposed changes to the published policies: the list (newest first) and, for members who may
 * propose, the form. Each change opens on its own page with the diff and the approvals.
 */
import { useCallback, useState, type ReactNode } from "react";
import { DataTable, type Column } from "../components/data-table.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, PageHeading, StatusTag } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import type { ChangeSummary } from "../api/types.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { changesApi, statusTone } from "./changes-api.tsx";
import { ProposeForm } from "./changes-propose.tsx";

const columns: Column<ChangeSummary>[] = [
  { key: "number", header: "No.", cell: (c) => c.number, sortValue: (c) => c.number, className: "numeric" },
  {
    key: "summary",
    header: "Change",
    cell: (c) => <Link to={`/changes/${encodeURIComponent(c.id)}`}>{c.summary}</Link>,
    sortValue: (c) => c.summary.toLowerCase(),
  },
  {
    key: "status",
    header: "Status",
    cell: (c) => <StatusTag tone={statusTone[c.status]}>{c.status}</StatusTag>,
    sortValue: (c) => c.status,
  },
  { key: "effective", header: "Effective", cell: (c) => c.effectiveDate, sortValue: (c) => c.effectiveDate },
  {
    key: "approvals",
    header: "Approvals",
    cell: (c) => `${c.approvals.approved} of ${c.approvals.required}`,
    sortValue: (c) => c.approvals.approved - c.approvals.required,
  },
  { key: "by", header: "Proposed by", cell: (c) => c.proposedByName ?? c.proposedBy },
  {
    key: "at",
    header: "Proposed",
    cell: (c) => <DateTime value={c.proposedAt} />,
    sortValue: (c) => c.proposedAt,
  },
];

export function ChangesPage(): ReactNode {
  const { can } = useSession();
  const [resource, reload] = useResource(changesApi.list);
  const [proposing, setProposing] = useState(false);
  const onProposed = useCallback(() => {
    setProposing(false);
    reload();
  }, [reload]);
  return (
    <>
      <PageHeading title="Policy changes" />
      <p>
        A change to the published policies is proposed here, approved by the roles the profile names as policy
        approvers, then published with its effective date. See also the{" "}
        <Link to="/as-of">policies in effect on any date</Link>.
      </p>
      {can("changes:propose") ? (
        proposing ? (
          <ProposeForm
            onDone={onProposed}
            onCancel={() => {
              setProposing(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setProposing(true);
            }}
          >
            Propose a change
          </button>
        )
      ) : null}
      <ResourceView resource={resource} what="changes">
        {({ changes }) =>
          changes.length === 0 ? (
            <EmptyState title="No changes proposed yet">
              <p>
                {can("changes:propose")
                  ? "Propose the first one: a profile value or a section's wording."
                  : "Officers propose changes here; you will see them once they do."}
              </p>
            </EmptyState>
          ) : (
            <DataTable
              caption="Changes, newest first"
              columns={columns}
              rows={changes}
              rowKey={(c) => c.id}
              initialSort={{ key: "number", direction: "descending" }}
            />
          )
        }
      </ResourceView>
    </>
  );
}
