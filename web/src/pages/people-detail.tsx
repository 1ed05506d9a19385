/** One person: details, their access, the work about them (training, reviews, revocations) and their departure. */
import { useCallback, useState, type ReactNode } from "react";
import type { Occurrence, PersonDetail } from "../api/types.ts";
import { workforceApi } from "../api/workforce.ts";
import { DataTable, type Column } from "../components/data-table.tsx";
import { workColumn } from "../components/occurrence-columns.tsx";
import { Day, OccurrenceStatusTag, ownerLabel } from "../components/occurrence-status.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { EmptyState, Notice, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { PersonStatus } from "./people.tsx";
import { TerminationSection } from "./people-termination.tsx";

/** The same columns and status words as every other list of work. */
const workColumns: Column<Occurrence>[] = [
  workColumn,
  { key: "owner", header: "Owner", cell: (o) => ownerLabel(o.ownerRole), sortValue: (o) => o.ownerRole },
  { key: "due", header: "Due", cell: (o) => <Day value={o.dueOn} />, sortValue: (o) => o.dueOn },
  {
    key: "status",
    header: "Status",
    cell: (o) => <OccurrenceStatusTag status={o.status} />,
    sortValue: (o) => o.status,
  },
];

export function PersonPage({ personId }: { personId: string }): ReactNode {
  const load = useCallback(() => workforceApi.person(personId), [personId]);
  const [resource, reload] = useResource(load);
  const [message, setMessage] = useState<string | null>(null);
  const done = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
    },
    [reload],
  );
  return (
    <>
      <p>
        <Link to="/people" className="back-link">
          Back to people
        </Link>
      </p>
      {message ? <Notice tone="success">{message}</Notice> : null}
      <ResourceView resource={resource} what="this person">
        {(person) => <Person person={person} onDone={done} />}
      </ResourceView>
    </>
  );
}

function Person({ person, onDone }: { person: PersonDetail; onDone: (message: string) => void }): ReactNode {
  const { can } = useSession();
  return (
    <>
      <PageHeading title={person.fullName} caption={person.kind === "employee" ? "Employee" : "Contractor"} />
      <dl className="summary-list">
        <dt>Email</dt>
        <dd>{person.email}</dd>
        <dt>Job title</dt>
        <dd>{person.jobTitle ?? <span className="muted">None</span>}</dd>
        <dt>Supervisor</dt>
        <dd>
          {person.supervisor ? (
            <Link to={`/people/${encodeURIComponent(person.supervisor.id)}`}>{person.supervisor.name}</Link>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        <dt>Start date</dt>
        <dd>{person.startDate}</dd>
        <dt>Status</dt>
        <dd>
          <PersonStatus person={person} />
        </dd>
        <dt>Steward account</dt>
        <dd>{person.userId ? "Linked by email" : "None (linked when someone with this email joins)"}</dd>
      </dl>
      <section className="section" aria-labelledby="open-work-heading">
        <h2 id="open-work-heading">Open work</h2>
        {person.openWork.length === 0 ? (
          <EmptyState title="Nothing open">
            <p>Training, access reviews and revocations about this person appear here when they fall due.</p>
          </EmptyState>
        ) : (
          <DataTable
            caption="Soonest first"
            columns={workColumns}
            rows={person.openWork}
            rowKey={(o) => o.id}
          />
        )}
      </section>
      {person.pastWork.length > 0 ? (
        <section className="section" aria-labelledby="past-work-heading">
          <h2 id="past-work-heading">Past work</h2>
          <DataTable
            caption="Latest first"
            columns={workColumns}
            rows={person.pastWork}
            rowKey={(o) => o.id}
          />
        </section>
      ) : null}
      <TerminationSection person={person} canManage={can("workforce:manage")} onDone={onDone} />
    </>
  );
}
