/**
 * Which policy sections read which profile field, found by static analysis of the templates (so
 * it includes branches a given organization does not take). Answers "what changes if I edit this?".
 */
import { liquidEngine } from "./liquid.ts";
import { loadLibrary, type PolicyTemplate } from "./load.ts";

const profileRoots = new Set([
  "organization",
  "services",
  "hosting",
  "tools",
  "people",
  "governance",
  "access",
  "auditing",
  "risk",
  "vulnerability",
  "training",
  "incidents",
  "breach",
  "contingency",
  "dataLifecycle",
  "modules",
]);

/** Heading lines of a template source: [line, section id], in order. */
function headingLines(source: string): [number, string][] {
  const found: [number, string][] = [];
  source.split("\n").forEach((line, index) => {
    const match = /^#{2,3}\s.*\{#([a-z0-9-]+)/.exec(line);
    if (match) found.push([index + 1, match[1]!]);
  });
  return found;
}

/** Normalizes "people.securityOfficer.name" and drops array indexes: a field, not an element. */
function fieldPath(segments: unknown[]): string | null {
  const names = segments.filter((s): s is string => typeof s === "string");
  return names.length > 0 && profileRoots.has(names[0]!) ? names.join(".") : null;
}

function record(usage: Map<string, Set<string>>, path: string | null, where: string): void {
  if (!path) return;
  const set = usage.get(path) ?? new Set<string>();
  set.add(where);
  usage.set(path, set);
}

export function fieldUsage(templates: PolicyTemplate[] = loadLibrary()): Map<string, string[]> {
  const liquid = liquidEngine();
  const usage = new Map<string, Set<string>>();
  for (const template of templates) {
    const id = template.meta.id;
    const headings = headingLines(template.source);
    const sectionAt = (row: number) => headings.filter(([line]) => line <= row).at(-1)?.[1];
    for (const variables of Object.values(liquid.analyzeSync(template.body).globals)) {
      for (const variable of variables) {
        const section = sectionAt(variable.location.row);
        record(usage, fieldPath(variable.segments), section ? `${id}#${section}` : id);
      }
    }
    for (const commitment of template.meta.commitments) {
      const parsed = template.commitments.get(commitment.id);
      if (!parsed) continue;
      for (const variables of Object.values(liquid.analyzeSync(parsed.text).globals)) {
        for (const variable of variables)
          record(usage, fieldPath(variable.segments), `${id}#${commitment.section}`);
      }
    }
  }
  return new Map([...usage].map(([path, places]) => [path, [...places].sort()]));
}
