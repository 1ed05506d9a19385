import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvSyntaxError, neutralizeFormula, parseCsv, safeCsvRecord } from "./csv.ts";

test("neutralizeFormula quotes cells a spreadsheet would evaluate, and nothing else", () => {
  for (const risky of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
    assert.equal(neutralizeFormula(risky), `'${risky}`);
  for (const plain of ["Ana", "2026-03-02", "a-b", "", "'=already"])
    assert.equal(neutralizeFormula(plain), plain);
  assert.equal(neutralizeFormula(null), null);
});

test("safeCsvRecord neutralizes, then quotes as RFC 4180 asks", () => {
  assert.equal(safeCsvRecord(['=HYPERLINK("x")', "a,b", null]), `"'=HYPERLINK(""x"")","a,b",\r\n`);
});

test("parseCsv reads quoted cells, CRLF or LF, a BOM, skips blank lines and undoes the formula quote", () => {
  const text = '\uFEFFa,b\r\n"x, ""y""","two\nlines"\n\n\'=1+1,\'plain\n';
  assert.deepEqual(parseCsv(text), [
    { row: 1, cells: ["a", "b"] },
    { row: 2, cells: ['x, "y"', "two\nlines"] },
    { row: 4, cells: ["=1+1", "'plain"] },
  ]);
  assert.deepEqual(parseCsv("last,row"), [{ row: 1, cells: ["last", "row"] }]);
  assert.throws(
    () => parseCsv('a\n"open'),
    (e: unknown) => e instanceof CsvSyntaxError && e.row === 2,
  );
});
