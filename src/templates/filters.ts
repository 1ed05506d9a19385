/**
 * Liquid filters available to templates. Each validates its input: a template that pipes the wrong
 * kind of value gets an error naming the filter, not a silently odd sentence.
 */
import type { Liquid } from "liquidjs";
import { Cadence, type PersonRole } from "../profile/primitives.ts";
import type { Profile } from "../profile/schema.ts";
import { andList, cadenceAdjective, cadencePhrase, daysPhrase, hoursPhrase, orList } from "./words.ts";

function expectNumber(filter: string, value: unknown): number {
  if (typeof value !== "number")
    throw new Error(`filter ${filter} expects a number, got ${JSON.stringify(value)}`);
  return value;
}

function expectCadence(filter: string, value: unknown): Cadence {
  const parsed = Cadence.safeParse(value);
  if (!parsed.success) throw new Error(`filter ${filter} expects a cadence, got ${JSON.stringify(value)}`);
  return parsed.data;
}

function expectStrings(filter: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new Error(`filter ${filter} expects a list of texts, got ${JSON.stringify(value)}`);
  }
  return value as string[];
}

const fixedRoleTitles: Record<string, string> = {
  securityOfficer: "Security Officer",
  privacyOfficer: "Privacy Officer",
};

/** The profile the current render uses, passed as a render-time global. */
export function profileOf(globals: object): Profile {
  return (globals as { profile: Profile }).profile;
}

function roleTitle(profile: Profile, role: string): string {
  const fixed = fixedRoleTitles[role];
  if (fixed) return fixed;
  if (role === "engineeringLead" || role === "executive") return profile.people[role].title;
  throw new Error(
    `filter role_title expects securityOfficer, privacyOfficer, engineeringLead or executive, got ${JSON.stringify(role)}`,
  );
}

export function registerFilters(liquid: Liquid): void {
  liquid.registerFilter("cadence", (value: unknown) => cadencePhrase(expectCadence("cadence", value)));
  liquid.registerFilter("cadence_noun", (value: unknown) =>
    cadenceAdjective(expectCadence("cadence_noun", value)),
  );
  liquid.registerFilter("hours", (value: unknown) => hoursPhrase(expectNumber("hours", value)));
  liquid.registerFilter("days", (value: unknown) => daysPhrase(expectNumber("days", value)));
  liquid.registerFilter("and_list", (value: unknown) => andList(expectStrings("and_list", value)));
  liquid.registerFilter("or_list", (value: unknown) => orList(expectStrings("or_list", value)));
  liquid.registerFilter("role_title", function (this: { context: { globals: object } }, value: unknown) {
    return roleTitle(profileOf(this.context.globals), String(value));
  });
  liquid.registerFilter("person", function (this: { context: { globals: object } }, value: unknown) {
    const profile = profileOf(this.context.globals);
    const role = String(value) as PersonRole;
    const person =
      role in profile.people ? (profile.people[role] as { name: string; title: string } | null) : undefined;
    if (person === undefined)
      throw new Error(
        `filter person expects a person role such as engineeringLead, got ${JSON.stringify(value)}`,
      );
    return person ? `${person.name}, ${person.title}` : roleTitle(profile, role);
  });
}
