/**
 * Reads an organization profile from YAML or JSON text, validates it and runs the regulatory lint.
 * Every finding carries the line it points at, so a user can go straight to the value to fix.
 */
import { readFileSync } from "node:fs";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { describeFound, validateProfileData, type Finding, type LineOf } from "./errors.ts";
import { lintProfile } from "./lint.ts";
import { readSimpleYaml } from "./simple-yaml.ts";
import type { Profile } from "./schema.ts";

/** A loaded profile with its lint warnings, or every error found (warnings only come with a valid profile). */
export type LoadResult =
  { ok: true; profile: Profile; warnings: Finding[] } | { ok: false; errors: Finding[]; warnings: Finding[] };

const readProblems: Record<string, string> = {
  ENOENT: "file not found",
  EISDIR: "is a directory; expected a profile file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** Reads, validates and lints the profile at `path`; file problems become findings, not exceptions. */
export function loadProfileFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return fileError(path, readProblems[code] ?? `could not be read (${code})`, null);
  }
  return parseProfileText(text, path);
}

/** Validates and lints profile text; `fileName` names the source in file-level findings. */
export function parseProfileText(text: string, fileName: string): LoadResult {
  // Most profiles are plain YAML that validates with no finding: then positions are never needed,
  // and the small reader is enough. Anything else, including any finding, takes the full path below,
  // so every message still names its line.
  const simple = readSimpleYaml(text);
  if (simple !== undefined) {
    const checked = validateProfileData(simple);
    if (checked.ok && lintProfile(checked.profile).length === 0)
      return { ok: true, profile: checked.profile, warnings: [] };
  }
  const lines = new LineCounter();
  // JSON is YAML 1.2, so one parser serves both and keeps positions for either.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    return fileError(fileName, `YAML syntax error at line ${line}, column ${col}: ${syntax.message}`, line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fileError(
      fileName,
      `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
      null,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    const got = data === null ? "nothing (the file is empty)" : describeFound(data, true);
    return fileError(
      fileName,
      `expected a mapping of profile sections such as organization, services and hosting, got ${got}`,
      1,
    );
  }
  const lineOf = lineFinder(doc, lines);
  const checked = validateProfileData(data, lineOf);
  if (!checked.ok) return { ok: false, errors: checked.errors, warnings: [] };
  const findings = lintProfile(checked.profile).map((f) => ({ ...f, line: lineOf(splitPath(f.path)) }));
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  return errors.length > 0
    ? { ok: false, errors, warnings }
    : { ok: true, profile: checked.profile, warnings };
}

function fileError(fileName: string, message: string, line: number | null): LoadResult {
  return { ok: false, errors: [{ path: fileName, message, line, severity: "error" }], warnings: [] };
}

function splitPath(path: string): string[] {
  return path === "" ? [] : path.split(".");
}

/**
 * Line of the key (or list item) a path names, or of the deepest part of the path present in the
 * document: a defaulted field points at its section, a missing section at nothing.
 */
function lineFinder(doc: Document, lines: LineCounter): LineOf {
  return (path) => {
    let node: unknown = doc.contents;
    let line: number | null = null;
    for (const key of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let start: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        start = (pair?.key as Node | undefined)?.range?.[0];
        node = pair?.value;
      } else if (isSeq(node)) {
        node = node.items[Number(key)];
        start = (node as Node | undefined)?.range?.[0];
      } else break;
      if (start === undefined) break;
      line = lines.linePos(start).line;
    }
    return line;
  };
}
