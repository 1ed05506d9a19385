/** The sanctions log: what happened, to whom, what was done, and under which policy. */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { Sanction, SanctionInput } from "../api/types.ts";
import { workforceApi } from "../api/workforce.ts";
import { DataTable } from "../components/data-table.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { SelectField, TextArea, TextField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { EmptyState, Notice, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { useSubmit } from "../components/use-submit.ts";
import { usePeopleOptions } from "./people-hire.tsx";

const words = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll("-", " ");
const categories = [
  "unauthorized-access",
  "improper-disclosure",
  "security-practice",
  "training-noncompliance",
  "policy-violation",
  "other",
];
const actions = [
  "verbal-warning",
  "written-warning",
  "retraining",
  "access-restricted",
  "suspension",
  "termination",
  "other",
];
const options = (values: string[]) => values.map((value) => ({ value, label: words(value) }));
const fields: Record<string, { id: string; label: string }> = {
  personId: { id: "sanction-person", label: "Person" },
  occurredOn: { id: "sanction-date", label: "Date of the violation" },
  category: { id: "sanction-category", label: "Kind of violation" },
  action: { id: "sanction-action", label: "Sanction applied" },
  policyId: { id: "sanction-policy", label: "Policy" },
  notes: { id: "sanction-notes", label: "Notes" },
};
const load = () => workforceApi.sanctions();

export function SanctionsPage(): ReactNode {
  const [resource, reload] = useResource(load);
  return (
    <>
      <PageHeading title="Sanctions" />
      <p className="filters__actions">
        <a className="button button--secondary" href={workforceApi.sanctionsExportUrl}>
          Export as CSV
        </a>
      </p>
      <ResourceView resource={resource} what="sanctions">
        {(data) =>
          data.sanctions.length === 0 ? (
            <EmptyState title="No sanctions recorded">
              <p>Record one with the form below when a workforce member violates a policy.</p>
            </EmptyState>
          ) : (
            <DataTable<Sanction>
              caption="Newest first"
              rows={data.sanctions}
              rowKey={(s) => s.id}
              columns={[
                { key: "date", header: "Date", cell: (s) => s.occurredOn, sortValue: (s) => s.occurredOn },
                {
                  key: "person",
                  header: "Person",
                  cell: (s) => s.person.name,
                  sortValue: (s) => s.person.name,
                },
                { key: "category", header: "Violation", cell: (s) => words(s.category) },
                { key: "action", header: "Sanction", cell: (s) => words(s.action) },
                { key: "policy", header: "Policy", cell: (s) => s.policyId ?? "" },
                { key: "by", header: "Recorded by", cell: (s) => s.recordedBy.name },
              ]}
            />
          )
        }
      </ResourceView>
      <SanctionForm onRecorded={reload} />
    </>
  );
}

function SanctionForm({ onRecorded }: { onRecorded: () => void }): ReactNode {
  const people = usePeopleOptions("Choose a person");
  const [value, setValue] = useState<Record<keyof SanctionInput, string>>({
    personId: "",
    occurredOn: "",
    category: "policy-violation",
    action: "written-warning",
    policyId: "",
    notes: "",
  });
  const [recorded, setRecorded] = useState(false);
  const set = (key: keyof SanctionInput) => (text: string) => {
    setValue({ ...value, [key]: text });
  };
  const submit = useCallback(async () => {
    setRecorded(false);
    await workforceApi.recordSanction({
      ...value,
      category: value.category as SanctionInput["category"],
      action: value.action as SanctionInput["action"],
      policyId: value.policyId.trim() === "" ? null : value.policyId.trim(),
    });
    setRecorded(true);
    onRecorded();
  }, [value, onRecorded]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => fields[path]?.id,
      label: (path: string) => fields[path]?.label ?? path,
    }),
    [],
  );
  const form = useSubmit(submit, naming);
  const error = (key: string) => form.fieldErrors[key];
  return (
    <section className="section" aria-labelledby="sanction-heading">
      <h2 id="sanction-heading">Record a sanction</h2>
      {recorded ? <Notice tone="success">Sanction recorded.</Notice> : null}
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <SelectField
          id="sanction-person"
          label="Person"
          value={value.personId}
          options={people}
          onChange={set("personId")}
          error={error("personId")}
        />
        <TextField
          id="sanction-date"
          label="Date of the violation"
          type="date"
          width="medium"
          value={value.occurredOn}
          onChange={set("occurredOn")}
          error={error("occurredOn")}
        />
        <SelectField
          id="sanction-category"
          label="Kind of violation"
          value={value.category}
          options={options(categories)}
          onChange={set("category")}
          error={error("category")}
        />
        <SelectField
          id="sanction-action"
          label="Sanction applied"
          value={value.action}
          options={options(actions)}
          onChange={set("action")}
          error={error("action")}
        />
        <TextField
          id="sanction-policy"
          label="Policy (optional)"
          hint="The policy's id, for example system-access."
          value={value.policyId}
          onChange={set("policyId")}
          error={error("policyId")}
        />
        <TextArea
          id="sanction-notes"
          label="Notes (optional)"
          hint="Kept on the record only; never include patient information."
          value={value.notes}
          onChange={set("notes")}
          error={error("notes")}
        />
        <button type="submit" className="button" disabled={form.pending}>
          Record the sanction
        </button>
      </form>
    </section>
  );
}
