/** The audit log's filter form: exact action, actor, kind of record, and a date range. */
import { useEffect, useState, type ReactNode } from "react";
import { fieldPath, type FieldProblem } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import type { AuditFilter, Member } from "../api/types.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { FilterForm, SelectField, TextField } from "../components/fields.tsx";
import { useSession } from "../session.tsx";

const fields = {
  action: { id: "audit-action", label: "Action" },
  actorId: { id: "audit-actor", label: "Actor" },
  targetType: { id: "audit-target", label: "Kind of record" },
  from: { id: "audit-from", label: "From" },
  to: { id: "audit-to", label: "To" },
} as const;
type Key = keyof typeof fields;
const keyOf = (problem: FieldProblem) => fieldPath(problem).replace(/^query\./, "");
const isKey = (key: string): key is Key => key in fields;

export function AuditFilters({
  pending,
  problems,
  suggestions,
  onApply,
}: {
  pending: boolean;
  problems: FieldProblem[];
  /** Values seen in the events loaded so far, offered as the user types. */
  suggestions: { actions: string[]; targetTypes: string[] };
  onApply: (filter: AuditFilter) => void;
}): ReactNode {
  const { can } = useSession();
  const [values, setValues] = useState<Record<Key, string>>({
    action: "",
    actorId: "",
    targetType: "",
    from: "",
    to: "",
  });
  const [members, setMembers] = useState<Member[]>([]);
  const canListMembers = can("members:read");
  useEffect(() => {
    if (!canListMembers) return;
    api.everyMember().then(
      (list) => {
        setMembers(list);
      },
      // Without the list the actor is typed as an id instead.
      () => undefined,
    );
  }, [canListMembers]);

  const errors: Partial<Record<Key, string>> = {};
  for (const problem of problems) {
    const key = keyOf(problem);
    if (isKey(key)) errors[key] ??= problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  }
  const summary = problems.map((problem) => {
    const key = keyOf(problem);
    return isKey(key)
      ? { message: `${fields[key].label}: ${problem.message}`, target: fields[key].id }
      : { message: problem.message };
  });
  const set = (key: Key) => (value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }));
  };
  const common = (key: Key) => ({
    id: fields[key].id,
    label: fields[key].label,
    value: values[key],
    onChange: set(key),
    error: errors[key],
  });

  return (
    <>
      <ErrorSummary items={summary} />
      <FilterForm
        label="Filter events"
        onApply={() => {
          onApply({ ...values });
        }}
      >
        <TextField
          {...common("action")}
          hint="Exact name, for example policy.published"
          spellCheck={false}
          list="audit-action-names"
        />
        <datalist id="audit-action-names">
          {suggestions.actions.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        {members.length > 0 ? (
          <SelectField
            {...common("actorId")}
            options={[
              { value: "", label: "Anyone" },
              ...members.map((m) => ({ value: m.id, label: `${m.displayName} (${m.email})` })),
            ]}
          />
        ) : (
          <TextField {...common("actorId")} hint="A user id" spellCheck={false} />
        )}
        <TextField
          {...common("targetType")}
          hint="For example user or policy-version"
          spellCheck={false}
          list="audit-target-types"
        />
        <datalist id="audit-target-types">
          {suggestions.targetTypes.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <TextField {...common("from")} type="date" hint="From 00:00 UTC that day" />
        <TextField {...common("to")} type="date" hint="To the end of that day, UTC" />
        <div className="filters__actions">
          <button type="submit" className="button" disabled={pending}>
            Apply filters
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const cleared = { action: "", actorId: "", targetType: "", from: "", to: "" };
              setValues(cleared);
              onApply(cleared);
            }}
          >
            Clear
          </button>
        </div>
      </FilterForm>
    </>
  );
}
