/**
 * Proposing a change: a summary, the effective date, and the values and sections it changes, each
 * added from its picker. Problems come back per field (a profile value's path, the date) and show
 * in the error summary at the top, GOV.UK style.
 */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { FormActions, TextField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { useResource } from "../components/use-resource.ts";
import { useSubmit, type FieldNaming } from "../components/use-submit.ts";
import { navigate } from "../router.tsx";
import { today } from "../components/occurrence-status.tsx";
import { changesApi, showValue } from "./changes-api.tsx";
import { SectionPicker, type SectionChoice } from "./changes-section.tsx";
import { ValuePicker } from "./changes-value.tsx";

type Item =
  { kind: "value"; path: string; value: unknown; label: string } | ({ kind: "section" } & SectionChoice);

const loadAll = async () => {
  const [form, profile, policies] = await Promise.all([api.profileForm(), api.profile(), api.policies()]);
  return { schema: form.schema, current: profile?.data ?? null, policies: policies.policies };
};

export function ProposeForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }): ReactNode {
  const [resource] = useResource(loadAll);
  const [summary, setSummary] = useState("");
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [items, setItems] = useState<Item[]>([]);

  const naming = useMemo<FieldNaming>(
    () => ({
      controlId: (path) =>
        path === "summary"
          ? "change-summary"
          : path === "effectiveDate"
            ? "change-effective"
            : path.startsWith("profileChanges") ||
                path.startsWith("sectionChanges") ||
                items.some((i) => i.kind === "value" && i.path === path)
              ? "change-items"
              : undefined,
      label: (path) => (path === "summary" ? "Summary" : path === "effectiveDate" ? "Effective date" : path),
    }),
    [items],
  );
  const action = useCallback(async () => {
    const change = await changesApi.propose({
      summary,
      effectiveDate,
      profileChanges: items.flatMap((i) => (i.kind === "value" ? [{ path: i.path, value: i.value }] : [])),
      sectionChanges: items.flatMap((i) =>
        i.kind === "section" ? [{ policyId: i.policyId, sectionId: i.sectionId, markdown: i.markdown }] : [],
      ),
    });
    onDone();
    navigate(`/changes/${encodeURIComponent(change.id)}`);
  }, [summary, effectiveDate, items, onDone]);
  const submit = useSubmit(action, naming);

  return (
    <ResourceView resource={resource} what="profile and policies">
      {(loaded) => (
        <form className="section" onSubmit={submit.onSubmit} noValidate aria-labelledby="propose-heading">
          <h2 id="propose-heading">Propose a change</h2>
          <ErrorSummary items={submit.summary} />
          <TextField
            id="change-summary"
            label="Summary"
            hint="What changes and why, in a sentence the approvers will read."
            value={summary}
            onChange={setSummary}
            error={submit.fieldErrors.summary}
          />
          <TextField
            id="change-effective"
            type="date"
            width="medium"
            label="Effective date"
            hint="Today or later, in the organization's time zone. The documents print it and the schedule follows from it."
            value={effectiveDate}
            onChange={setEffectiveDate}
            error={submit.fieldErrors.effectiveDate}
          />
          <ValuePicker
            schema={loaded.schema}
            current={loaded.current}
            onAdd={(change) => {
              setItems((list) => [...list, { kind: "value", ...change }]);
            }}
          />
          <SectionPicker
            policies={loaded.policies}
            onAdd={(change) => {
              setItems((list) => [...list, { kind: "section", ...change }]);
            }}
          />
          <h3 id="change-items" tabIndex={-1}>
            In this proposal
          </h3>
          {items.length === 0 ? (
            <p className="muted">Nothing yet: add a value or a section above.</p>
          ) : (
            <ul className="plain-list">
              {items.map((item, index) => (
                <li key={index}>
                  {item.kind === "value" ? (
                    <>
                      {item.label} (<code>{item.path}</code>) becomes <code>{showValue(item.value)}</code>
                    </>
                  ) : (
                    <>
                      Section {item.label}:{" "}
                      {item.markdown === null ? "back to the template's text" : "new text"}
                    </>
                  )}{" "}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setItems((list) => list.filter((_, i) => i !== index));
                    }}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <FormActions
            label="Propose for approval"
            pendingLabel="Proposing…"
            pending={submit.pending}
            onCancel={onCancel}
          />
        </form>
      )}
    </ResourceView>
  );
}
