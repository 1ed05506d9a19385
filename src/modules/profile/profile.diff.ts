/** What identifies a profile version (its hash) and what changed between two versions (field paths). */
import { createHash } from "node:crypto";
import { canonicalJson } from "../../audit/index.ts";

/** The most paths an audit event lists (its schema's limit); a longer diff is cut there. */
const MAX_PATHS = 1000;

/** SHA-256 of the profile's canonical JSON: equal for equal profiles, whatever the key order. */
export function profileHash(profile: unknown): string {
  return createHash("sha256")
    .update(canonicalJson(JSON.parse(JSON.stringify(profile))))
    .digest("hex");
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Dot-joined paths of the fields that differ, sorted. Objects are compared key by key; a list is
 * one field (a reordered or edited list reports the list's path), which keeps the trail readable.
 * Paths only: values stay in the profile versions, out of the audit trail.
 */
export function changedPaths(before: unknown, after: unknown): string[] {
  const paths: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (isRecord(a) && isRecord(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk(a[key], b[key], path ? `${path}.${key}` : key);
    } else if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) paths.push(path);
  };
  walk(before, after, "");
  return paths.sort().slice(0, MAX_PATHS);
}
