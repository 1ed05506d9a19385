/** Import a staff roster as CSV, pasted or from a file: every problem is listed, and nothing is written unless all rows are valid. */
import { useCallback, useMemo, useState, type ChangeEvent, type ReactNode } from "react";
import { workforceApi } from "../api/workforce.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { TextArea } from "../components/fields.tsx";
import { useSubmit } from "../components/use-submit.ts";

const columns = "full_name,email,kind,job_title,supervisor_email,start_date,end_date";

export function ImportPanel({ onImported }: { onImported: (message: string) => void }): ReactNode {
  const [csv, setCsv] = useState("");
  const action = useCallback(async () => {
    const result = await workforceApi.importPeople(csv);
    onImported(
      `${result.imported === 1 ? "1 person" : `${result.imported} people`} imported; ${result.hireTriggers} started recently enough to still owe new-hire training, which is now scheduled.`,
    );
    setCsv("");
  }, [csv, onImported]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => (path === "csv" ? "import-csv" : undefined),
      label: () => "Roster",
    }),
    [],
  );
  const form = useSubmit(action, naming);
  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void file.text().then(setCsv);
  };

  return (
    <section className="section" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a roster</h2>
      <p>
        A CSV file with a header row of <code>{columns}</code>. Dates are YYYY-MM-DD; kind is employee or
        contractor. People whose start date is within the new-hire training period get that training
        scheduled; earlier starters are treated as existing staff.
      </p>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <div className="field">
          <label className="label" htmlFor="import-file">
            Choose a CSV file
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={readFile} />
        </div>
        <TextArea
          id="import-csv"
          label="Or paste the CSV"
          hint="The file's contents appear here; check them before importing."
          rows={8}
          value={csv}
          onChange={setCsv}
          error={form.fieldErrors.csv}
        />
        <button type="submit" className="button" disabled={form.pending || csv.trim() === ""}>
          {form.pending ? "Importing…" : "Import"}
        </button>
      </form>
    </section>
  );
}
