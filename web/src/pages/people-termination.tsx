/** A departure: record it (end date and revocation deadline), then work through its checklist. */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { PersonDetail, Termination } from "../api/types.ts";
import { workforceApi } from "../api/workforce.ts";
import { DataTable } from "../components/data-table.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { TextField } from "../components/fields.tsx";
import { DateTime, StatusTag } from "../components/status.tsx";
import { useSubmit } from "../components/use-submit.ts";
import { useSession } from "../session.tsx";

type Task = Termination["tasks"][number];

const taskLabels: Record<Task["kind"], string> = {
  "revoke-access": "Revoke access",
  "return-devices": "Collect devices",
  "remove-shared-accounts": "Remove from shared accounts",
  "retrieve-keys-badges": "Retrieve keys and badges",
};
const taskStatus = (task: Task) =>
  task.status === "done" ? (
    <StatusTag tone="success">Done</StatusTag>
  ) : task.status === "done-late" ? (
    <StatusTag tone="warning">Done late</StatusTag>
  ) : task.status === "overdue" ? (
    <StatusTag tone="danger">Overdue</StatusTag>
  ) : (
    <StatusTag tone="info">Open</StatusTag>
  );

export function TerminationSection(props: {
  person: PersonDetail;
  canManage: boolean;
  onDone: (message: string) => void;
}): ReactNode {
  const { person, canManage, onDone } = props;
  const { can } = useSession();
  const [error, setError] = useState<string | null>(null);
  if (!person.termination) return canManage && person.endDate === null ? <TerminateForm {...props} /> : null;
  const termination = person.termination;
  const complete = (task: Task) => {
    setError(null);
    workforceApi.completeTask(person.id, task.id, null).then(
      (result) => {
        onDone(
          result.completedAt ? "The termination checklist is complete." : `${taskLabels[task.kind]}: done.`,
        );
      },
      (failure: unknown) => {
        const text = failure instanceof Error ? failure.message : "the task could not be completed";
        setError(text.charAt(0).toUpperCase() + text.slice(1));
      },
    );
  };
  return (
    <section className="section" aria-labelledby="termination-heading">
      <h2 id="termination-heading">Termination checklist</h2>
      <p>
        Last day {termination.lastDay}. Every task is due by <DateTime value={termination.dueAt} /> (
        {termination.completedAt ? "completed" : "in progress"}).
      </p>
      {error ? <p className="error-message">{error}</p> : null}
      <DataTable
        caption="Tasks"
        rows={termination.tasks}
        rowKey={(t) => t.id}
        columns={[
          {
            key: "task",
            header: "Task",
            cell: (t) =>
              t.grant ? `${taskLabels[t.kind]}: ${t.grant.system} (${t.grant.level})` : taskLabels[t.kind],
          },
          { key: "status", header: "Status", cell: taskStatus },
          { key: "by", header: "Done by", cell: (t) => (t.completedBy ? t.completedBy.name : "") },
          {
            key: "action",
            header: "Action",
            className: "actions",
            cell: (t) =>
              canManage && t.completedAt === null && (t.kind !== "revoke-access" || can("access:decide")) ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    complete(t);
                  }}
                >
                  Mark done<span className="visually-hidden">: {taskLabels[t.kind]}</span>
                </button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}

function TerminateForm({
  person,
  onDone,
}: {
  person: PersonDetail;
  onDone: (message: string) => void;
}): ReactNode {
  const [lastDay, setLastDay] = useState("");
  const action = useCallback(async () => {
    const result = await workforceApi.terminate(person.id, { lastDay });
    onDone(`Departure recorded. ${result.tasks.length} checklist tasks are due.`);
  }, [person.id, lastDay, onDone]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => (path === "lastDay" ? "terminate-last-day" : undefined),
      label: () => "Last working day",
    }),
    [],
  );
  const form = useSubmit(action, naming);
  return (
    <section className="section" aria-labelledby="terminate-heading">
      <h2 id="terminate-heading">Record a departure</h2>
      <p>
        Recording it now starts the access-revocation deadline and lists every access this person holds on a
        checklist.
      </p>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          id="terminate-last-day"
          label="Last working day"
          type="date"
          width="medium"
          value={lastDay}
          onChange={setLastDay}
          error={form.fieldErrors.lastDay}
        />
        <button type="submit" className="button button--warning" disabled={form.pending}>
          Record the departure
        </button>
      </form>
    </section>
  );
}
