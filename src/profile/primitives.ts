/**
 * Building blocks shared by the profile sections: people, cadences, bounded numbers.
 * Every field carries a description: it is the hint text in forms and the documentation of the profile.
 */
import { z } from "zod";

/** Units a recurring commitment can repeat in. */
export const cadenceUnits = ["day", "week", "month", "year"] as const;
export type CadenceUnit = (typeof cadenceUnits)[number];

const cadenceWords: Record<string, { every: number; unit: CadenceUnit }> = {
  daily: { every: 1, unit: "day" },
  weekly: { every: 1, unit: "week" },
  biweekly: { every: 2, unit: "week" },
  fortnightly: { every: 2, unit: "week" },
  monthly: { every: 1, unit: "month" },
  quarterly: { every: 3, unit: "month" },
  semiannually: { every: 6, unit: "month" },
  annually: { every: 1, unit: "year" },
  yearly: { every: 1, unit: "year" },
};

/** Turns "quarterly" or "2 weeks" into { every, unit }; anything else is left for the schema to reject. */
function readCadenceShorthand(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const word = cadenceWords[value.trim().toLowerCase()];
  if (word) return { ...word };
  const plain = /^(?:every\s+)?(\d+)\s+(day|week|month|year)s?$/i.exec(value.trim());
  if (plain) return { every: Number(plain[1]), unit: plain[2]!.toLowerCase() };
  return value;
}

/** How often recurring work repeats: a word such as "quarterly", "2 weeks", or { every: 2, unit: week }. */
export const Cadence = z.preprocess(
  readCadenceShorthand,
  z.strictObject(
    {
      every: z.number().int().min(1).max(365).describe("How many units between two occurrences."),
      unit: z.enum(cadenceUnits).describe("The unit of the interval: day, week, month or year."),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? "expected a cadence such as 'monthly', '2 weeks' or { every: 2, unit: week }"
          : undefined,
    },
  ),
);
export type Cadence = z.infer<typeof Cadence>;

/** A cadence length in days, for comparing cadences (a month counts 30 days, a year 365). */
export function cadenceDays(cadence: Cadence): number {
  const perUnit: Record<CadenceUnit, number> = { day: 1, week: 7, month: 30, year: 365 };
  return cadence.every * perUnit[cadence.unit];
}

export const NonEmpty = z.string().trim().min(1, { error: "expected a non-empty text" });

/** A whole number within bounds, with a description that says its unit. */
export function wholeNumber(min: number, max: number, description: string, fallback: number) {
  return z.number().int().min(min).max(max).default(fallback).describe(description);
}

/** A named person who holds a role; contact details appear in the published policies. */
export const Person = z
  .strictObject({
    name: NonEmpty.describe("Full name as it should appear in the policies."),
    title: NonEmpty.describe("Job title, for example Chief Technology Officer."),
    email: z.email({ error: "expected an email address" }).describe("Work email address."),
    phone: z.string().trim().nullable().default(null).describe("Work phone number, optional."),
  })
  .describe("A person: name, title, email and optional phone.");
export type Person = z.infer<typeof Person>;

/** Role keys of the people section; used for owners, approvers and the line of succession. */
export const personRoles = ["securityOfficer", "privacyOfficer", "engineeringLead", "executive"] as const;
export const PersonRole = z.enum(personRoles);
export type PersonRole = z.infer<typeof PersonRole>;
