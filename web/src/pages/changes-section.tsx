/**
 * Picking one section to reword: the policy, then its section (its current text shown for
 * reference), and the new prose in Markdown. The section's commitment sentences are kept by the
 * server and listed after the new prose, so they are not typed here.
 */
import { useCallback, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { PolicyList } from "../api/types.ts";
import { CheckboxField, SelectField, TextArea } from "../components/fields.tsx";
import { useResource } from "../components/use-resource.ts";

export interface SectionChoice {
  policyId: string;
  sectionId: string;
  markdown: string | null;
  label: string;
}

export function SectionPicker({
  policies,
  onAdd,
}: {
  policies: PolicyList["policies"];
  onAdd: (change: SectionChoice) => void;
}): ReactNode {
  const [policyId, setPolicyId] = useState(policies[0]?.id ?? "");
  const load = useCallback(() => api.policy(policyId), [policyId]);
  const [policy] = useResource(load);
  const sections = policy.status === "ready" ? policy.data.sections : [];
  const [sectionId, setSectionId] = useState("");
  const [markdown, setMarkdown] = useState("");
  const [restore, setRestore] = useState(false);
  const section = sections.find((s) => s.id === sectionId) ?? sections[0];
  return (
    <fieldset className="fieldset">
      <legend className="legend">Reword a section</legend>
      <SelectField
        id="change-section-policy"
        label="Policy"
        value={policyId}
        options={policies.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
        onChange={(value) => {
          setPolicyId(value);
          setSectionId("");
        }}
      />
      {section ? (
        <>
          <SelectField
            id="change-section-id"
            label="Section"
            value={section.id}
            options={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}` }))}
            onChange={setSectionId}
          />
          <details className="details">
            <summary>The section as published now</summary>
            {/* HTML rendered by the server from the organization's own published text. */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: section.html }} />
          </details>
          <CheckboxField
            id="change-section-restore"
            label="Return this section to the template's text"
            hint="Only for a section the organization has reworded before."
            checked={restore}
            onChange={setRestore}
          />
          {restore ? null : (
            <TextArea
              id="change-section-markdown"
              label="New text (Markdown)"
              hint="Replaces the section's prose. No headings and no {{ }} tags. Its numbered commitments are kept and listed after this text."
              rows={8}
              value={markdown}
              onChange={setMarkdown}
            />
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={!restore && markdown.trim() === ""}
            onClick={() => {
              onAdd({
                policyId,
                sectionId: section.id,
                markdown: restore ? null : markdown,
                label: `${section.number} ${section.title}`,
              });
              setMarkdown("");
              setRestore(false);
            }}
          >
            Add this section to the proposal
          </button>
        </>
      ) : (
        <p className="muted">Loading the sections…</p>
      )}
    </fieldset>
  );
}
