/** One field for an authentication code or a recovery code, with its errors GOV.UK style. */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { ErrorSummary } from "../components/error-summary.tsx";
import { TextField } from "../components/fields.tsx";
import { useSubmit } from "../components/use-submit.ts";

export function CodeForm({
  mode,
  submitLabel,
  onCode,
}: {
  mode: "code" | "recovery";
  submitLabel: string;
  onCode: (value: string) => Promise<void>;
}): ReactNode {
  const [value, setValue] = useState("");
  const label = mode === "code" ? "Authentication code" : "Recovery code";
  const action = useCallback(() => onCode(value.replace(/\s+/g, "")), [onCode, value]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => (path === "code" || path === "recoveryCode" ? "mfa-code" : undefined),
      label: () => label,
    }),
    [label],
  );
  const form = useSubmit(action, naming);
  return (
    <>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          id="mfa-code"
          label={label}
          hint={mode === "code" ? "6 digits, for example 123456." : undefined}
          width="medium"
          inputMode={mode === "code" ? "numeric" : "text"}
          autoComplete="one-time-code"
          spellCheck={false}
          value={value}
          onChange={setValue}
          error={form.fieldErrors.code ?? form.fieldErrors.recoveryCode}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Checking…" : submitLabel}
        </button>
      </form>
    </>
  );
}
