/** The digest's calendar: ISO weeks across a year end, Monday 08:00 local across DST, days late. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { daysLate, digestWeek } from "./digest-week.ts";

describe("digestWeek", () => {
  it("names the ISO week, which may belong to the next or previous year", () => {
    assert.equal(digestWeek(new Date("2026-12-31T20:00:00Z"), "UTC").week, "2026-W53");
    assert.equal(digestWeek(new Date("2027-01-03T20:00:00Z"), "UTC").week, "2026-W53");
    assert.equal(digestWeek(new Date("2027-01-04T20:00:00Z"), "UTC").week, "2027-W01");
    // Sunday evening in Los Angeles is already Monday in UTC: the local week counts.
    assert.equal(digestWeek(new Date("2026-03-09T05:00:00Z"), "America/Los_Angeles").week, "2026-W10");
  });

  it("opens on Monday at 08:00 local, before and after a DST change", () => {
    const before = digestWeek(new Date("2026-03-05T12:00:00Z"), "America/Los_Angeles");
    assert.deepEqual(
      [before.monday, before.opensAt.toISOString()],
      ["2026-03-02", "2026-03-02T16:00:00.000Z"],
    );
    const after = digestWeek(new Date("2026-03-10T12:00:00Z"), "America/Los_Angeles");
    assert.deepEqual([after.monday, after.opensAt.toISOString()], ["2026-03-09", "2026-03-09T15:00:00.000Z"]);
    assert.deepEqual(
      [after.lastWeek.from.toISOString(), after.lastWeek.until.toISOString(), after.horizon],
      ["2026-03-02T08:00:00.000Z", "2026-03-09T07:00:00.000Z", "2026-03-16"],
    );
  });

  it("counts whole days late", () => {
    assert.equal(daysLate("2026-03-08", "2026-03-09"), 1);
    assert.equal(daysLate("2026-02-27", "2026-03-02"), 3);
    assert.equal(daysLate("2026-03-09", "2026-03-09"), 0);
  });
});
