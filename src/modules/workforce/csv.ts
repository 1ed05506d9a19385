/**
 * CSV for workforce registers. Writing reuses the audit export's RFC 4180 encoder, with one more
 * step: roster cells are typed by people, so a cell that a spreadsheet would run as a formula
 * (leading =, +, -, @, tab or carriage return) is prefixed with a single quote (OWASP's advice).
 * Reading undoes exactly that prefix, so an exported roster imports unchanged.
 */
import { csvRecord } from "../audit-log/csv.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text, never evaluates. */
export function neutralizeFormula(value: string | null): string | null {
  return value !== null && FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CRLF-terminated record with every cell neutralized and quoted as needed. */
export function safeCsvRecord(cells: readonly (string | null)[]): string {
  return csvRecord(cells.map(neutralizeFormula));
}

export class CsvSyntaxError extends Error {
  constructor(readonly row: number) {
    super(`row ${row}: a quoted cell is not closed`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * The records of a CSV text (RFC 4180, CRLF or LF line ends, an optional byte-order mark). Blank
 * lines are skipped; each record keeps its row number (the first record is row 1) for messages.
 */
export function parseCsv(text: string): { row: number; cells: string[] }[] {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let row = 1;
  const end = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== "") records.push({ row, cells: cells.map(unquoteFormula) });
    [cells, cell] = [[], ""];
    row += 1;
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") [cells, cell] = [[...cells, cell], ""];
    else if (c === "\n" || (c === "\r" && source[i + 1] === "\n")) {
      if (c === "\r") i += 1;
      end();
    } else cell += c;
  }
  if (quoted) throw new CsvSyntaxError(row);
  if (cell !== "" || cells.length > 0) end();
  return records;
}

/** Removes the quote `neutralizeFormula` added. */
function unquoteFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
