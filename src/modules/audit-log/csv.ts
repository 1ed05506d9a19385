/** CSV as RFC 4180 writes it: CRLF line ends, and quotes only around cells that need them. */

/** One cell: quoted when it holds a comma, a quote or a line break, with its quotes doubled. */
export function csvCell(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, terminated by CRLF. */
export function csvRecord(cells: readonly (string | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
