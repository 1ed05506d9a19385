/**
 * A reader for the plain YAML profiles are usually written in, used before the `yaml` package.
 *
 * `yaml` builds a full document (concrete syntax tree, nodes with positions) so that every finding
 * can name its line; in a fresh `steward policies build` process that is the largest part of
 * reading a profile. This reads only a strict subset, one value per line:
 *   - block mappings with plain keys (letters, digits, `_`, `-`), block sequences, nesting by spaces;
 *   - flow sequences `[a, b]` and flow mappings `{ k: v }` of plain scalars;
 *   - plain, single-quoted and double-quoted (without escapes) scalars, and comments;
 *   - plain scalars resolved as YAML 1.2's core schema does: null, booleans, decimal integers and
 *     decimals; everything else that could be a number (0x1F, 1e3, .inf, +5...) is left out.
 * Anything else (block scalars, continuation lines, anchors, tags, tabs, duplicate keys, documents
 * markers, JSON...) returns undefined, and the caller parses with `yaml`, which gives the same data
 * or the error with its line. src/profile/simple-yaml.test.ts compares both on every example.
 */

/** Raised for anything outside the subset; caught in `readSimpleYaml`. */
class Outside extends Error {}
const outside = (): never => {
  throw new Outside();
};

interface Line {
  indent: number;
  /** The line without its indentation; comments are removed when the value is read. */
  text: string;
}

/** The data `yaml.parse(text)` returns, or undefined when `text` is outside the subset above. */
export function readSimpleYaml(text: string): unknown {
  try {
    const lines = significantLines(text);
    if (lines.length === 0) return undefined;
    const reader = { lines, at: 0 };
    const value = readBlock(reader, lines[0]!.indent);
    return reader.at === lines.length ? value : undefined;
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
}

function significantLines(text: string): Line[] {
  if (text.includes("\t") || text.includes("\r") || text.charCodeAt(0) === 0xfeff) outside();
  const lines: Line[] = [];
  for (const raw of text.split("\n")) {
    const content = raw.trimStart();
    if (content === "" || content.startsWith("#")) continue;
    if (content.startsWith("---") || content.startsWith("...") || content.startsWith("%")) outside();
    lines.push({ indent: raw.length - content.length, text: content.trimEnd() });
  }
  return lines;
}

interface Reader {
  lines: Line[];
  at: number;
}

const isItem = (line: Line) => line.text === "-" || line.text.startsWith("- ");

function readBlock(reader: Reader, indent: number): unknown {
  const line = reader.lines[reader.at]!;
  if (line.indent !== indent) outside();
  return isItem(line) ? readSequence(reader, indent) : readMapping(reader, indent);
}

const keyPattern = /^([A-Za-z_][\w-]*):(?: |$)/;
/** Keys the core schema reads as null or a boolean (`null:` is the key "" to `yaml`): left to it. */
const specialKeys = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);

/** The key of a `key: ...` entry, or outside the subset. */
function keyOf(match: RegExpExecArray, seen: Record<string, unknown>): string {
  const key = match[1]!;
  if (specialKeys.has(key) || Object.hasOwn(seen, key) || key === "__proto__") outside();
  return key;
}

function readMapping(reader: Reader, indent: number): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  for (let line = reader.lines[reader.at]; line && line.indent === indent && !isItem(line);) {
    const match = keyPattern.exec(line.text) ?? outside();
    const key = keyOf(match, mapping);
    const rest = line.text.slice(match[0].length).trim();
    reader.at += 1;
    mapping[key] = rest === "" || rest.startsWith("#") ? readNested(reader, indent, true) : readInline(rest);
    line = reader.lines[reader.at];
  }
  const next = reader.lines[reader.at];
  if (next && next.indent > indent) outside();
  return mapping;
}

function readSequence(reader: Reader, indent: number): unknown[] {
  const sequence: unknown[] = [];
  for (let line = reader.lines[reader.at]; line && line.indent === indent && isItem(line);) {
    const content = line.text.slice(1);
    const rest = content.trimStart();
    if (rest === "" || rest.startsWith("#")) {
      reader.at += 1;
      sequence.push(readNested(reader, indent, false));
    } else if (keyPattern.test(rest)) {
      // "- key: value" opens a mapping whose keys line up with this first one.
      const column = indent + 1 + (content.length - rest.length);
      reader.lines[reader.at] = { indent: column, text: rest };
      sequence.push(readMapping(reader, column));
    } else {
      reader.at += 1;
      sequence.push(readInline(rest));
    }
    line = reader.lines[reader.at];
  }
  const next = reader.lines[reader.at];
  if (next && next.indent > indent) outside();
  return sequence;
}

/** The value of `key:` or `-` with nothing after it: a deeper block, a sequence under a key, or null. */
function readNested(reader: Reader, indent: number, underKey: boolean): unknown {
  const next = reader.lines[reader.at];
  if (next && next.indent > indent) return readBlock(reader, next.indent);
  // A mapping's value may be a sequence at the mapping's own indentation.
  if (underKey && next && next.indent === indent && isItem(next)) return readSequence(reader, indent);
  return null;
}

/** A value written on the same line as its key or dash. */
function readInline(text: string): unknown {
  const first = text[0];
  if (first === "[") return readFlow(text, "[", "]").map(plainScalar);
  if (first === "{") {
    const mapping: Record<string, unknown> = {};
    for (const entry of readFlow(text, "{", "}")) {
      const match = keyPattern.exec(entry) ?? outside();
      const key = keyOf(match, mapping);
      mapping[key] = plainScalar(entry.slice(match[0].length).trim());
    }
    return mapping;
  }
  if (first === '"' || first === "'") return quoted(text, first);
  return plainScalar(withoutComment(text));
}

/** The comma-separated entries of a one-line flow collection of plain scalars. */
function readFlow(text: string, open: string, close: string): string[] {
  const body = withoutComment(text);
  if (!body.endsWith(close)) outside();
  const inner = body.slice(1, -1);
  if (/[[\]{}"'#]/.test(inner)) outside();
  if (inner.trim() === "") return [];
  const entries = inner.split(",").map((entry) => entry.trim());
  if (entries.some((entry) => entry === "")) outside();
  return entries;
}

/** A quoted scalar that is the whole value (a comment may follow). */
function quoted(text: string, quote: string): string {
  const end = quote === "'" ? closingSingleQuote(text) : text.indexOf('"', 1);
  if (end < 0) outside();
  const after = text.slice(end + 1).trim();
  if (after !== "" && !after.startsWith("#")) outside();
  const body = text.slice(1, end);
  if (quote === '"' && body.includes("\\")) outside();
  return quote === "'" ? body.replaceAll("''", "'") : body;
}

function closingSingleQuote(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") i += 1;
    else return i;
  }
  return -1;
}

/** The text before a comment (` #`). */
function withoutComment(text: string): string {
  const hash = text.indexOf(" #");
  return (hash < 0 ? text : text.slice(0, hash)).trimEnd();
}

const integer = /^-?[0-9]{1,15}$/;
const decimal = /^-?[0-9]{1,15}\.[0-9]{1,15}$/;
/** Every other plain scalar YAML 1.2's core schema reads as a number (octal, hex, exponents, .inf, .nan, +5...). */
const otherCoreNumber =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A plain scalar as YAML 1.2's core schema resolves it (see the module comment for what is left out). */
function plainScalar(text: string): unknown {
  if (integer.test(text) || decimal.test(text)) {
    const number = Number(text);
    return Object.is(number, -0) ? outside() : number;
  }
  if (otherCoreNumber.test(text)) return outside();
  if (text === "" || /^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || text.includes(": ") || text.endsWith(":"))
    return outside();
  switch (text) {
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
    default:
      return text;
  }
}
