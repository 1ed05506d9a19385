import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, csvRecord } from "./csv.ts";

test("csvCell quotes only cells with a comma, a quote or a line break, doubling quotes", () => {
  assert.equal(csvCell("usr_123"), "usr_123");
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell("cr\rhere"), '"cr\rhere"');
  assert.equal(csvCell(""), "");
  assert.equal(csvCell(null), "");
});

test("csvRecord joins cells with commas and ends with CRLF", () => {
  assert.equal(csvRecord(["1", 'x,"y"', null]), '1,"x,""y""",\r\n');
});
