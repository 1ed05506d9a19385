/**
 * Turns zod issues about a profile into findings whose messages say what was expected and what was
 * found, in words a compliance officer can act on without knowing zod.
 */
import { globalRegistry, type z } from "zod";
import { Profile } from "./schema.ts";

/** One problem in a profile: a schema error, a lint error or a lint warning. */
export interface Finding {
  /** Dot-joined field path, array indexes as numbers (`services.offerings.0.kind`); the file name for file-level problems. */
  path: string;
  message: string;
  /** 1-based line in the profile file of the field, or of its nearest parent that exists there. */
  line: number | null;
  severity: "error" | "warning";
  /** The regulation a lint finding rests on. */
  citation?: string;
  /** Id of the lint rule that produced the finding. */
  rule?: string;
}

/** Finds the line of a path in the source document; null when it cannot tell. */
export type LineOf = (path: readonly PropertyKey[]) => number | null;

type Issue = z.core.$ZodIssue & { input?: unknown };

// zod's stock messages are replaced with ours; messages written in the schema are kept. A parse-level
// error map only runs when the schema gave no message, so its marker tells the two apart afterwards.
const STOCK = "\u0000stock";
const parseParams = { reportInput: true, error: () => STOCK } as const;

/** Dot-joins a path; the empty path is the whole profile. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "profile" : path.map(String).join(".");
}

/** Validates parsed profile data, returning the profile or every schema error as a finding. */
export function validateProfileData(
  data: unknown,
  lineOf: LineOf = () => null,
): { ok: true; profile: Profile } | { ok: false; errors: Finding[] } {
  const result = Profile.safeParse(data, parseParams);
  if (result.success) return { ok: true, profile: result.data };
  return { ok: false, errors: findingsFromIssues(result.error.issues, lineOf) };
}

/** One finding per issue, and one per key of an unknown-keys issue. */
export function findingsFromIssues(issues: readonly Issue[], lineOf: LineOf = () => null): Finding[] {
  const findings: Finding[] = [];
  const add = (path: readonly PropertyKey[], message: string) =>
    findings.push({ path: pathText(path), message, line: lineOf(path), severity: "error" });
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys(schemaAt(issue.path)?.shape ?? {});
      for (const key of issue.keys) {
        const guess = didYouMean(key, allowed);
        add([...issue.path, key], guess ? `unknown field; did you mean "${guess}"?` : "unknown field");
      }
    } else add(issue.path, issueMessage(issue));
  }
  return findings;
}

function issueMessage(issue: Issue): string {
  const input = issue.input;
  if (issue.code === "invalid_type" && input === undefined) return missingMessage(issue.path);
  // Contradictions already say what was found; a refinement of one plain value gets it appended.
  if (issue.code === "custom" && (typeof input === "object" || issue.message.includes("got ")))
    return issue.message;
  const expectation = issue.message === STOCK ? stockExpectation(issue) : issue.message;
  return `${expectation}, got ${foundFor(issue)}`;
}

/** Sizes are compared as counts ("got 2"); wrong types also name the kind found ("(text)"). */
function foundFor(issue: Issue): string {
  const { input } = issue;
  const sized = issue.code === "too_small" || issue.code === "too_big";
  if (sized && issue.message === STOCK && (typeof input === "string" || Array.isArray(input)))
    return String(input.length);
  return describeFound(input, issue.code === "invalid_type");
}

function missingMessage(path: readonly PropertyKey[]): string {
  const described = typeDescription(path);
  return `required field is missing (expected ${described ? lowerFirst(described) : "a value"})`;
}

/** The "expected ..." half of a message for issues the schema left to zod's stock text. */
function stockExpectation(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${expectedNoun(issue.expected, issue.path)}`;
    case "too_big":
    case "too_small": {
      const big = issue.code === "too_big";
      const bound = big ? issue.maximum : issue.minimum;
      const word = issue.inclusive ? (big ? "at most" : "at least") : big ? "less than" : "more than";
      const unit = issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
      return `expected ${word} ${String(bound)}${unit}`;
    }
    case "invalid_value":
      return issue.values.length === 1
        ? `expected ${String(issue.values[0])}`
        : `expected one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return `expected ${formatNoun(issue.format, "pattern" in issue ? issue.pattern : undefined)}`;
    case "not_multiple_of":
      return `expected a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "unrecognized_keys":
    case "custom":
      return "expected a different kind of value";
  }
}

const formatNouns: Record<string, string> = {
  email: "an email address",
  url: "a web address",
  date: "a date as YYYY-MM-DD",
};

function formatNoun(format: string, pattern: string | undefined): string {
  if (formatNouns[format]) return formatNouns[format];
  return format === "regex" && pattern ? `text matching ${pattern}` : `a valid ${format}`;
}

// zod keeps the schema tree in `_zod.def`; this is the small part of it the messages need.
interface Node {
  _zod: {
    def: {
      type: string;
      innerType?: Node;
      out?: Node;
      shape?: Record<string, Node>;
      element?: Node;
      checks?: { _zod: { def: { format?: string } } }[];
    };
    parent?: Node;
  };
}
const wrappers = new Set(["default", "prefault", "nullable", "optional", "readonly", "catch", "nonoptional"]);

function unwrap(node: Node): Node {
  const def = node._zod.def;
  if (wrappers.has(def.type) && def.innerType) return unwrap(def.innerType);
  if (def.type === "pipe" && def.out) return unwrap(def.out); // preprocessed cadences
  return node;
}

/** The schema of the field at a path, wrappers kept; null when the path leaves the schema. */
function fieldAt(path: readonly PropertyKey[]): Node | null {
  let node: Node | undefined = Profile as unknown as Node;
  for (const key of path) {
    const def: Node["_zod"]["def"] = unwrap(node)._zod.def;
    node = def.type === "array" ? def.element : def.shape?.[String(key)];
    if (!node) return null;
  }
  return node;
}

function schemaAt(path: readonly PropertyKey[]): { shape?: Record<string, Node> } | null {
  const node = fieldAt(path);
  return node ? unwrap(node)._zod.def : null;
}

/**
 * What kind of value a field holds. A type such as Person carries its own description ("A person:
 * name, title, ..."), which says more about what to write than the field's; fields of plain types
 * fall back to their own description.
 */
function typeDescription(path: readonly PropertyKey[]): string | null {
  const field = fieldAt(path);
  if (!field) return null;
  let found: string | null = null;
  for (let node: Node | undefined = unwrap(field); node; node = node._zod.parent) {
    found = (globalRegistry.get(node as never) as { description?: string } | undefined)?.description ?? found;
  }
  found ??= (globalRegistry.get(field as never) as { description?: string } | undefined)?.description ?? null;
  return found?.replace(/\.$/, "") ?? null;
}

const typeNouns: Record<string, string> = {
  string: "text",
  boolean: "true or false",
  array: "a list",
  null: "nothing",
};

function expectedNoun(expected: string, path: readonly PropertyKey[]): string {
  if (expected === "int") return "a whole number";
  if (expected === "number") {
    const checks = unwrap(fieldAt(path) ?? (Profile as unknown as Node))._zod.def.checks ?? [];
    return checks.some((c) => c._zod.def.format?.includes("int")) ? "a whole number" : "a number";
  }
  if (expected === "object") {
    // Only type descriptions name a shape ("A person: ..."); section descriptions do not.
    const described = typeDescription(path);
    return described && /^an? /i.test(described) ? lowerFirst(described) : "an object";
  }
  return typeNouns[expected] ?? `a ${expected}`;
}

/** Lowercases a leading capital unless it starts an acronym such as IANA or CTO. */
function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z])/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Says what a value is: quoted short texts, plain numbers, and kind words for the rest. */
export function describeFound(value: unknown, withKind = false): string {
  const kind = (word: string) => (withKind ? ` (${word})` : "");
  if (value === undefined || value === null) return "nothing";
  if (typeof value === "string") {
    if (value === "") return "an empty text";
    return value.length <= 40
      ? `${JSON.stringify(value)}${kind("text")}`
      : `a text of ${value.length} characters`;
  }
  if (typeof value === "number" || typeof value === "bigint") return `${String(value)}${kind("number")}`;
  if (typeof value === "boolean") return `${String(value)}${kind("true/false")}`;
  if (Array.isArray(value))
    return value.length === 0
      ? "an empty list"
      : `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  return "an object";
}

/** The allowed key closest to a mistyped one, when it is close enough to be a likely typo. */
function didYouMean(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(key.length / 3))) + 1;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
