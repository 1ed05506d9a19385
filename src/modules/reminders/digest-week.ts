/**
 * The digest's calendar, in the organization's time zone: the ISO week of `now`, the moment that
 * week's digest may go (Monday 08:00 local), and the week before it. Pure.
 */
import { DateTime } from "luxon";
import { addDays, localDateOf, startOfLocalDay, type LocalDate } from "../../obligations/deadlines.ts";

/** Local hour on Monday from which the week's digest is sent. */
export const digestHour = 8;
/** Days the digest looks ahead, today included: on a Monday, the rest of the week. */
export const lookaheadDays = 7;

export interface DigestWeek {
  /** ISO week, "2026-W11". */
  week: string;
  today: LocalDate;
  monday: LocalDate;
  /** Monday 08:00 local: before it, this week's digest is not due. */
  opensAt: Date;
  /** The last day of the look-ahead (today + 6). */
  horizon: LocalDate;
  /** The previous ISO week, local midnight to local midnight. */
  lastWeek: { from: Date; until: Date; firstDay: LocalDate; lastDay: LocalDate };
}

export function digestWeek(now: Date, timeZone: string): DigestWeek {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = localDateOf(now, timeZone);
  const monday = addDays(today, 1 - local.weekday);
  const opensAt = DateTime.fromISO(monday, { zone: timeZone }).set({ hour: digestHour }).toJSDate();
  const previousMonday = addDays(monday, -7);
  return {
    week: `${local.weekYear}-W${String(local.weekNumber).padStart(2, "0")}`,
    today,
    monday,
    opensAt,
    horizon: addDays(today, lookaheadDays - 1),
    lastWeek: {
      from: startOfLocalDay(previousMonday, timeZone),
      until: startOfLocalDay(monday, timeZone),
      firstDay: previousMonday,
      lastDay: addDays(monday, -1),
    },
  };
}

/** Whole local days from `dueOn` to `today` (0 when due today). */
export function daysLate(dueOn: LocalDate, today: LocalDate): number {
  return Math.round(
    DateTime.fromISO(today, { zone: "utc" }).diff(DateTime.fromISO(dueOn, { zone: "utc" }), "days").days,
  );
}
