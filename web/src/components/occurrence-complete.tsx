/**
 * Completing work: a note and the evidence that shows it was done (an uploaded file, a link, or
 * both). The evidence is sent first, then the completion with its ids; problems from any of the
 * three requests appear beside the field they concern and in the summary at the top.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiError, fieldPath } from "../api/client.ts";
import { workApi } from "../api/work.ts";
import { useSession } from "../session.tsx";
import { ErrorSummary } from "./error-summary.tsx";
import { workChanged } from "./occurrence-badge.tsx";
import { useHeadingFocus, type OccurrenceFormProps } from "./occurrence-form.ts";
import { FormActions, TextArea, TextField } from "./fields.tsx";
import { shorten, today } from "./occurrence-status.tsx";
import { useSubmit } from "./use-submit.ts";

/** Request field (prefixed by the request it belongs to) -> the control showing it and its name. */
const controls: Record<string, { id: string; label: string }> = {
  note: { id: "complete-note", label: "Note" },
  evidenceIds: { id: "evidence-file", label: "Evidence" },
  "file.file": { id: "evidence-file", label: "File" },
  "file.body": { id: "evidence-file", label: "File" },
  "file.title": { id: "evidence-title", label: "Title of the file" },
  "file.effectiveDate": { id: "evidence-date", label: "Date of the evidence" },
  "link.title": { id: "link-title", label: "Title of the link" },
  "link.url": { id: "link-url", label: "Address of the link" },
  "link.effectiveDate": { id: "evidence-date", label: "Date of the evidence" },
};
const control = (path: string) => controls[path] ?? controls[path.split(".").slice(0, 2).join(".")];

/** Runs one request; its field problems come back prefixed (`file.title`) to tell them apart. */
async function step<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ApiError) || error.fields.length === 0) throw error;
    const fields = error.fields.map((f) => ({ field: `${prefix}.${fieldPath(f)}`, message: f.message }));
    throw new ApiError(error.code, error.message, error.status, fields);
  }
}

const invalid = (fields: { field: string; message: string }[]) =>
  new ApiError("validation_failed", "the form has problems", 400, fields);

export function CompleteForm({
  occurrence,
  heading: Heading = "h2",
  autoFocus = false,
  onCancel,
  onDone,
}: OccurrenceFormProps): ReactNode {
  const { can } = useSession();
  const canUpload = can("evidence:upload");
  const headingRef = useHeadingFocus(autoFocus);

  const [note, setNote] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fileTitle, setFileTitle] = useState("");
  const [date, setDate] = useState(today);
  const [linkTitle, setLinkTitle] = useState("");
  const [linkUrl, setLinkUrl] = useState("");
  // Evidence already sent, so a retry after a later failure does not upload it twice.
  const sent = useRef<Record<string, string>>({});

  const action = useCallback(async () => {
    const problems: { field: string; message: string }[] = [];
    if (file && fileTitle.trim() === "") problems.push({ field: "file.title", message: "enter a title" });
    const hasLink = linkTitle.trim() !== "" || linkUrl.trim() !== "";
    if (hasLink && linkTitle.trim() === "")
      problems.push({ field: "link.title", message: "enter a title for the link" });
    if (hasLink && linkUrl.trim() === "")
      problems.push({ field: "link.url", message: "enter the address, starting with https://" });
    if (problems.length > 0) throw invalid(problems);

    const evidenceIds: string[] = [];
    if (file) {
      const key = ["file", file.name, file.size, file.lastModified, fileTitle, date].join("|");
      sent.current[key] ??= (
        await step("file", () => workApi.uploadEvidence(file, fileTitle.trim(), date))
      ).id;
      evidenceIds.push(sent.current[key]);
    }
    if (hasLink) {
      const key = ["link", linkTitle, linkUrl, date].join("|");
      sent.current[key] ??= (
        await step("link", () =>
          workApi.linkEvidence({ title: linkTitle.trim(), url: linkUrl.trim(), effectiveDate: date }),
        )
      ).id;
      evidenceIds.push(sent.current[key]);
    }
    await workApi.complete(occurrence.id, { note: note.trim() === "" ? null : note.trim(), evidenceIds });
    workChanged();
    const count = evidenceIds.length;
    const evidence = count > 0 ? `, with ${count} evidence ${count === 1 ? "item" : "items"}` : "";
    onDone(`Work recorded as done${evidence}: ${shorten(occurrence.text, 100)}`);
  }, [file, fileTitle, date, linkTitle, linkUrl, note, occurrence.id, occurrence.text, onDone]);

  const naming = useMemo(
    () => ({
      controlId: (path: string) => control(path)?.id,
      label: (path: string) => control(path)?.label ?? path,
    }),
    [],
  );
  const form = useSubmit(action, naming);
  const errorFor = (id: string) =>
    Object.entries(form.fieldErrors).find(([path]) => control(path)?.id === id)?.[1];
  const required = occurrence.rules.includes("evidence-required");

  return (
    <section className="work-form" aria-labelledby={`complete-heading-${occurrence.id}`}>
      <Heading id={`complete-heading-${occurrence.id}`} ref={headingRef} tabIndex={-1}>
        Complete this work
      </Heading>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextArea
          id="complete-note"
          label="What was done (optional)"
          hint="A short note for the record. Leave out patient information."
          value={note}
          onChange={setNote}
          rows={3}
          error={errorFor("complete-note")}
        />
        {canUpload ? (
          <fieldset className="fieldset" aria-describedby="evidence-hint">
            <legend className="legend legend--medium">Evidence{required ? "" : " (optional)"}</legend>
            <div className="hint" id="evidence-hint">
              {required ? "This work needs at least one file or link. " : null}
              Expected record: {occurrence.evidence}
            </div>
            <FileField
              id="evidence-file"
              label="Upload a file"
              hint="Any type of file, up to 25 MB."
              error={errorFor("evidence-file")}
              onChange={(chosen) => {
                setFile(chosen);
                if (chosen && (fileTitle === "" || fileTitle === file?.name)) setFileTitle(chosen.name);
              }}
            />
            {file ? (
              <TextField
                id="evidence-title"
                label="Title of the file"
                hint="What the file shows."
                value={fileTitle}
                onChange={setFileTitle}
                error={errorFor("evidence-title")}
              />
            ) : null}
            <TextField
              id="link-title"
              label="Title of the link (optional)"
              hint="For a record kept in another system, such as a ticket."
              value={linkTitle}
              onChange={setLinkTitle}
              error={errorFor("link-title")}
            />
            <TextField
              id="link-url"
              label="Address of the link (optional)"
              type="url"
              spellCheck={false}
              value={linkUrl}
              onChange={setLinkUrl}
              error={errorFor("link-url")}
            />
            <TextField
              id="evidence-date"
              label="Date of the evidence"
              hint="The day the work was done or the document signed. Today unless you change it."
              type="date"
              width="medium"
              value={date}
              onChange={setDate}
              error={errorFor("evidence-date")}
            />
          </fieldset>
        ) : null}
        <FormActions label="Mark as done" pendingLabel="Saving…" pending={form.pending} onCancel={onCancel} />
      </form>
    </section>
  );
}

/** A file input in the same label, hint and error pattern as the other fields. */
function FileField({
  id,
  label,
  hint,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  onChange: (file: File | null) => void;
}): ReactNode {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="hint" id={`${id}-hint`}>
        {hint}
      </div>
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={id}
        type="file"
        className="file-input"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          onChange(event.target.files?.[0] ?? null);
        }}
      />
    </div>
  );
}
