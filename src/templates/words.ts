/** Turning numbers, cadences and lists into the words policies use. */
import type { Cadence } from "../profile/primitives.ts";

const numberWords = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

const spell = (n: number) => numberWords[n] ?? String(n);

function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)!}`;
}

export const andList = (items: readonly string[]) => joinList(items, "and");
export const orList = (items: readonly string[]) => joinList(items, "or");

/** { every: 2, unit: "week" } -> "every two weeks"; { every: 1, unit: "month" } -> "every month". */
export function cadencePhrase(cadence: Cadence): string {
  if (cadence.every === 1) return `every ${cadence.unit}`;
  if (cadence.unit === "month" && cadence.every === 3) return "every three months (quarterly)";
  return `every ${spell(cadence.every)} ${cadence.unit}s`;
}

const adjectives: Record<string, string> = {
  "1 day": "daily",
  "1 week": "weekly",
  "1 month": "monthly",
  "3 month": "quarterly",
  "6 month": "semiannual",
  "1 year": "annual",
};

/** { every: 1, unit: "year" } -> "annual"; { every: 2, unit: "week" } -> "two-week". */
export function cadenceAdjective(cadence: Cadence): string {
  return adjectives[`${cadence.every} ${cadence.unit}`] ?? `${spell(cadence.every)}-${cadence.unit}`;
}

export function hoursPhrase(hours: number): string {
  const base = `${hours} ${hours === 1 ? "hour" : "hours"}`;
  return hours >= 48 && hours % 24 === 0 ? `${base} (${hours / 24} days)` : base;
}

export const daysPhrase = (days: number) => `${days} ${days === 1 ? "day" : "days"}`;
