/** For officers: who has acknowledged the current policy version and who has not yet. */
import { useCallback, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { AcknowledgmentList, AcknowledgmentRow } from "../api/types.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { SelectField, TextField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, PageHeading, StatusTag } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { roleLabel } from "../components/layout.tsx";
import { downloadCsv } from "../components/csv.ts";
import { Link } from "../router.tsx";

type StatusFilter = "all" | "missing" | "acknowledged";

const columns: Column<AcknowledgmentRow>[] = [
  { key: "name", header: "Member", cell: (row) => row.displayName, sortValue: (row) => row.displayName },
  { key: "email", header: "Email", cell: (row) => row.email, sortValue: (row) => row.email },
  { key: "roles", header: "Roles", cell: (row) => (row.roles ?? []).map(roleLabel).join(", ") },
  {
    key: "status",
    header: "Status",
    cell: (row) =>
      row.acknowledged ? (
        <StatusTag tone="success">Acknowledged</StatusTag>
      ) : (
        <StatusTag tone="warning">Not acknowledged</StatusTag>
      ),
    sortValue: (row) => (row.acknowledged ? 1 : 0),
  },
  {
    key: "when",
    header: "Acknowledged on",
    cell: (row) => (row.acknowledged ? <DateTime value={row.acknowledgedAt} /> : "Not yet"),
    sortValue: (row) => row.acknowledgedAt ?? "",
  },
];

export function AcknowledgmentsPage(): ReactNode {
  const load = useCallback(() => api.acknowledgments("all"), []);
  const [resource] = useResource(load);
  return (
    <>
      <PageHeading title="Acknowledgments" />
      <ResourceView resource={resource} what="acknowledgments">
        {(data) => <Acknowledgments data={data} />}
      </ResourceView>
    </>
  );
}

function Acknowledgments({ data }: { data: AcknowledgmentList }): ReactNode {
  const [status, setStatus] = useState<StatusFilter>("missing");
  const [text, setText] = useState("");
  if (data.version === null || data.contentHash === null) {
    return (
      <EmptyState title="No policy version to acknowledge yet">
        <p>
          Publish the policies from the <Link to="/policies">Policies</Link> page; members can then
          acknowledge them.
        </p>
      </EmptyState>
    );
  }
  const needle = text.trim().toLowerCase();
  const rows = data.members.filter(
    (row) =>
      (status === "all" || (status === "missing") !== row.acknowledged) &&
      (needle === "" || `${row.displayName} ${row.email}`.toLowerCase().includes(needle)),
  );
  return (
    <>
      <p className="lead">
        Version {data.version}, published <DateTime value={data.publishedAt} />.
      </p>
      <p className="counts">
        <StatusTag tone="success">{data.counts.acknowledged} acknowledged</StatusTag>{" "}
        <StatusTag tone={data.counts.missing > 0 ? "warning" : "neutral"}>
          {data.counts.missing} not acknowledged
        </StatusTag>{" "}
        of {data.counts.members} {data.counts.members === 1 ? "member" : "members"} asked to acknowledge.
      </p>
      <form
        className="filters"
        role="search"
        aria-label="Filter members"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <SelectField
          id="ack-status"
          label="Show"
          value={status}
          onChange={(value) => {
            setStatus(value as StatusFilter);
          }}
          options={[
            { value: "missing", label: "Not acknowledged" },
            { value: "acknowledged", label: "Acknowledged" },
            { value: "all", label: "All members" },
          ]}
        />
        <TextField
          id="ack-search"
          label="Name or email contains"
          value={text}
          onChange={setText}
          type="search"
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            downloadCsv(
              "acknowledgments.csv",
              ["name", "email", "acknowledged", "acknowledgedAt"],
              rows.map((row) => [
                row.displayName,
                row.email,
                String(row.acknowledged),
                row.acknowledgedAt ?? "",
              ]),
            );
          }}
        >
          Download CSV
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState
          title={status === "missing" && needle === "" ? "Everyone has acknowledged" : "No members match"}
        >
          <p>
            {status === "missing" && needle === ""
              ? "Every member has acknowledged the current version. Nothing to chase."
              : "Change the filters above to see more members."}
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption={`${rows.length} ${rows.length === 1 ? "member" : "members"} shown`}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.userId}
          initialSort={{ key: "name", direction: "ascending" }}
        />
      )}
    </>
  );
}
