/** The dashboard's two long tables, each with a status filter: commitments and citations. */
import { useState, type ReactNode } from "react";
import type { CitationGrade, CommitmentGrade, GradeStatus } from "../api/types.ts";
import { DataTable } from "../components/data-table.tsx";
import { SelectField } from "../components/fields.tsx";
import {
  Day,
  gradeOrder,
  gradeStatusLabel,
  GradeStatusTag,
  ownerLabel,
  shorten,
} from "../components/occurrence-status.tsx";
import { DateTime } from "../components/status.tsx";
import { Link } from "../router.tsx";

const rank = (status: GradeStatus) => gradeOrder.indexOf(status);

/** A status select listing only the statuses present, each with its count. */
function StatusFilter({
  id,
  rows,
  value,
  onChange,
}: {
  id: string;
  rows: { status: GradeStatus }[];
  value: string;
  onChange: (value: string) => void;
}): ReactNode {
  const present = gradeOrder.filter((status) => rows.some((row) => row.status === status));
  const count = (status: GradeStatus) => rows.filter((row) => row.status === status).length;
  return (
    <div className="filters">
      <SelectField
        id={id}
        label="Status"
        value={value}
        onChange={onChange}
        options={[
          { value: "", label: `All (${rows.length})` },
          ...present.map((status) => ({
            value: status,
            label: `${gradeStatusLabel(status)} (${count(status)})`,
          })),
        ]}
      />
    </div>
  );
}

export function CommitmentsTable({ commitments }: { commitments: CommitmentGrade[] }): ReactNode {
  const [status, setStatus] = useState("");
  const rows = commitments.filter((c) => status === "" || c.status === status);
  return (
    <section className="section" aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">Commitments</h2>
      <p className="muted">Every requirement of the published policies, graded by the work done for it.</p>
      <StatusFilter id="commitment-status" rows={commitments} value={status} onChange={setStatus} />
      <DataTable
        caption={`${rows.length} of ${commitments.length} commitments`}
        rows={rows}
        rowKey={(c) => c.commitmentId}
        initialSort={{ key: "status", direction: "ascending" }}
        columns={[
          {
            key: "policy",
            header: "Policy",
            cell: (c) => (
              <>
                {c.policyTitle}
                <br />
                <span className="muted">Section {c.sectionNumber}</span>
              </>
            ),
            sortValue: (c) => `${c.policyTitle} ${c.sectionNumber.padStart(6, "0")}`,
          },
          {
            key: "text",
            header: "Commitment",
            className: "wide",
            cell: (c) => <span title={c.text}>{shorten(c.text, 120)}</span>,
          },
          { key: "owner", header: "Owner", cell: (c) => ownerLabel(c.owner), sortValue: (c) => c.owner },
          {
            key: "status",
            header: "Status",
            cell: (c) => <GradeStatusTag status={c.status} />,
            sortValue: (c) => rank(c.status),
          },
          {
            key: "last",
            header: "Last done",
            cell: (c) => (c.lastCompletedAt ? <DateTime value={c.lastCompletedAt} /> : "Never"),
            sortValue: (c) => c.lastCompletedAt ?? "",
          },
          {
            key: "next",
            header: "Next due",
            cell: (c) => <Day value={c.nextDueOn} />,
            sortValue: (c) => c.nextDueOn ?? "9999",
          },
          {
            key: "evidence",
            header: "Evidence",
            cell: (c) => c.evidence,
            sortValue: (c) => c.evidence,
            className: "numeric",
          },
          {
            key: "work",
            header: "Work",
            className: "actions",
            cell: (c) =>
              c.kind === "standing" ? (
                <span className="muted">
                  None<span className="visually-hidden">: no scheduled work</span>
                </span>
              ) : (
                <Link to={`/dashboard/commitments/${encodeURIComponent(c.commitmentId)}`}>
                  Show
                  <span className="visually-hidden">
                    {" "}
                    the work for section {c.sectionNumber} of {c.policyTitle}
                  </span>
                </Link>
              ),
          },
        ]}
      />
    </section>
  );
}

const raLabel = { R: "Required", A: "Addressable" } as const;

export function CitationsTable({ citations }: { citations: CitationGrade[] }): ReactNode {
  const [status, setStatus] = useState("");
  const rows = citations.filter((c) => status === "" || c.status === status);
  return (
    <section className="section" aria-labelledby="citations-heading">
      <h2 id="citations-heading">Citations</h2>
      <p className="muted">
        Each HIPAA citation the policies address, graded by the weakest commitment that serves it.
      </p>
      <StatusFilter id="citation-status" rows={citations} value={status} onChange={setStatus} />
      <DataTable
        caption={`${rows.length} of ${citations.length} citations`}
        rows={rows}
        rowKey={(c) => c.citation}
        columns={[
          {
            key: "citation",
            header: "Citation",
            className: "nowrap",
            cell: (c) => <code>{c.citation}</code>,
          },
          { key: "title", header: "Title", cell: (c) => c.title, sortValue: (c) => c.title },
          {
            key: "ra",
            header: "Required or addressable",
            cell: (c) => (c.ra ? raLabel[c.ra] : <span className="muted">Not stated</span>),
            sortValue: (c) => c.ra ?? "",
          },
          {
            key: "status",
            header: "Status",
            cell: (c) => <GradeStatusTag status={c.status} />,
            sortValue: (c) => rank(c.status),
          },
          {
            key: "commitments",
            header: "Commitments",
            cell: (c) => c.commitmentIds.length,
            sortValue: (c) => c.commitmentIds.length,
            className: "numeric",
          },
        ]}
      />
    </section>
  );
}
