/**
 * One control per schema node, recursively: objects as fieldsets, lists of words as one-per-line
 * text areas, lists of objects as repeated fieldsets, enums as selects, booleans as checkboxes.
 * The field's description is its hint; its error (from the server) sits beside it.
 */
import { createContext, useContext, useState, type ReactNode } from "react";
import type { JsonSchema } from "../api/types.ts";
import { CheckboxField, SelectField, TextArea, TextField } from "../components/fields.tsx";
import { ListOfLines, ObjectList } from "./lists.tsx";
import { controlId, humanize, initialValue, isPlainObject, resolve, type Path } from "./schema.ts";

export interface FormContext {
  set: (path: Path, value: unknown) => void;
  /** The problem the server reported at this path; `deep` also takes problems inside it. */
  errorAt: (path: Path, deep?: boolean) => string | undefined;
}

export const ProfileFormContext = createContext<FormContext | null>(null);
export function useFormContext(): FormContext {
  const context = useContext(ProfileFormContext);
  if (!context) throw new Error("profile field outside the profile form");
  return context;
}

export interface FieldProps {
  path: Path;
  node: JsonSchema;
  value: unknown;
  label: string;
  /** Heading level of nested fieldsets, to keep legends in order. */
  depth: number;
}

const numberText = (value: unknown) =>
  typeof value === "number" ? String(value) : typeof value === "string" ? value : "";

/** Numbers are typed as text (GOV.UK advice) and sent as numbers when they parse, as typed otherwise. */
function parseNumber(text: string, nullable: boolean): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return nullable ? null : "";
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

export function SchemaField(props: FieldProps): ReactNode {
  const { path, node, value, label } = props;
  const form = useFormContext();
  const { field, nullable, description } = resolve(node);
  const id = controlId(path);
  const error = form.errorAt(path, field.kind === "text-list" || field.kind === "json");
  const optional = nullable ? " Leave empty for none." : "";
  const hint = description
    ? description + (field.kind === "text" || field.kind === "number" ? optional : "")
    : undefined;
  const set = (next: unknown) => {
    form.set(path, next);
  };

  switch (field.kind) {
    case "object":
      if (nullable) return <OptionalObject {...props} inner={field.node} description={description} />;
      return <ObjectFields {...props} node={field.node} description={description} />;
    case "text": {
      const format = field.node.format;
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          type={format === "email" ? "email" : format === "date" ? "date" : "text"}
          spellCheck={format === "email" ? false : undefined}
          value={typeof value === "string" ? value : ""}
          onChange={(text) => {
            set(nullable && text.trim() === "" ? null : text);
          }}
        />
      );
    }
    case "number":
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          width="short"
          inputMode={field.integer ? "numeric" : "decimal"}
          value={numberText(value)}
          onChange={(text) => {
            set(parseNumber(text, nullable));
          }}
        />
      );
    case "boolean":
      return (
        <CheckboxField
          id={id}
          label={label}
          hint={description}
          error={error}
          checked={value === true}
          onChange={set}
        />
      );
    case "enum": {
      const options = field.values.map((v) => ({ value: v, label: v }));
      return (
        <SelectField
          id={id}
          label={label}
          hint={description}
          error={error}
          value={typeof value === "string" ? value : ""}
          options={nullable ? [{ value: "", label: "None" }, ...options] : options}
          onChange={(choice) => {
            set(nullable && choice === "" ? null : choice);
          }}
        />
      );
    }
    case "text-list":
      return <ListOfLines {...props} description={description} allowed={field.values} error={error} />;
    case "object-list":
      return <ObjectList {...props} item={field.item} description={description} />;
    case "json":
      return <JsonField {...props} description={description} error={error} />;
  }
}

/**
 * A fieldset for a nested object or list: legend, hint and error message laid out the same way
 * everywhere, and focusable so the error summary can move focus to it.
 */
export function NestedFieldset(props: {
  id: string;
  label: string;
  depth: number;
  description: string | undefined;
  error: string | undefined;
  children: ReactNode;
}): ReactNode {
  const { id, label, depth, description, error, children } = props;
  return (
    <fieldset
      className={error ? "fieldset fieldset--nested field--error" : "fieldset fieldset--nested"}
      id={id}
      tabIndex={-1}
    >
      <legend className={depth <= 1 ? "legend legend--medium" : "legend"}>{label}</legend>
      {description ? <div className="hint">{description}</div> : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** An object: a fieldset whose legend is the field's name and whose hint is its description. */
export function ObjectFields(
  props: FieldProps & { description: string | undefined; actions?: ReactNode },
): ReactNode {
  const { path, node, value, label, depth, description, actions } = props;
  const error = useFormContext().errorAt(path);
  const values = isPlainObject(value) ? value : {};
  const id = controlId(path);
  return (
    <NestedFieldset id={id} label={label} depth={depth} description={description} error={error}>
      {Object.entries(node.properties ?? {}).map(([key, child]) => (
        <SchemaField
          key={key}
          path={[...path, key]}
          node={child}
          value={values[key]}
          label={humanize(key)}
          depth={depth + 1}
        />
      ))}
      {actions}
    </NestedFieldset>
  );
}

/** An object that may be absent (an on-premise facility): a box to include it, then its fields. */
function OptionalObject(
  props: FieldProps & { inner: JsonSchema; description: string | undefined },
): ReactNode {
  const { path, inner, value, label, description } = props;
  const form = useFormContext();
  const present = isPlainObject(value);
  return (
    <div className="optional-object">
      <CheckboxField
        id={`${controlId(path)}-include`}
        label={`Include: ${label}`}
        hint={description}
        error={present ? undefined : form.errorAt(path)}
        checked={present}
        onChange={(checked) => {
          form.set(path, checked ? initialValue(inner) : null);
        }}
      />
      {present ? <ObjectFields {...props} node={inner} description={undefined} /> : null}
    </div>
  );
}

/** Anything the form has no control for: edited as JSON, sent as typed when it does not parse. */
function JsonField(
  props: FieldProps & { description: string | undefined; error: string | undefined },
): ReactNode {
  const { path, value, label, description, error } = props;
  const form = useFormContext();
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  return (
    <TextArea
      id={controlId(path)}
      label={label}
      hint={`${description ?? ""} Written as JSON.`.trim()}
      error={error}
      value={text}
      onChange={(next) => {
        setText(next);
        try {
          form.set(path, JSON.parse(next) as unknown);
        } catch {
          form.set(path, next);
        }
      }}
    />
  );
}
