/**
 * Wording shared by the reminder and digest emails: dates in the organization's time zone, role
 * names, links and the ISO week. Emails carry the commitment's sentence, dates and a link, never
 * notes or reasons typed by people (they may hold ePHI).
 */
import { DateTime } from "luxon";
import { endOfLocalDay, type LocalDate } from "../../obligations/deadlines.ts";

/** "Sunday 8 March 2026": the weekday and month in words cannot be misread across countries. */
export function dayText(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: "utc", locale: "en-GB" }).toFormat("cccc d LLLL yyyy");
}

/**
 * The deadline: "by the end of <day>", or "by HH:mm on <day>" for work due at a time of day
 * (hour-based deadlines such as breach clocks).
 */
export function deadlineText(dueOn: LocalDate, dueAt: Date, timeZone: string): string {
  if (dueAt.getTime() === endOfLocalDay(dueOn, timeZone).getTime()) return `by the end of ${dayText(dueOn)}`;
  return `by ${DateTime.fromJSDate(dueAt, { zone: timeZone }).toFormat("HH:mm")} on ${dayText(dueOn)}`;
}

/** "security-officer" -> "Security Officer". */
export function roleName(role: string): string {
  return role
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

/** A page of the app, from the configured public address. */
export function appLink(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** "1 item" / "3 items". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A numbered list entry: the sentence, then its details indented under it. */
export function entry(index: number, sentence: string, detail: string): string {
  return `${index}. ${sentence.replace(/\s+/g, " ").trim()}\n   ${detail}`;
}
