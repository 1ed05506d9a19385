/** Loads example profiles for tests, failing loudly when an example stops validating. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { loadProfileFile, parseProfileText } from "../../src/profile/load.ts";
import type { Profile, ProfileInput } from "../../src/profile/schema.ts";
import { packageRoot } from "../../src/paths.ts";

export const examplePath = (name: string) => join(packageRoot(), "examples", name);

export function exampleProfile(name = "brightpath-saas.yaml"): Profile {
  const result = loadProfileFile(examplePath(name));
  if (!result.ok)
    throw new Error(`${name} is invalid:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join("\n")}`);
  return result.profile;
}

/** An example profile with some values changed, validated like a user's file. */
export function modifiedProfile(name: string, change: (data: ProfileInput) => void): Profile {
  const data = parse(readFileSync(examplePath(name), "utf8")) as ProfileInput;
  change(data);
  const result = parseProfileText(stringify(data), name);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return result.profile;
}
