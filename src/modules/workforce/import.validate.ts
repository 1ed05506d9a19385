/**
 * Checks a roster CSV completely before anything is written: every problem of every row, each as
 * `row N, column: problem` (the header is row 1, as a spreadsheet numbers it). Pure: the roster's
 * existing emails are passed in.
 */
import { isLocalDate } from "../../obligations/deadlines.ts";
import { Email } from "../identity/identity.schema.ts";
import { CsvSyntaxError, parseCsv } from "./csv.ts";

export const importColumns = [
  "full_name",
  "email",
  "kind",
  "job_title",
  "supervisor_email",
  "start_date",
  "end_date",
] as const;
const required = new Set(["full_name", "email", "kind", "start_date"]);
type Column = (typeof importColumns)[number];

/** The most data rows one import takes. */
export const IMPORT_LIMIT = 1000;

export interface ImportRow {
  row: number;
  fullName: string;
  email: string;
  kind: "employee" | "contractor";
  jobTitle: string | null;
  supervisorEmail: string | null;
  startDate: string;
  endDate: string | null;
}

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; problems: string[] };

/** Every email the rows' supervisor cells name must be on the roster or in the file. */
export function validateImport(text: string, rosterEmails: ReadonlySet<string>): ParsedImport {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problems: [error.message] };
    throw error;
  }
  const [header, ...data] = records;
  if (!header)
    return { ok: false, problems: [`the file is empty; expected a header row: ${importColumns.join(",")}`] };
  const names = header.cells.map((name) => name.trim().toLowerCase());
  const problems: string[] = [];
  names.forEach((name, index) => {
    if (!(importColumns as readonly string[]).includes(name))
      problems.push(
        `row ${header.row}, ${name || `column ${index + 1}`}: unknown column; expected ${importColumns.join(", ")}`,
      );
    else if (names.indexOf(name) !== index)
      problems.push(`row ${header.row}, ${name}: the column appears twice`);
  });
  for (const name of required)
    if (!names.includes(name)) problems.push(`row ${header.row}, ${name}: missing column`);
  if (data.length > IMPORT_LIMIT)
    problems.push(`the file has ${data.length} rows; import at most ${IMPORT_LIMIT} at a time`);
  if (problems.length > 0) return { ok: false, problems };

  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of data) {
    const at = (column: Column) => {
      const index = names.indexOf(column);
      return index < 0 ? "" : (record.cells[index] ?? "").trim();
    };
    const fail = (column: Column, problem: string) =>
      problems.push(`row ${record.row}, ${column}: ${problem}`);
    if (record.cells.length !== names.length)
      problems.push(`row ${record.row}: expected ${names.length} cells, found ${record.cells.length}`);
    const fullName = at("full_name");
    if (fullName === "") fail("full_name", "expected a name");
    else if (fullName.length > 200) fail("full_name", "expected at most 200 characters");
    const email = readEmail(at("email"), (p) => fail("email", p), true);
    if (email) {
      const earlier = firstRowOf.get(email);
      if (earlier !== undefined) fail("email", `the same email is on row ${earlier}`);
      else if (rosterEmails.has(email)) fail("email", "already on the roster");
      else firstRowOf.set(email, record.row);
    }
    const kind = at("kind").toLowerCase();
    if (kind !== "employee" && kind !== "contractor") fail("kind", "expected employee or contractor");
    const jobTitle = at("job_title");
    if (jobTitle.length > 200) fail("job_title", "expected at most 200 characters");
    const supervisorEmail = readEmail(at("supervisor_email"), (p) => fail("supervisor_email", p), false);
    if (supervisorEmail && supervisorEmail === email)
      fail("supervisor_email", "a person cannot be their own supervisor");
    const startDate = at("start_date");
    if (!isLocalDate(startDate)) fail("start_date", "expected a date that exists, as YYYY-MM-DD");
    const endDate = at("end_date");
    if (endDate !== "" && !isLocalDate(endDate))
      fail("end_date", "expected a date that exists, as YYYY-MM-DD, or nothing");
    else if (endDate !== "" && isLocalDate(startDate) && endDate < startDate)
      fail("end_date", "expected a date on or after start_date");
    rows.push({
      row: record.row,
      fullName,
      email: email ?? "",
      kind: kind as ImportRow["kind"],
      jobTitle: jobTitle === "" ? null : jobTitle,
      supervisorEmail,
      startDate,
      endDate: endDate === "" ? null : endDate,
    });
  }
  for (const row of rows) {
    const boss = row.supervisorEmail;
    if (boss && boss !== row.email && !firstRowOf.has(boss) && !rosterEmails.has(boss))
      problems.push(
        `row ${row.row}, supervisor_email: no person with this email in the file or on the roster`,
      );
  }
  problems.push(...supervisorLoops(rows));
  return problems.length > 0 ? { ok: false, problems: inRowOrder(problems) } : { ok: true, rows };
}

/** Problems sorted by row; within a row, in the order they were found. */
function inRowOrder(problems: readonly string[]): string[] {
  const rowOf = (text: string) => Number(/^row (\d+)/.exec(text)?.[1] ?? 0);
  return [...problems].sort((a, b) => rowOf(a) - rowOf(b));
}

function readEmail(text: string, fail: (problem: string) => void, needed: boolean): string | null {
  if (text === "") {
    if (needed) fail("expected an email address");
    return null;
  }
  const parsed = Email.safeParse(text);
  if (parsed.success) return parsed.data;
  fail("expected an email address");
  return null;
}

/** Rows whose supervisor chain within the file comes back to them. */
function supervisorLoops(rows: readonly ImportRow[]): string[] {
  const bossOf = new Map(rows.map((r) => [r.email, r.supervisorEmail]));
  const problems: string[] = [];
  for (const row of rows) {
    const seen = new Set<string>([row.email]);
    let next = row.supervisorEmail;
    while (next && bossOf.has(next) && !seen.has(next)) {
      seen.add(next);
      next = bossOf.get(next) ?? null;
    }
    if (next && next !== row.supervisorEmail && next === row.email)
      problems.push(`row ${row.row}, supervisor_email: the supervisors in the file form a loop`);
  }
  return problems;
}
