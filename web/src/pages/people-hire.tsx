/** Hire: add a person to the roster; their new-hire training falls due from the start date. */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { workforceApi } from "../api/workforce.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { SelectField, TextField } from "../components/fields.tsx";
import { useResource } from "../components/use-resource.ts";
import { useSubmit } from "../components/use-submit.ts";

const fields: Record<string, { id: string; label: string }> = {
  fullName: { id: "hire-name", label: "Full name" },
  email: { id: "hire-email", label: "Email address" },
  kind: { id: "hire-kind", label: "Employee or contractor" },
  jobTitle: { id: "hire-title", label: "Job title" },
  supervisorId: { id: "hire-supervisor", label: "Supervisor" },
  startDate: { id: "hire-start", label: "Start date" },
};

const loadActive = () => workforceApi.people("active");

/** Options for choosing a person among those working here (supervisors, access, sanctions). */
export function usePeopleOptions(emptyLabel: string): { value: string; label: string }[] {
  const [resource] = useResource(loadActive);
  const people = resource.status === "ready" ? resource.data.people : [];
  return [
    { value: "", label: emptyLabel },
    ...people.map((p) => ({ value: p.id, label: `${p.fullName} (${p.email})` })),
  ];
}

export function HireForm({ onHired }: { onHired: (message: string) => void }): ReactNode {
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [kind, setKind] = useState<"employee" | "contractor">("employee");
  const [jobTitle, setJobTitle] = useState("");
  const [supervisorId, setSupervisorId] = useState("");
  const [startDate, setStartDate] = useState("");
  const supervisors = usePeopleOptions("No supervisor");
  const action = useCallback(async () => {
    const person = await workforceApi.hire({
      fullName,
      email,
      kind,
      jobTitle,
      supervisorId: supervisorId === "" ? null : supervisorId,
      startDate,
    });
    onHired(
      `${person.fullName} was added. Their new-hire training is now scheduled from ${person.startDate}.`,
    );
    setFullName("");
    setEmail("");
    setJobTitle("");
    setSupervisorId("");
    setStartDate("");
  }, [fullName, email, kind, jobTitle, supervisorId, startDate, onHired]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => fields[path]?.id,
      label: (path: string) => fields[path]?.label ?? path,
    }),
    [],
  );
  const form = useSubmit(action, naming);
  const error = (key: string) => form.fieldErrors[key];

  return (
    <section className="section" aria-labelledby="hire-heading">
      <h2 id="hire-heading">Hire someone</h2>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          id="hire-name"
          label="Full name"
          value={fullName}
          onChange={setFullName}
          error={error("fullName")}
        />
        <TextField
          id="hire-email"
          label="Email address"
          hint="Work email. If a member of Steward has this address, their account is linked."
          type="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={error("email")}
        />
        <SelectField
          id="hire-kind"
          label="Employee or contractor"
          value={kind}
          options={[
            { value: "employee", label: "Employee" },
            { value: "contractor", label: "Contractor" },
          ]}
          onChange={(value) => {
            setKind(value === "contractor" ? "contractor" : "employee");
          }}
          error={error("kind")}
        />
        <TextField
          id="hire-title"
          label="Job title"
          value={jobTitle}
          onChange={setJobTitle}
          error={error("jobTitle")}
        />
        <SelectField
          id="hire-supervisor"
          label="Supervisor"
          value={supervisorId}
          options={supervisors}
          onChange={setSupervisorId}
          error={error("supervisorId")}
        />
        <TextField
          id="hire-start"
          label="Start date"
          hint="The first working day, in the organization's time zone."
          type="date"
          width="medium"
          value={startDate}
          onChange={setStartDate}
          error={error("startDate")}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Adding…" : "Add to the roster"}
        </button>
      </form>
    </section>
  );
}
