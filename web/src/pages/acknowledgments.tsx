/** For officers: who has acknowledged the current policy version and who has not yet. */
import { useCallback, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { AcknowledgmentList, AcknowledgmentRow } from "../api/types.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { FilterForm, SelectField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, Notice, PageHeading, StatusTag } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { roleLabel } from "../components/layout.tsx";
import { downloadCsv as saveCsv } from "../components/csv.ts";
import { Link } from "../router.tsx";
import { MemberSearchField, Pager } from "./members-pager.tsx";

type StatusFilter = "all" | "missing" | "acknowledged";

// The server pages the list in name order, so the columns do not re-sort one page.
const columns: Column<AcknowledgmentRow>[] = [
  { key: "name", header: "Member", cell: (row) => row.displayName },
  { key: "email", header: "Email", cell: (row) => row.email },
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
  },
  {
    key: "when",
    header: "Acknowledged on",
    cell: (row) => (row.acknowledged ? <DateTime value={row.acknowledgedAt} /> : "Not yet"),
  },
];

const statusCaption: Record<StatusFilter, string> = {
  missing: "Members who have not yet acknowledged",
  acknowledged: "Members who have acknowledged",
  all: "Members asked to acknowledge",
};

const pageSize = 100;
const noun = ["member", "members"] as const;

/** What the officer asked for; the loaded page carries the filter it answers. */
interface Wanted {
  status: StatusFilter;
  q: string;
  offset: number;
}
type LoadedPage = AcknowledgmentList & Wanted;

export function AcknowledgmentsPage(): ReactNode {
  const [wanted, setWanted] = useState<Wanted>({ status: "missing", q: "", offset: 0 });
  const load = useCallback(
    () =>
      api
        .acknowledgments({ ...wanted, limit: pageSize })
        .then((data): LoadedPage => ({ ...data, ...wanted })),
    [wanted],
  );
  const [resource] = useResource(load);
  return (
    <>
      <PageHeading title="Acknowledgments" />
      <ResourceView resource={resource} what="acknowledgments">
        {(data) => <Acknowledgments data={data} onChange={setWanted} />}
      </ResourceView>
    </>
  );
}

function Acknowledgments({
  data,
  onChange,
}: {
  data: LoadedPage;
  onChange: (wanted: Wanted) => void;
}): ReactNode {
  const [text, setText] = useState(data.q);
  const [download, setDownload] = useState<"idle" | "working" | "failed">("idle");
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
  const { status, q } = data;
  const downloadCsv = async () => {
    setDownload("working");
    try {
      const rows = await api.everyAcknowledgment({ status, q });
      saveCsv(
        "acknowledgments.csv",
        ["name", "email", "acknowledged", "acknowledgedAt"],
        rows.map((row) => [row.displayName, row.email, String(row.acknowledged), row.acknowledgedAt ?? ""]),
      );
      setDownload("idle");
    } catch {
      setDownload("failed");
    }
  };
  const page = {
    offset: data.offset,
    shown: data.members.length,
    total: data.total,
    nextOffset: data.nextOffset,
    limit: pageSize,
  };
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
      <FilterForm
        label="Filter members"
        onApply={() => {
          onChange({ status, q: text.trim(), offset: 0 });
        }}
      >
        <SelectField
          id="ack-status"
          label="Show"
          value={status}
          onChange={(value) => {
            onChange({ status: value as StatusFilter, q: text.trim(), offset: 0 });
          }}
          options={[
            { value: "missing", label: "Not acknowledged" },
            { value: "acknowledged", label: "Acknowledged" },
            { value: "all", label: "All members" },
          ]}
        />
        <MemberSearchField id="ack-search" value={text} onChange={setText}>
          <button
            type="button"
            className="button button--secondary"
            disabled={download === "working"}
            onClick={() => {
              void downloadCsv();
            }}
          >
            {download === "working" ? "Preparing the CSV…" : "Download CSV"}
          </button>
        </MemberSearchField>
      </FilterForm>
      {download === "failed" ? (
        <Notice tone="warning">The CSV could not be prepared. Try the download again.</Notice>
      ) : null}
      <Pager
        page={page}
        noun={noun}
        onMove={(offset) => {
          onChange({ status, q, offset });
        }}
      >
        {data.members.length > 0 ? (
          <DataTable
            caption={`${statusCaption[status]} version ${data.version}`}
            columns={columns}
            rows={data.members}
            rowKey={(row) => row.userId}
            initialSort={{ key: "name", direction: "ascending" }}
          />
        ) : (
          <EmptyState
            title={status === "missing" && q === "" ? "Everyone has acknowledged" : "No members match"}
          >
            <p>
              {status === "missing" && q === ""
                ? "Every member has acknowledged the current version. Nothing to chase."
                : "Change the filters above to see more members."}
            </p>
          </EmptyState>
        )}
      </Pager>
    </>
  );
}
