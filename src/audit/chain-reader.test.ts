import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { isoFromTimestamptz, recordAt } from "./chain-reader.ts";

describe("chain pages", () => {
  it("turns PostgreSQL's UTC timestamps into the ISO form the hash covers", () => {
    assert.equal(isoFromTimestamptz("2025-01-31 09:00:00+00"), "2025-01-31T09:00:00.000Z");
    assert.equal(isoFromTimestamptz("2025-01-31 09:00:00.5+00"), "2025-01-31T09:00:00.500Z");
    assert.equal(isoFromTimestamptz("2025-01-31 09:00:00.123+00"), "2025-01-31T09:00:00.123Z");
    assert.equal(
      isoFromTimestamptz("2025-01-31 10:00:00+01"),
      "2025-01-31 10:00:00+01",
      "not UTC: left to fail the hash",
    );
  });

  it("splits records and fields, and lets a stray separator show as an extra cell", () => {
    const page = [
      "1\x1f1\x1f2025-01-31 09:00:00+00\x1fa",
      "2\x1f2\x1f2025-01-31 09:00:01.25+00\x1fb\x1fextra",
    ].join("\x1e");
    const first = recordAt(page, 0);
    assert.deepEqual(first.cells, ["1", "1", "2025-01-31 09:00:00+00", "a"]);
    const second = recordAt(page, first.end + 1);
    assert.deepEqual(second.cells, ["2", "2", "2025-01-31 09:00:01.25+00", "b", "extra"]);
    assert.equal(second.end, page.length);
  });
});
