/**
 * Deadline arithmetic for obligations: calendar dates in the organization's time zone, cadences,
 * triggered deadlines, grace periods and the status of one occurrence. Pure: no clock, no I/O.
 *
 * Two kinds of time meet here. Calendar work ("review quarterly", "within 30 days") counts local
 * calendar days and ends at a local midnight, whatever the UTC offset does that day. Breach clocks
 * ("within 72 hours") run on elapsed time. Local dates stay "YYYY-MM-DD" strings so they compare
 * with < and > and store as SQL dates; instants are Dates; every deadline instant is exclusive.
 */
import { DateTime, IANAZone } from "luxon";
import type { Cadence } from "../profile/primitives.ts";

/** A calendar date in the organization's time zone, "YYYY-MM-DD". */
export type LocalDate = string;

/** Where one occurrence of an obligation stands. */
export type OccurrenceStatus = "upcoming" | "due" | "overdue" | "done" | "done-late" | "waived";

/** Days before the due date from which open work counts as "due" (what is due this week). */
export const dueSoonDays = 7;

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const hourMs = 3_600_000;
/** Average length of each cadence unit in days: only to estimate where `recurrences` starts looking. */
const averageDays = { day: 1, week: 7, month: 365.2425 / 12, year: 365.2425 } as const;

/** True for a strict "YYYY-MM-DD" that exists on the calendar ("2025-02-29" is false). */
export function isLocalDate(value: string): boolean {
  if (typeof value !== "string" || !localDatePattern.test(value)) return false;
  const [y, m, d] = parts(value);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// Date-only arithmetic is integer arithmetic on UTC days: no zone, no DST, and no library call, since
// the engine runs it for every period of every person (thousands per recompute).
function parts(date: LocalDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Date.UTC without its two-digit-year rule (Date.UTC(50, 0, 1) is 1950). */
function utc(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}

function checkDate(date: LocalDate, name: string): void {
  if (!isLocalDate(date))
    throw new RangeError(`${name} must be an existing YYYY-MM-DD date, got ${show(date)}`);
}

function fromUtc(ms: number): LocalDate {
  const text = new Date(ms).toISOString();
  // Years past 9999 would print as "+010000-..." and sort wrongly as strings: refuse them.
  if (text.length !== 24 || text[0] === "-") throw new RangeError(`date out of range: ${text}`);
  return text.slice(0, 10);
}

const dayMs = 86_400_000;
const utcDay = (date: LocalDate) => {
  const [y, m, d] = parts(date);
  return utc(y, m - 1, d) / dayMs;
};

const validZones = new Set<string>();
function checkZone(timeZone: string): void {
  if (validZones.has(timeZone)) return;
  if (typeof timeZone !== "string" || !IANAZone.isValidZone(timeZone))
    throw new RangeError(`timeZone must be an IANA time zone, got ${show(timeZone)}`);
  validZones.add(timeZone);
}

function checkInstant(instant: Date, name: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw new RangeError(`${name} must be a valid Date, got ${show(instant)}`);
}

function checkInteger(value: number, name: string, min?: number): void {
  if (!Number.isSafeInteger(value) || (min !== undefined && value < min))
    throw new RangeError(
      `${name} must be a whole number${min === undefined ? "" : ` >= ${min}`}, got ${value}`,
    );
}

function checkCadence(cadence: Cadence): void {
  if (typeof cadence !== "object" || cadence === null || !Object.hasOwn(averageDays, cadence.unit))
    throw new RangeError(`cadence must be { every, unit: day|week|month|year }, got ${show(cadence)}`);
  checkInteger(cadence.every, "cadence.every", 1);
}

function show(value: unknown): string {
  return value instanceof Date ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  checkDate(date, "date");
  checkInteger(days, "days");
  const [y, m, d] = parts(date);
  return fromUtc(utc(y, m - 1, d + days));
}

/**
 * anchor + n * cadence. Months and years are computed from the anchor, not step by step, and clamp
 * to the month end: 2025-01-31 +1 month = 2025-02-28, +2 months = 2025-03-31; 2024-02-29 +1 year =
 * 2025-02-28, +4 years = 2028-02-29. A week is 7 days.
 */
export function addCadence(anchor: LocalDate, cadence: Cadence, n: number): LocalDate {
  checkDate(anchor, "anchor");
  checkCadence(cadence);
  checkInteger(n, "n", 0);
  const steps = cadence.every * n;
  const [y, m, d] = parts(anchor);
  if (cadence.unit === "day" || cadence.unit === "week") {
    return fromUtc(utc(y, m - 1, d + steps * (cadence.unit === "week" ? 7 : 1)));
  }
  // One step from the anchor: chaining would drift (Jan 31 -> Feb 28 -> Mar 28). The day clamps to
  // the last day of the target month.
  const months = m - 1 + steps * (cadence.unit === "year" ? 12 : 1);
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  return fromUtc(utc(year, month - 1, Math.min(d, daysInMonth(year, month))));
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  checkInstant(instant, "instant");
  checkZone(timeZone);
  let format = localDateFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    localDateFormats.set(timeZone, format);
  }
  const text = format.format(instant);
  if (!localDatePattern.test(text)) throw new RangeError(`date out of range: ${text}`);
  return text;
}

const localDateFormats = new Map<string, Intl.DateTimeFormat>();

/** The instant a local date starts in the zone (if DST skips midnight, the first local time after). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  checkDate(date, "date");
  checkZone(timeZone);
  // Remembered per zone and date: periods of thousands of people share few dates, and the zone
  // lookup is the costly part.
  const key = `${timeZone} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    // Luxon moves a local time that falls in a DST gap forward, past the gap.
    start = DateTime.fromISO(date, { zone: timeZone }).toMillis();
    if (dayStarts.size >= 100_000) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}
const dayStarts = new Map<string, number>();

/** The instant a local date ends in the zone: the next day's start (exclusive; a DST day is 23 or 25 h). */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

/**
 * Deadline of triggered work from the instant the event occurred. "hours": exact elapsed time (72 h
 * stays 72 real hours across a DST change: breach clocks run on elapsed time). "days": the end of the
 * local day `amount` calendar days after the event's local date (an event at 23:30 local on March 1
 * with 1 day is due by the end of March 2, local). Returns the exclusive instant `dueAt` and the local
 * due date `dueOn` (for hours: the local date of the instant just before dueAt).
 */
export function triggeredDeadline(
  occurredAt: Date,
  within: { amount: number; unit: "hours" | "days" },
  timeZone: string,
): { dueAt: Date; dueOn: LocalDate } {
  checkInstant(occurredAt, "occurredAt");
  checkZone(timeZone);
  checkInteger(within.amount, "within.amount", 1);
  switch (within.unit) {
    case "hours": {
      const dueAt = new Date(occurredAt.getTime() + within.amount * hourMs);
      // dueAt is exclusive, so a deadline at exactly local midnight belongs to the day before.
      return { dueAt, dueOn: localDateOf(new Date(dueAt.getTime() - 1), timeZone) };
    }
    case "days": {
      const dueOn = addDays(localDateOf(occurredAt, timeZone), within.amount);
      return { dueAt: endOfLocalDay(dueOn, timeZone), dueOn };
    }
    default:
      throw new RangeError(`within.unit must be "hours" or "days", got ${show(within.unit)}`);
  }
}

/**
 * Periods of recurring work: occurrence n (n >= 1) starts on addCadence(anchor, cadence, n - 1) and
 * is due on the day before addCadence(anchor, cadence, n) (a quarterly review anchored 2026-01-01
 * has occurrence 1 = 2026-01-01..2026-03-31). Returns every occurrence whose dueOn lies within
 * [from, to] inclusive, in order; [] when from > to.
 */
export function recurrences(
  anchor: LocalDate,
  cadence: Cadence,
  from: LocalDate,
  to: LocalDate,
): { index: number; startsOn: LocalDate; dueOn: LocalDate }[] {
  checkDate(anchor, "anchor");
  checkDate(from, "from");
  checkDate(to, "to");
  checkCadence(cadence);
  if (from > to) return [];
  const dueOnOf = (index: number) => addDays(addCadence(anchor, cadence, index), -1);
  // Jump near the first occurrence due on or after `from` by the average period, then step to the
  // exact one: month lengths vary, but the estimate is off by a step or two at most.
  const elapsed = utcDay(from) - utcDay(anchor);
  let index = Math.max(1, Math.floor(elapsed / (averageDays[cadence.unit] * cadence.every)));
  while (index > 1 && dueOnOf(index - 1) >= from) index--;
  while (dueOnOf(index) < from) index++;
  const found: { index: number; startsOn: LocalDate; dueOn: LocalDate }[] = [];
  for (let dueOn = dueOnOf(index); dueOn <= to; dueOn = dueOnOf(++index))
    found.push({ index, startsOn: addCadence(anchor, cadence, index - 1), dueOn });
  return found;
}

/**
 * When open work becomes overdue: with no grace, dueAt itself (hours-based deadlines keep their
 * exact instant); otherwise the end of the local day graceDays after dueOn.
 */
export function overdueAt(dueAt: Date, dueOn: LocalDate, graceDays: number, timeZone: string): Date {
  checkInstant(dueAt, "dueAt");
  checkDate(dueOn, "dueOn");
  checkInteger(graceDays, "graceDays", 0);
  checkZone(timeZone);
  // A copy: callers may hold on to the result, and Dates are mutable.
  if (graceDays === 0) return new Date(dueAt.getTime());
  return endOfLocalDay(addDays(dueOn, graceDays), timeZone);
}

/**
 * Status of one occurrence at `now`: "waived" if waivedAt is set; "done" if completed before the
 * overdue instant, "done-late" at or after it (exclusive, like every deadline here, so completing at
 * the instant open work turns overdue is late); else "overdue" from the overdue instant, "due" from
 * the start of the local day dueOn - (dueSoonDays - 1), "upcoming" before.
 */
export function occurrenceStatus(input: {
  dueAt: Date;
  dueOn: LocalDate;
  graceDays: number;
  timeZone: string;
  completedAt: Date | null;
  waivedAt: Date | null;
  now: Date;
}): OccurrenceStatus {
  const { dueOn, timeZone, completedAt, waivedAt, now } = input;
  checkInstant(now, "now");
  if (completedAt !== null) checkInstant(completedAt, "completedAt");
  if (waivedAt !== null) checkInstant(waivedAt, "waivedAt");
  const overdue = overdueAt(input.dueAt, dueOn, input.graceDays, timeZone).getTime();
  if (waivedAt !== null) return "waived";
  if (completedAt !== null) return completedAt.getTime() < overdue ? "done" : "done-late";
  if (now.getTime() >= overdue) return "overdue";
  const dueFrom = startOfLocalDay(addDays(dueOn, -(dueSoonDays - 1)), timeZone);
  return now.getTime() >= dueFrom.getTime() ? "due" : "upcoming";
}
