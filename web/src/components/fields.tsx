/**
 * Labelled form fields in the GOV.UK pattern: label, hint, the error message beside the field,
 * all tied to the control with aria-describedby so a screen reader reads them together.
 */
import type { ChangeEvent, InputHTMLAttributes, ReactNode } from "react";

interface Described {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(field: Described): string | undefined {
  const ids = [field.hint ? `${field.id}-hint` : null, field.error ? `${field.id}-error` : null];
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

function Frame({ field, children }: { field: Described; children: ReactNode }): ReactNode {
  return (
    <div className={field.error ? "field field--error" : "field"}>
      <label className="label" htmlFor={field.id}>
        {field.label}
      </label>
      <Hint field={field} />
      {children}
    </div>
  );
}

function Hint({ field }: { field: Described }): ReactNode {
  return (
    <>
      {field.hint ? (
        <div className="hint" id={`${field.id}-hint`}>
          {field.hint}
        </div>
      ) : null}
      {field.error ? (
        <p className="error-message" id={`${field.id}-error`}>
          <span className="visually-hidden">Error: </span>
          {field.error}
        </p>
      ) : null}
    </>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "onChange" | "value"> & Described;

export function TextField(
  props: InputProps & { value: string; onChange: (value: string) => void; width?: "short" | "medium" },
): ReactNode {
  const { id, label, hint, error, value, onChange, width, className, ...rest } = props;
  const field = { id, label, hint, error };
  return (
    <Frame field={field}>
      <input
        {...rest}
        id={id}
        name={rest.name ?? id}
        className={["input", width ? `input--${width}` : "", className ?? ""].join(" ").trim()}
        value={value}
        aria-describedby={describedBy(field)}
        aria-invalid={error ? true : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          onChange(event.target.value);
        }}
      />
    </Frame>
  );
}

export function TextArea(
  props: Described & { value: string; onChange: (value: string) => void; rows?: number },
): ReactNode {
  const { id, value, onChange, rows, error } = props;
  return (
    <Frame field={props}>
      <textarea
        id={id}
        name={id}
        className="textarea"
        rows={rows ?? 4}
        value={value}
        aria-describedby={describedBy(props)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Described & { value: string; options: Option[]; onChange: (value: string) => void },
): ReactNode {
  const { id, value, options, onChange, error } = props;
  return (
    <Frame field={props}>
      <select
        id={id}
        name={id}
        className="select"
        value={value}
        aria-describedby={describedBy(props)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField(
  props: Described & { checked: boolean; onChange: (checked: boolean) => void },
): ReactNode {
  const { id, label, checked, onChange, error } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <div className="checkbox">
        <input
          id={id}
          name={id}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy(props)}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Hint field={props} />
    </div>
  );
}

/** Several checkboxes answering one question (roles of a member), grouped in a fieldset. */
export function CheckboxGroup(
  props: Described & { options: Option[]; values: string[]; onChange: (values: string[]) => void },
): ReactNode {
  const { id, label, options, values, onChange, error } = props;
  return (
    <fieldset
      className={error ? "fieldset field field--error" : "fieldset field"}
      aria-describedby={describedBy(props)}
      id={id}
      tabIndex={-1}
    >
      <legend className="legend">{label}</legend>
      <Hint field={props} />
      <div className="checkbox-group">
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={values.includes(option.value)}
              onChange={(event) => {
                onChange(
                  event.target.checked
                    ? [...values, option.value]
                    : values.filter((value) => value !== option.value),
                );
              }}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A form's submit button and optional Cancel. The submit button is disabled while the request is
 * on its way, so a second click cannot send it twice; `pendingLabel` says what is happening.
 */
export function FormActions({
  label,
  pendingLabel = label,
  pending,
  warning = false,
  onCancel,
}: {
  label: string;
  pendingLabel?: string;
  pending: boolean;
  /** A destructive or exceptional action (waive, remove). */
  warning?: boolean;
  onCancel?: (() => void) | undefined;
}): ReactNode {
  return (
    <div className="button-row">
      <button type="submit" className={warning ? "button button--warning" : "button"} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}

/**
 * The filter bar above a list: a search landmark named `label` that applies its fields on Enter or
 * its own submit button, without a page load.
 */
export function FilterForm({
  label,
  onApply,
  children,
}: {
  label: string;
  onApply: () => void;
  children: ReactNode;
}): ReactNode {
  return (
    <form
      className="filters"
      role="search"
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      {children}
    </form>
  );
}
