/**
 * Picking one profile value to change: every field of the profile's JSON Schema by path (the
 * field's description as the hint, its current value beside it), and a control for the new value
 * that fits the field's kind. The server validates the result like any profile.
 */
import { useMemo, useState, type ReactNode } from "react";
import type { JsonSchema } from "../api/types.ts";
import { SelectField, TextArea, TextField } from "../components/fields.tsx";
import { humanize, resolve, type FieldKind } from "../profile-form/schema.ts";
import { showValue } from "./changes-api.tsx";

export interface ProfileField {
  path: string;
  label: string;
  description: string;
  field: FieldKind;
  nullable: boolean;
}

/** Every value a proposal can set: the leaves of the schema (a list counts as one value). */
export function profileFields(
  schema: JsonSchema,
  prefix: string[] = [],
  labels: string[] = [],
): ProfileField[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, node]) => {
    const { field, nullable, description } = resolve(node);
    const path = [...prefix, key];
    const label = [...labels, humanize(key)];
    // A cadence ({ every, unit }) is one value, typed as "2 weeks" or "quarterly".
    const cadence =
      Object.keys(field.node.properties ?? {})
        .sort()
        .join(",") === "every,unit";
    if (field.kind === "object" && !nullable && !cadence) return profileFields(field.node, path, label);
    return [
      { path: path.join("."), label: label.join(" › "), description: description ?? "", field, nullable },
    ];
  });
}

/** The typed value from what was typed: numbers as numbers, lists one per line, JSON where it parses. */
export function parseValue(field: ProfileField, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "" && field.nullable) return null;
  switch (field.field.kind) {
    case "number":
      return trimmed === "" || Number.isNaN(Number(trimmed)) ? text : Number(trimmed);
    case "boolean":
      return trimmed === "true";
    case "text":
    case "enum":
      return text;
    case "text-list":
      return text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    case "object":
    case "object-list":
    case "json":
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return text;
      }
  }
}

const valueAt = (data: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );

export function ValuePicker({
  schema,
  current,
  onAdd,
}: {
  schema: JsonSchema;
  current: unknown;
  onAdd: (change: { path: string; value: unknown; label: string }) => void;
}): ReactNode {
  const fields = useMemo(() => profileFields(schema), [schema]);
  const [path, setPath] = useState(fields[0]?.path ?? "");
  const [text, setText] = useState("");
  const field = fields.find((f) => f.path === path);
  if (!field) return null;
  const now = valueAt(current, path);
  const hint = (
    <>
      {field.description} Now: <code>{showValue(now)}</code>.
    </>
  );
  const kind = field.field.kind;
  return (
    <fieldset className="fieldset">
      <legend className="legend">Change a profile value</legend>
      <SelectField
        id="change-value-path"
        label="Profile field"
        hint={<code>{path}</code>}
        value={path}
        options={fields.map((f) => ({ value: f.path, label: f.label }))}
        onChange={(value) => {
          setPath(value);
          setText("");
        }}
      />
      {kind === "boolean" || kind === "enum" ? (
        <SelectField
          id="change-value-new"
          label="New value"
          hint={hint}
          value={text}
          options={[
            { value: "", label: "Choose…" },
            ...(kind === "enum" && field.field.kind === "enum"
              ? field.field.values.map((v) => ({ value: v, label: v }))
              : [
                  { value: "true", label: "Yes" },
                  { value: "false", label: "No" },
                ]),
          ]}
          onChange={setText}
        />
      ) : kind === "text-list" || kind === "object-list" || kind === "json" ? (
        <TextArea
          id="change-value-new"
          label={kind === "text-list" ? "New value (one item per line)" : "New value (JSON)"}
          hint={hint}
          value={text}
          onChange={setText}
        />
      ) : (
        <TextField
          id="change-value-new"
          label={kind === "object" ? "New value (such as quarterly or 2 weeks)" : "New value"}
          hint={hint}
          value={text}
          onChange={setText}
        />
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={text === "" && !field.nullable}
        onClick={() => {
          onAdd({ path, value: parseValue(field, text), label: field.label });
          setText("");
        }}
      >
        Add this value to the proposal
      </button>
    </fieldset>
  );
}
