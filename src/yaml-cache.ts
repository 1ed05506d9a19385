/**
 * Parsed YAML of the shipped content (catalog, shared responsibility, template front matter),
 * precomputed by `npm run build` into dist/yaml-cache.json and keyed by the SHA-1 of the source
 * text. YAML parsing was most of a cold build; JSON is a hundred times faster. An edited file
 * simply misses the cache and is parsed as before, so the cache can never serve stale content.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { packageRoot } from "./paths.ts";

let cache: Record<string, unknown> | null = null;

function loadCache(): Record<string, unknown> {
  if (cache) return cache;
  const file = join(packageRoot(), "dist", "yaml-cache.json");
  cache = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  return cache;
}

export const yamlKey = (text: string) => createHash("sha1").update(text).digest("hex");

/** Same result as `parse(text)` from the yaml package. */
export function parseYamlCached(text: string): unknown {
  const key = yamlKey(text);
  const cached = loadCache();
  return Object.hasOwn(cached, key) ? structuredClone(cached[key]) : parse(text);
}
