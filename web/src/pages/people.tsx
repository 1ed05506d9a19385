/** The roster: who works here (employees and contractors), hire, import and export. */
import { useCallback, useState, type ReactNode } from "react";
import type { Person } from "../api/types.ts";
import { workforceApi } from "../api/workforce.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { SelectField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { EmptyState, Notice, PageHeading, StatusTag } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { HireForm } from "./people-hire.tsx";
import { ImportPanel } from "./people-import.tsx";

type RosterFilter = "active" | "terminated" | "all";

export function PersonStatus({ person }: { person: Pick<Person, "status" | "endDate"> }): ReactNode {
  if (person.status === "active") return <StatusTag tone="success">Active</StatusTag>;
  if (person.status === "leaving") return <StatusTag tone="warning">Leaving {person.endDate}</StatusTag>;
  return <StatusTag tone="neutral">Left {person.endDate}</StatusTag>;
}

const columns: Column<Person>[] = [
  {
    key: "name",
    header: "Name",
    cell: (p) => <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.fullName}</Link>,
    sortValue: (p) => p.fullName,
  },
  { key: "email", header: "Email", cell: (p) => p.email, sortValue: (p) => p.email },
  { key: "kind", header: "Kind", cell: (p) => (p.kind === "employee" ? "Employee" : "Contractor") },
  { key: "title", header: "Job title", cell: (p) => p.jobTitle ?? "", sortValue: (p) => p.jobTitle ?? "" },
  { key: "supervisor", header: "Supervisor", cell: (p) => p.supervisor?.name ?? "" },
  { key: "start", header: "Start date", cell: (p) => p.startDate, sortValue: (p) => p.startDate },
  { key: "status", header: "Status", cell: (p) => <PersonStatus person={p} />, sortValue: (p) => p.status },
  {
    key: "account",
    header: "Steward account",
    cell: (p) => (p.userId ? "Linked" : <span className="muted">None</span>),
  },
];

export function PeoplePage(): ReactNode {
  const { can } = useSession();
  const [filter, setFilter] = useState<RosterFilter>("active");
  const load = useCallback(() => workforceApi.people(filter), [filter]);
  const [resource, reload] = useResource(load);
  const [message, setMessage] = useState<string | null>(null);
  // Remounting the forms after a change refreshes their list of supervisors.
  const [generation, setGeneration] = useState(0);
  const done = useCallback(
    (text: string) => {
      setMessage(text);
      setGeneration((value) => value + 1);
      reload();
    },
    [reload],
  );
  return (
    <>
      <PageHeading title="People" />
      {message ? <Notice tone="success">{message}</Notice> : null}
      <div className="filters">
        <SelectField
          id="roster-filter"
          label="Show"
          value={filter}
          options={[
            { value: "active", label: "Working here" },
            { value: "terminated", label: "Leaving or left" },
            { value: "all", label: "Everyone" },
          ]}
          onChange={(value) => {
            setFilter(value as RosterFilter);
          }}
        />
        <p className="filters__actions">
          <a className="button button--secondary" href={`${workforceApi.rosterExportUrl}?status=${filter}`}>
            Export as CSV
          </a>
        </p>
      </div>
      <ResourceView resource={resource} what="people">
        {(page) =>
          page.people.length === 0 ? (
            <EmptyState title="Nobody on the roster yet">
              <p>Hire the first person with the form below, or import your staff roster as CSV.</p>
            </EmptyState>
          ) : (
            <DataTable
              caption={`${page.people.length}${page.nextOffset === null ? "" : "+"} people`}
              columns={columns}
              rows={page.people}
              rowKey={(p) => p.id}
              initialSort={{ key: "name", direction: "ascending" }}
            />
          )
        }
      </ResourceView>
      {can("workforce:manage") ? (
        <>
          <HireForm key={`hire-${generation}`} onHired={done} />
          <ImportPanel key={`import-${generation}`} onImported={done} />
        </>
      ) : null}
    </>
  );
}
