/**
 * Splits a rendered policy into its intro and numbered sections. Headings carry their id and
 * citations in an attribute block: `## Automatic logoff {#automatic-logoff cites="164.312(a)(2)(iii)"}`.
 */
import type { TemplateProblem } from "./errors.ts";

export interface ParsedSection {
  id: string;
  title: string;
  level: 2 | 3;
  number: string;
  cites: string[];
  markdown: string;
}

const headingPattern = /^(#{1,6})\s+(.*?)\s*$/;
const attributePattern = /^(.*?)\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s+cites="([^"]*)")?\s*\}$/;

/** The citations of a heading's attribute block, `cites="a b"`. */
const citesOf = (attributes: RegExpExecArray) => (attributes[3] ?? "").split(/\s+/).filter(Boolean);

/** Every citation the headings of `markdown` name (template source or rendered text). */
export function headingCitations(markdown: string): string[] {
  const citations: string[] = [];
  for (const line of markdown.split("\n")) {
    const attributes = line.startsWith("#")
      ? attributePattern.exec(headingPattern.exec(line)?.[2] ?? "")
      : null;
    if (attributes) citations.push(...citesOf(attributes));
  }
  return citations;
}

/** Line of `{#id` in the template source, to point errors at the file. */
export function sourceLineOf(source: string, needle: string): number | null {
  const index = source.indexOf(needle);
  return index < 0 ? null : source.slice(0, index).split("\n").length;
}

export function splitSections(
  markdown: string,
  policyNumber: number,
  file: string,
  source: string,
  problems: TemplateProblem[],
): { intro: string; sections: ParsedSection[] } {
  const intro: string[] = [];
  const sections: (ParsedSection & { lines: string[] })[] = [];
  let major = 0;
  let minor = 0;
  let inFence = false;
  for (const line of markdown.split("\n")) {
    // The cheap tests first: most lines are neither fences nor headings.
    if (line.includes("```") && /^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence || !line.startsWith("#") ? null : headingPattern.exec(line);
    if (!heading) {
      (sections.at(-1)?.lines ?? intro).push(line);
      continue;
    }
    const level = heading[1]!.length;
    const attributes = attributePattern.exec(heading[2]!);
    if (level !== 2 && level !== 3) {
      problems.push({
        file,
        line: sourceLineOf(source, line.trim()),
        message: `only ## sections and ### subsections are allowed, got "${line.trim()}"`,
      });
      continue;
    }
    if (!attributes) {
      problems.push({
        file,
        line: sourceLineOf(source, line.trim()),
        message: `heading "${heading[2]!}" needs an id: add {#section-id}`,
      });
      continue;
    }
    if (level === 3 && major === 0) {
      problems.push({
        file,
        line: sourceLineOf(source, `{#${attributes[2]!}`),
        message: `subsection "${attributes[2]!}" comes before any ## section`,
      });
      continue;
    }
    if (level === 2) {
      major += 1;
      minor = 0;
    } else {
      minor += 1;
    }
    sections.push({
      id: attributes[2]!,
      title: attributes[1]!,
      level,
      number: level === 2 ? `${policyNumber}.${major}` : `${policyNumber}.${major}.${minor}`,
      cites: citesOf(attributes),
      markdown: "",
      lines: [],
    });
  }
  checkSections(sections, file, source, problems);
  return {
    intro: intro.join("\n").trim(),
    sections: sections.map(({ lines, ...section }) => ({ ...section, markdown: lines.join("\n").trim() })),
  };
}

function checkSections(
  sections: (ParsedSection & { lines: string[] })[],
  file: string,
  source: string,
  problems: TemplateProblem[],
): void {
  const seen = new Set<string>();
  sections.forEach((section, index) => {
    if (seen.has(section.id))
      problems.push({
        file,
        line: sourceLineOf(source, `{#${section.id}`),
        message: `section id "${section.id}" is used twice`,
      });
    seen.add(section.id);
    const hasText = section.lines.some((l) => l.trim() !== "");
    const next = sections[index + 1];
    const hasChildren = section.level === 2 && next?.level === 3;
    if (!hasText && !hasChildren) {
      problems.push({
        file,
        line: sourceLineOf(source, `{#${section.id}`),
        message: `section "${section.id}" is empty`,
      });
    }
  });
}
