/** Waiving work (officers): the reason is required and stays with the record; the officer approves it. */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { workApi } from "../api/work.ts";
import { ErrorSummary } from "./error-summary.tsx";
import { workChanged } from "./occurrence-badge.tsx";
import { useHeadingFocus, type OccurrenceFormProps } from "./occurrence-form.ts";
import { FormActions, TextArea } from "./fields.tsx";
import { shorten } from "./occurrence-status.tsx";
import { useSubmit } from "./use-submit.ts";

export function WaiveForm({
  occurrence,
  heading: Heading = "h2",
  autoFocus = false,
  onCancel,
  onDone,
}: OccurrenceFormProps): ReactNode {
  const headingRef = useHeadingFocus(autoFocus);
  const [reason, setReason] = useState("");
  const action = useCallback(async () => {
    if (reason.trim() === "")
      throw new ApiError("validation_failed", "the form has problems", 400, [
        { field: "reason", message: "enter why this work is waived" },
      ]);
    await workApi.waive(occurrence.id, reason.trim());
    workChanged();
    onDone(`Work waived, with the reason kept on the record: ${shorten(occurrence.text, 100)}`);
  }, [reason, occurrence.id, occurrence.text, onDone]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => (path === "reason" ? "waive-reason" : undefined),
      label: () => "Reason",
    }),
    [],
  );
  const form = useSubmit(action, naming);

  return (
    <section className="work-form work-form--waive" aria-labelledby={`waive-heading-${occurrence.id}`}>
      <Heading id={`waive-heading-${occurrence.id}`} ref={headingRef} tabIndex={-1}>
        Waive this work
      </Heading>
      <p>A waiver closes the work without doing it. You are recorded as the approver.</p>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextArea
          id="waive-reason"
          label="Reason"
          hint="Why the work is not needed this time. Auditors read this. Leave out patient information."
          value={reason}
          onChange={setReason}
          rows={3}
          error={form.fieldErrors.reason}
        />
        <FormActions
          label="Waive this work"
          pendingLabel="Saving…"
          pending={form.pending}
          warning
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
