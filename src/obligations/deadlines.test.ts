import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Cadence } from "../profile/primitives.ts";
import {
  addCadence,
  addDays,
  endOfLocalDay,
  isLocalDate,
  localDateOf,
  occurrenceStatus,
  overdueAt,
  recurrences,
  startOfLocalDay,
  triggeredDeadline,
  type LocalDate,
} from "./deadlines.ts";

const newYork = "America/New_York";
const berlin = "Europe/Berlin";
const auckland = "Pacific/Auckland";
const hour = 3_600_000;

const at = (iso: string) => new Date(iso);
const before = (instant: Date) => new Date(instant.getTime() - 1);
const monthly: Cadence = { every: 1, unit: "month" };
const quarterly: Cadence = { every: 3, unit: "month" };
const yearly: Cadence = { every: 1, unit: "year" };
const biweekly: Cadence = { every: 2, unit: "week" };

describe("local dates", () => {
  it("accepts only strict dates that exist", () => {
    assert.equal(isLocalDate("2024-02-29"), true);
    assert.equal(isLocalDate("2025-02-29"), false);
    assert.equal(isLocalDate("2025-04-31"), false);
    assert.equal(isLocalDate("2025-2-01"), false);
    assert.equal(isLocalDate("2025-02-01T00:00"), false);
    assert.equal(isLocalDate(""), false);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    assert.equal(addDays("2025-12-31", 1), "2026-01-01");
    assert.equal(addDays("2024-03-01", -1), "2024-02-29");
    assert.equal(addDays("2025-03-01", -1), "2025-02-28");
    assert.equal(addDays("2026-03-07", 3), "2026-03-10"); // across the New York DST change: no effect
  });

  it("reads the local date of an instant in each zone", () => {
    // 04:30 UTC on March 2 is 23:30 on March 1 in New York (EST, -5) and 17:30 on March 2 in Auckland.
    assert.equal(localDateOf(at("2026-03-02T04:30:00Z"), newYork), "2026-03-01");
    assert.equal(localDateOf(at("2026-03-02T04:30:00Z"), "UTC"), "2026-03-02");
    assert.equal(localDateOf(at("2026-03-02T04:30:00Z"), auckland), "2026-03-02");
    // 11:30 UTC on March 1 is already 00:30 on March 2 in Auckland (NZDT, +13).
    assert.equal(localDateOf(at("2026-03-01T11:30:00Z"), auckland), "2026-03-02");
  });
});

describe("addCadence", () => {
  it("clamps monthly cadences on the 31st, computed from the anchor", () => {
    assert.equal(addCadence("2025-01-31", monthly, 0), "2025-01-31");
    assert.equal(addCadence("2025-01-31", monthly, 1), "2025-02-28");
    assert.equal(addCadence("2025-01-31", monthly, 2), "2025-03-31"); // not Mar 28: no drift
    assert.equal(addCadence("2025-01-31", monthly, 3), "2025-04-30");
    assert.equal(addCadence("2025-01-31", monthly, 13), "2026-02-28");
    assert.equal(addCadence("2024-01-31", monthly, 1), "2024-02-29"); // leap year
    assert.equal(addCadence("2023-01-31", monthly, 13), "2024-02-29");
  });

  it("clamps quarterly cadences on Aug 31", () => {
    assert.equal(addCadence("2025-08-31", quarterly, 1), "2025-11-30");
    assert.equal(addCadence("2025-08-31", quarterly, 2), "2026-02-28");
    assert.equal(addCadence("2025-08-31", quarterly, 3), "2026-05-31");
    assert.equal(addCadence("2025-08-31", quarterly, 4), "2026-08-31");
    assert.equal(addCadence("2027-08-31", quarterly, 2), "2028-02-29");
  });

  it("keeps a Feb 29 anchor on Feb 29 in leap years only", () => {
    assert.equal(addCadence("2024-02-29", yearly, 1), "2025-02-28");
    assert.equal(addCadence("2024-02-29", yearly, 4), "2028-02-29");
    assert.equal(addCadence("2024-02-29", yearly, 76), "2100-02-28"); // 2100 is not a leap year
    assert.equal(addCadence("2024-02-29", yearly, 100), "2124-02-29");
  });

  it("counts weeks and days as fixed numbers of days", () => {
    assert.equal(addCadence("2026-01-05", biweekly, 3), "2026-02-16");
    assert.equal(addCadence("2026-02-27", { every: 1, unit: "day" }, 2), "2026-03-01");
  });
});

describe("local day bounds", () => {
  it("spans 23 hours on the New York spring-forward day (2026-03-08)", () => {
    const start = startOfLocalDay("2026-03-08", newYork);
    const end = endOfLocalDay("2026-03-08", newYork);
    assert.equal(start.toISOString(), "2026-03-08T05:00:00.000Z"); // midnight EST (-5)
    assert.equal(end.toISOString(), "2026-03-09T04:00:00.000Z"); // midnight EDT (-4)
    assert.equal(end.getTime() - start.getTime(), 23 * hour);
  });

  it("spans 25 hours on the New York fall-back day (2026-11-01)", () => {
    const start = startOfLocalDay("2026-11-01", newYork);
    const end = endOfLocalDay("2026-11-01", newYork);
    assert.equal(start.toISOString(), "2026-11-01T04:00:00.000Z");
    assert.equal(end.toISOString(), "2026-11-02T05:00:00.000Z");
    assert.equal(end.getTime() - start.getTime(), 25 * hour);
  });

  it("follows Berlin's DST days (2026-03-29 and 2026-10-25)", () => {
    assert.equal(startOfLocalDay("2026-03-29", berlin).toISOString(), "2026-03-28T23:00:00.000Z");
    assert.equal(endOfLocalDay("2026-03-29", berlin).toISOString(), "2026-03-29T22:00:00.000Z");
    assert.equal(startOfLocalDay("2026-10-25", berlin).toISOString(), "2026-10-24T22:00:00.000Z");
    assert.equal(endOfLocalDay("2026-10-25", berlin).toISOString(), "2026-10-25T23:00:00.000Z");
  });

  it("follows Auckland's southern-hemisphere DST (ends 2026-04-05, starts 2026-09-27)", () => {
    // April: NZDT (+13) -> NZST (+12), a 25-hour day. September: NZST -> NZDT, a 23-hour day.
    assert.equal(startOfLocalDay("2026-04-05", auckland).toISOString(), "2026-04-04T11:00:00.000Z");
    assert.equal(endOfLocalDay("2026-04-05", auckland).toISOString(), "2026-04-05T12:00:00.000Z");
    assert.equal(startOfLocalDay("2026-09-27", auckland).toISOString(), "2026-09-26T12:00:00.000Z");
    assert.equal(endOfLocalDay("2026-09-27", auckland).toISOString(), "2026-09-27T11:00:00.000Z");
  });

  it("starts a day whose midnight does not exist at the first local time that does", () => {
    // Chile moves 00:00 -> 01:00 on 2026-09-06; the day starts at 01:00 -03:00.
    assert.equal(startOfLocalDay("2026-09-06", "America/Santiago").toISOString(), "2026-09-06T04:00:00.000Z");
  });
});

describe("triggeredDeadline", () => {
  it("ends a days-deadline at local midnight across spring forward", () => {
    // 10:00 EST on Friday March 6, 3 days -> end of Monday March 9 = midnight EDT = 04:00 UTC.
    const { dueAt, dueOn } = triggeredDeadline(
      at("2026-03-06T15:00:00Z"),
      { amount: 3, unit: "days" },
      newYork,
    );
    assert.equal(dueOn, "2026-03-09");
    assert.equal(dueAt.toISOString(), "2026-03-10T04:00:00.000Z");
    assert.equal(localDateOf(dueAt, newYork), "2026-03-10");
    assert.equal(localDateOf(before(dueAt), newYork), "2026-03-09");
  });

  it("ends a days-deadline at local midnight across fall back", () => {
    // 12:00 EDT on October 30, 5 days -> end of November 4 = midnight EST = 05:00 UTC.
    const { dueAt, dueOn } = triggeredDeadline(
      at("2026-10-30T16:00:00Z"),
      { amount: 5, unit: "days" },
      newYork,
    );
    assert.equal(dueOn, "2026-11-04");
    assert.equal(dueAt.toISOString(), "2026-11-05T05:00:00.000Z");
    assert.equal(localDateOf(dueAt, newYork), "2026-11-05");
    assert.equal(localDateOf(before(dueAt), newYork), "2026-11-04");
  });

  it("counts days from the local date when the UTC date differs (23:30 local)", () => {
    // 23:30 EST on March 1 is 04:30 UTC on March 2; 1 day -> end of March 2 local, not March 3.
    const { dueAt, dueOn } = triggeredDeadline(
      at("2026-03-02T04:30:00Z"),
      { amount: 1, unit: "days" },
      newYork,
    );
    assert.equal(dueOn, "2026-03-02");
    assert.equal(dueAt.toISOString(), "2026-03-03T05:00:00.000Z");
  });

  it("counts days from the local date in Berlin just after local midnight", () => {
    // 22:30 UTC on July 14 is 00:30 CEST on July 15; 1 day -> end of July 16 = 22:00 UTC.
    const { dueAt, dueOn } = triggeredDeadline(
      at("2026-07-14T22:30:00Z"),
      { amount: 1, unit: "days" },
      berlin,
    );
    assert.equal(dueOn, "2026-07-16");
    assert.equal(dueAt.toISOString(), "2026-07-16T22:00:00.000Z");
  });

  it("counts days from the local date in Auckland, ahead of UTC", () => {
    // 20:00 UTC on January 15 is 09:00 NZDT on January 16; 30 days -> end of February 15 (+13).
    const { dueAt, dueOn } = triggeredDeadline(
      at("2026-01-15T20:00:00Z"),
      { amount: 30, unit: "days" },
      auckland,
    );
    assert.equal(dueOn, "2026-02-15");
    assert.equal(dueAt.toISOString(), "2026-02-15T11:00:00.000Z");
  });

  it("keeps an hours-deadline at exact elapsed time across spring forward", () => {
    // 07:00 EST March 7 + 72 h = 08:00 EDT March 10 (the wall clock shows 73 h).
    const occurredAt = at("2026-03-07T12:00:00Z");
    const { dueAt, dueOn } = triggeredDeadline(occurredAt, { amount: 72, unit: "hours" }, newYork);
    assert.equal(dueAt.toISOString(), "2026-03-10T12:00:00.000Z");
    assert.equal(dueAt.getTime() - occurredAt.getTime(), 72 * hour);
    assert.equal(dueOn, "2026-03-10");
  });

  it("keeps an hours-deadline at exact elapsed time across fall back", () => {
    // 08:00 EDT October 31 + 72 h = 07:00 EST November 3 (the wall clock shows 71 h).
    const { dueAt, dueOn } = triggeredDeadline(
      at("2026-10-31T12:00:00Z"),
      { amount: 72, unit: "hours" },
      newYork,
    );
    assert.equal(dueAt.toISOString(), "2026-11-03T12:00:00.000Z");
    assert.equal(dueOn, "2026-11-03");
  });

  it("dates an hours-deadline ending at local midnight to the day before", () => {
    // 00:00 EDT June 1 + 24 h = 00:00 EDT June 2 (exclusive): the last instant belongs to June 1.
    const { dueAt, dueOn } = triggeredDeadline(
      at("2026-06-01T04:00:00Z"),
      { amount: 24, unit: "hours" },
      newYork,
    );
    assert.equal(dueAt.toISOString(), "2026-06-02T04:00:00.000Z");
    assert.equal(dueOn, "2026-06-01");
  });
});

/** Every occurrence due within [from, to], found by walking from n = 1: the reference for `recurrences`. */
function naiveRecurrences(anchor: LocalDate, cadence: Cadence, from: LocalDate, to: LocalDate) {
  const found: { index: number; startsOn: LocalDate; dueOn: LocalDate }[] = [];
  for (let index = 1; ; index++) {
    const dueOn = addDays(addCadence(anchor, cadence, index), -1);
    if (dueOn > to) return found;
    if (dueOn >= from) found.push({ index, startsOn: addCadence(anchor, cadence, index - 1), dueOn });
  }
}

describe("recurrences", () => {
  it("gives quarterly periods from the anchor to the day before the next", () => {
    assert.deepEqual(recurrences("2026-01-01", quarterly, "2026-01-01", "2026-06-30"), [
      { index: 1, startsOn: "2026-01-01", dueOn: "2026-03-31" },
      { index: 2, startsOn: "2026-04-01", dueOn: "2026-06-30" },
    ]);
  });

  it("jumps to the right index twenty years after the anchor", () => {
    // 2026-01-01 + 3 * 81 months = 2046-04-01, so occurrence 81 is due 2046-03-31.
    assert.deepEqual(recurrences("2026-01-01", quarterly, "2046-01-01", "2046-12-31"), [
      { index: 81, startsOn: "2046-01-01", dueOn: "2046-03-31" },
      { index: 82, startsOn: "2046-04-01", dueOn: "2046-06-30" },
      { index: 83, startsOn: "2046-07-01", dueOn: "2046-09-30" },
      { index: 84, startsOn: "2046-10-01", dueOn: "2046-12-31" },
    ]);
    // Both bounds are inclusive on dueOn.
    assert.deepEqual(
      recurrences("2026-01-01", quarterly, "2046-03-31", "2046-06-29").map((o) => o.index),
      [81],
    );
    assert.deepEqual(
      recurrences("2026-01-01", quarterly, "2046-04-01", "2046-06-30").map((o) => o.index),
      [82],
    );
  });

  it("clamps month-end periods without gaps (anchor Jan 31, monthly)", () => {
    assert.deepEqual(recurrences("2025-01-31", monthly, "2025-01-01", "2025-04-29"), [
      { index: 1, startsOn: "2025-01-31", dueOn: "2025-02-27" },
      { index: 2, startsOn: "2025-02-28", dueOn: "2025-03-30" },
      { index: 3, startsOn: "2025-03-31", dueOn: "2025-04-29" },
    ]);
  });

  it("follows a Feb 29 anchor yearly", () => {
    assert.deepEqual(recurrences("2024-02-29", yearly, "2027-03-01", "2029-02-27"), [
      { index: 4, startsOn: "2027-02-28", dueOn: "2028-02-28" },
      { index: 5, startsOn: "2028-02-29", dueOn: "2029-02-27" },
    ]);
  });

  it("handles a biweekly cadence four years on", () => {
    // 2026-01-05 + 1456 days = 2029-12-31 (2028 is a leap year), so occurrence 105 runs
    // 2029-12-31..2030-01-13 and occurrence 107 is due 2030-02-10, after `to`.
    assert.deepEqual(recurrences("2026-01-05", biweekly, "2030-01-01", "2030-01-31"), [
      { index: 105, startsOn: "2029-12-31", dueOn: "2030-01-13" },
      { index: 106, startsOn: "2030-01-14", dueOn: "2030-01-27" },
    ]);
  });

  it("never returns an index below 1 when `from` precedes the anchor", () => {
    assert.deepEqual(recurrences("2026-01-01", quarterly, "2020-01-01", "2026-03-31"), [
      { index: 1, startsOn: "2026-01-01", dueOn: "2026-03-31" },
    ]);
    assert.deepEqual(recurrences("2026-01-01", quarterly, "2020-01-01", "2026-03-30"), []);
  });

  it("returns [] when from > to", () => {
    assert.deepEqual(recurrences("2026-01-01", monthly, "2026-06-01", "2026-05-31"), []);
  });

  it("matches a naive walk from n = 1, with no skipped or duplicated occurrence", () => {
    const cases: [LocalDate, Cadence][] = [
      ["2025-01-31", monthly],
      ["2025-08-31", quarterly],
      ["2024-02-29", yearly],
      ["2026-01-05", biweekly],
      ["2025-03-31", { every: 5, unit: "month" }],
      ["2025-10-30", { every: 1, unit: "day" }],
      ["2025-12-31", { every: 6, unit: "month" }],
    ];
    const windows: [LocalDate, LocalDate][] = [
      ["2025-01-01", "2025-12-31"],
      ["2031-02-27", "2031-03-31"],
      ["2044-02-28", "2048-03-01"],
      ["2028-02-29", "2028-02-29"],
    ];
    let compared = 0;
    for (const [anchor, cadence] of cases) {
      for (const [from, to] of windows) {
        const fast = recurrences(anchor, cadence, from, to);
        assert.deepEqual(
          fast,
          naiveRecurrences(anchor, cadence, from, to),
          `${anchor} ${JSON.stringify(cadence)}`,
        );
        for (const [i, o] of fast.entries()) {
          if (i > 0) assert.equal(o.startsOn, addDays(fast[i - 1]!.dueOn, 1)); // contiguous
          if (i > 0) assert.equal(o.index, fast[i - 1]!.index + 1);
        }
        compared += fast.length;
      }
    }
    assert.ok(compared > 1000, `compared ${compared} occurrences`); // the daily cadence alone gives ~1800
  });
});

describe("overdueAt and occurrenceStatus", () => {
  // Due Friday 2026-03-06 in New York: dueAt is the end of that day, midnight EST = 05:00 UTC.
  const dueOn = "2026-03-06";
  const dueAt = endOfLocalDay(dueOn, newYork);
  const base = { dueAt, dueOn, graceDays: 0, timeZone: newYork, completedAt: null, waivedAt: null };

  it("uses dueAt with no grace and the end of dueOn + grace otherwise", () => {
    assert.equal(dueAt.toISOString(), "2026-03-07T05:00:00.000Z");
    assert.equal(overdueAt(dueAt, dueOn, 0, newYork).toISOString(), "2026-03-07T05:00:00.000Z");
    // 3 days of grace end with March 9, after the spring-forward: midnight EDT = 04:00 UTC.
    assert.equal(overdueAt(dueAt, dueOn, 3, newYork).toISOString(), "2026-03-10T04:00:00.000Z");
  });

  it("adds whole local days of grace to an hours-based deadline", () => {
    const { dueAt: hoursDueAt, dueOn: hoursDueOn } = triggeredDeadline(
      at("2026-03-07T12:00:00Z"),
      { amount: 72, unit: "hours" },
      newYork,
    );
    assert.equal(overdueAt(hoursDueAt, hoursDueOn, 0, newYork).toISOString(), "2026-03-10T12:00:00.000Z");
    assert.equal(overdueAt(hoursDueAt, hoursDueOn, 1, newYork).toISOString(), "2026-03-12T04:00:00.000Z");
  });

  it("turns overdue exactly at the overdue instant, with no grace", () => {
    const overdue = at("2026-03-07T05:00:00Z");
    assert.equal(occurrenceStatus({ ...base, now: before(overdue) }), "due");
    assert.equal(occurrenceStatus({ ...base, now: overdue }), "overdue");
  });

  it("turns overdue exactly at the overdue instant, with 3 days of grace", () => {
    const overdue = at("2026-03-10T04:00:00Z");
    const graced = { ...base, graceDays: 3 };
    // Past dueAt but within the grace period: still "due", not "overdue".
    assert.equal(occurrenceStatus({ ...graced, now: at("2026-03-08T12:00:00Z") }), "due");
    assert.equal(occurrenceStatus({ ...graced, now: before(overdue) }), "due");
    assert.equal(occurrenceStatus({ ...graced, now: overdue }), "overdue");
  });

  it("is due from the start of the local day dueOn - 6, upcoming before", () => {
    const dueFrom = at("2026-02-28T05:00:00Z"); // midnight EST on Feb 28
    assert.equal(occurrenceStatus({ ...base, now: before(dueFrom) }), "upcoming");
    assert.equal(occurrenceStatus({ ...base, now: dueFrom }), "due");
  });

  it("is done before the overdue instant and done-late at or after it", () => {
    const overdue = at("2026-03-07T05:00:00Z");
    const now = at("2026-04-01T00:00:00Z");
    assert.equal(occurrenceStatus({ ...base, completedAt: before(overdue), now }), "done");
    assert.equal(occurrenceStatus({ ...base, completedAt: overdue, now }), "done-late");
    // With grace, completion after dueAt but within the grace period is on time.
    const graced = { ...base, graceDays: 3, now };
    assert.equal(occurrenceStatus({ ...graced, completedAt: at("2026-03-09T12:00:00Z") }), "done");
    assert.equal(occurrenceStatus({ ...graced, completedAt: at("2026-03-10T04:00:00Z") }), "done-late");
  });

  it("reports a waiver whatever else happened", () => {
    const now = at("2026-04-01T00:00:00Z");
    const waivedAt = at("2026-03-01T00:00:00Z");
    assert.equal(occurrenceStatus({ ...base, waivedAt, now }), "waived");
    assert.equal(occurrenceStatus({ ...base, waivedAt, completedAt: now, now }), "waived");
    assert.equal(occurrenceStatus({ ...base, waivedAt, now: at("2026-01-01T00:00:00Z") }), "waived");
  });
});

describe("input validation", () => {
  it("rejects bad dates, zones and numbers with a RangeError naming them", () => {
    assert.throws(() => addDays("2025-02-29", 1), { name: "RangeError", message: /date .*"2025-02-29"/ });
    assert.throws(() => addCadence("2025-01-31", monthly, -1), { name: "RangeError", message: /n .*-1/ });
    assert.throws(() => addCadence("2025-01-31", { every: 0, unit: "month" }, 1), /cadence\.every .*0/);
    assert.throws(() => localDateOf(at("2026-01-01T00:00:00Z"), "Mars/Olympus"), {
      name: "RangeError",
      message: /timeZone .*"Mars\/Olympus"/,
    });
    assert.throws(() => localDateOf(new Date(Number.NaN), newYork), /instant must be a valid Date/);
    assert.throws(
      () => triggeredDeadline(at("2026-01-01T00:00:00Z"), { amount: 0, unit: "hours" }, newYork),
      {
        name: "RangeError",
        message: /within\.amount .*0/,
      },
    );
    assert.throws(() => overdueAt(at("2026-01-01T00:00:00Z"), "2026-01-01", -1, newYork), {
      name: "RangeError",
      message: /graceDays .*-1/,
    });
    assert.throws(
      () => recurrences("2026-01-01", monthly, "2026-13-01", "2027-01-01"),
      /from .*"2026-13-01"/,
    );
  });
});
