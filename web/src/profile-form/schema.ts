/**
 * Reading the profile's JSON Schema (as z.toJSONSchema writes it) into the few kinds of control the
 * form knows, and the small value helpers the form needs. No profile field is named here: the form
 * follows the schema, so a new profile field appears without a UI change.
 */
import type { JsonSchema } from "../api/types.ts";

export type Path = (string | number)[];

export type FieldKind =
  | { kind: "object"; node: JsonSchema }
  | { kind: "text"; node: JsonSchema }
  | { kind: "number"; node: JsonSchema; integer: boolean }
  | { kind: "boolean"; node: JsonSchema }
  | { kind: "enum"; node: JsonSchema; values: string[] }
  | { kind: "text-list"; node: JsonSchema; values: string[] | null }
  | { kind: "object-list"; node: JsonSchema; item: JsonSchema }
  | { kind: "json"; node: JsonSchema };

export interface Resolved {
  field: FieldKind;
  /** The field may be null ("none"): an empty text, an unticked "include" box. */
  nullable: boolean;
  /** The description of the outer node, which is where zod puts it for nullable fields. */
  description: string | undefined;
}

const isNull = (node: JsonSchema) => node.type === "null";

function kindOf(node: JsonSchema): FieldKind {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
  if (node.enum) return { kind: "enum", node, values: node.enum.map(String) };
  if (type === "object" || node.properties) return { kind: "object", node };
  if (type === "string") return { kind: "text", node };
  if (type === "integer" || type === "number") return { kind: "number", node, integer: type === "integer" };
  if (type === "boolean") return { kind: "boolean", node };
  if (type === "array" && node.items) {
    const item = resolve(node.items).field;
    if (item.kind === "text") return { kind: "text-list", node, values: null };
    if (item.kind === "enum") return { kind: "text-list", node, values: item.values };
    if (item.kind === "object") return { kind: "object-list", node, item: item.node };
  }
  return { kind: "json", node };
}

/** What control a schema node becomes, unwrapping `anyOf: [X, null]` and `type: [X, "null"]`. */
export function resolve(node: JsonSchema): Resolved {
  const description = node.description;
  if (node.anyOf) {
    const others = node.anyOf.filter((member) => !isNull(member));
    const nullable = others.length < node.anyOf.length;
    if (others.length === 1) {
      const inner = others[0]!;
      return { field: kindOf(inner), nullable, description: description ?? inner.description };
    }
    return { field: { kind: "json", node }, nullable, description };
  }
  const nullable = Array.isArray(node.type) && node.type.includes("null");
  return { field: kindOf(node), nullable, description };
}

/** A starting value for a field the profile does not have yet (new profile, added list item). */
export function initialValue(node: JsonSchema): unknown {
  const { field, nullable } = resolve(node);
  if (node.default !== undefined && (field.kind !== "object" || isPlainObject(node.default)))
    return structuredClone(node.default);
  if (nullable) return null;
  switch (field.kind) {
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(field.node.properties ?? {}))
        value[key] = initialValue(child);
      return value;
    }
    case "text":
      return "";
    case "number":
      return null;
    case "boolean":
      return false;
    case "enum":
      return field.values[0] ?? "";
    case "text-list":
    case "object-list":
      return [];
    case "json":
      return null;
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A copy of `root` with `value` at `path` (objects and arrays are copied along the way). */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const object = isPlainObject(root) ? { ...root } : {};
  object[head!] = setAt(object[head!], rest, value);
  return object;
}

const acronyms: Record<string, string> = {
  ephi: "ePHI",
  baa: "BAA",
  mfa: "MFA",
  vpn: "VPN",
  hhs: "HHS",
  ids: "IDS",
  url: "URL",
  api: "API",
};

/** "idleLogoffMinutes" -> "Idle logoff minutes", "treatAllDataAsEphi" -> "Treat all data as ePHI". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .map((word) => acronyms[word.toLowerCase()] ?? word.toLowerCase());
  const first = words[0] ?? "";
  words[0] = acronyms[first.toLowerCase()] ?? first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(" ");
}

export const pathKey = (path: Path) => path.join(".");
export const controlId = (path: Path) => `profile-${path.join("-")}`;
