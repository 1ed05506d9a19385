/** Ask for access to a system for a person; an officer other than the requester decides. */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { workforceApi } from "../api/workforce.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { SelectField, TextArea, TextField } from "../components/fields.tsx";
import { Notice } from "../components/status.tsx";
import { useSubmit } from "../components/use-submit.ts";
import { usePeopleOptions } from "./people-hire.tsx";

const fields: Record<string, { id: string; label: string }> = {
  personId: { id: "request-person", label: "Person" },
  system: { id: "request-system", label: "System" },
  level: { id: "request-level", label: "Level of access" },
  justification: { id: "request-why", label: "Why it is needed" },
  temporaryUntil: { id: "request-until", label: "Temporary until" },
};

export function RequestAccessForm({ onRequested }: { onRequested: () => void }): ReactNode {
  const people = usePeopleOptions("Myself");
  const [personId, setPersonId] = useState("");
  const [system, setSystem] = useState("");
  const [level, setLevel] = useState("");
  const [justification, setJustification] = useState("");
  const [until, setUntil] = useState("");
  const [sent, setSent] = useState(false);
  const action = useCallback(async () => {
    setSent(false);
    await workforceApi.requestAccess({
      personId: personId === "" ? null : personId,
      system,
      level,
      justification,
      temporaryUntil: until === "" ? null : until,
    });
    setSent(true);
    setSystem("");
    setLevel("");
    setJustification("");
    setUntil("");
    onRequested();
  }, [personId, system, level, justification, until, onRequested]);
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
    <section className="section" aria-labelledby="request-heading">
      <h2 id="request-heading">Request access</h2>
      {sent ? <Notice tone="success">Request sent. An officer other than you will decide it.</Notice> : null}
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <SelectField
          id="request-person"
          label="Person"
          value={personId}
          options={people}
          onChange={setPersonId}
          error={error("personId")}
        />
        <TextField
          id="request-system"
          label="System"
          value={system}
          onChange={setSystem}
          error={error("system")}
        />
        <TextField
          id="request-level"
          label="Level of access"
          hint="For example read-only, support agent or administrator."
          value={level}
          onChange={setLevel}
          error={error("level")}
        />
        <TextArea
          id="request-why"
          label="Why it is needed"
          value={justification}
          onChange={setJustification}
          error={error("justification")}
        />
        <TextField
          id="request-until"
          label="Temporary until (optional)"
          hint="The last day of temporary access; leave empty for standing access."
          type="date"
          width="medium"
          value={until}
          onChange={setUntil}
          error={error("temporaryUntil")}
        />
        <button type="submit" className="button" disabled={form.pending}>
          Send the request
        </button>
      </form>
    </section>
  );
}
