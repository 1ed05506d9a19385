/** Lists in the profile form: words one per line, and repeated groups of fields with add and remove. */
import { useState, type ReactNode } from "react";
import type { JsonSchema } from "../api/types.ts";
import { TextArea } from "../components/fields.tsx";
import { NestedFieldset, ObjectFields, useFormContext, type FieldProps } from "./fields.tsx";
import { controlId, humanize, initialValue } from "./schema.ts";

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** A list of texts as a text area, one item per line; blank lines are dropped. */
export function ListOfLines(
  props: FieldProps & {
    description: string | undefined;
    allowed: string[] | null;
    error: string | undefined;
  },
): ReactNode {
  const { path, value, label, description, allowed, error } = props;
  const form = useFormContext();
  // The text is kept as typed so a new, still empty line does not vanish under the cursor.
  const [text, setText] = useState(() => (Array.isArray(value) ? value.map(String).join("\n") : ""));
  const hint = [description, "One per line.", allowed ? `Allowed: ${allowed.join(", ")}.` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <TextArea
      id={controlId(path)}
      label={label}
      hint={hint}
      error={error}
      rows={Math.min(8, Math.max(3, lines(text).length + 1))}
      value={text}
      onChange={(next) => {
        setText(next);
        form.set(path, lines(next));
      }}
    />
  );
}

/** Singular name for one item of a list field: "Providers" -> "Provider". */
const singular = (label: string) => label.replace(/ies$/, "y").replace(/s$/, "");

/** A list of objects: one fieldset per item, each removable, and a button adding a new item. */
export function ObjectList(
  props: FieldProps & { item: JsonSchema; description: string | undefined },
): ReactNode {
  const { path, value, label, depth, item, description } = props;
  const form = useFormContext();
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const one = singular(label);
  const error = form.errorAt(path);
  const id = controlId(path);
  // Items are keyed by position; after a removal every item remounts so no text area keeps the
  // text of the item that used to sit at its position.
  const [generation, setGeneration] = useState(0);
  return (
    <NestedFieldset id={id} label={label} depth={depth} description={description} error={error}>
      {items.length === 0 ? <p className="muted">None yet. Use the button below to add one.</p> : null}
      {items.map((entry, index) => (
        <ObjectFields
          key={`${generation}-${index}`}
          path={[...path, index]}
          node={item}
          value={entry}
          label={`${one} ${index + 1}`}
          depth={depth + 1}
          description={undefined}
          actions={
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setGeneration(generation + 1);
                form.set(
                  path,
                  items.filter((_, position) => position !== index),
                );
              }}
            >
              Remove {humanize(one).toLowerCase()} {index + 1}
            </button>
          }
        />
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          form.set(path, [...items, initialValue(item)]);
        }}
      >
        Add {items.length === 0 ? "a" : "another"} {one.toLowerCase()}
      </button>
    </NestedFieldset>
  );
}
