/**
 * Reads the policy library: front matter validated, Liquid parsed once. Parsed templates are cached
 * per directory (and checked against file times) so a warm build does no parsing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Template } from "liquidjs";
import { parseYamlCached as parseYaml } from "../yaml-cache.ts";
import { contentDir, packageRoot } from "../paths.ts";
import { TemplateError, fromLiquidError, type TemplateProblem } from "./errors.ts";
import { PolicyFrontMatter } from "./frontmatter.ts";
import { liquidEngine } from "./liquid.ts";

export interface PolicyTemplate {
  file: string;
  meta: PolicyFrontMatter;
  /** Body with the front matter replaced by blank lines, so Liquid line numbers match the file. */
  body: Template[];
  /** The body text the Liquid offsets refer to (front matter blanked out). */
  bodyText: string;
  summary: Template[];
  when: Template[] | null;
  /** Each commitment's sentence, evidence and condition, parsed once. */
  commitments: Map<string, ParsedCommitment>;
  source: string;
}

export interface ParsedCommitment {
  text: Template[];
  evidence: Template[];
  when: Template[] | null;
}

const cache = new Map<string, { stamp: string; templates: PolicyTemplate[] }>();

function splitFrontMatter(file: string, source: string): { yaml: string; body: string; yamlStart: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match)
    throw new TemplateError([
      { file, line: 1, message: "expected front matter between '---' lines at the top" },
    ]);
  const frontLines = match[0].split("\n").length - 1;
  return { yaml: match[1]!, body: "\n".repeat(frontLines) + source.slice(match[0].length), yamlStart: 2 };
}

function parseOne(file: string, source: string, problems: TemplateProblem[]): PolicyTemplate | null {
  const { yaml, body } = splitFrontMatter(file, source);
  const parsed = PolicyFrontMatter.safeParse(parseYaml(yaml));
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ file, line: null, message: `front matter ${issue.path.join(".")}: ${issue.message}` });
    return null;
  }
  const liquid = liquidEngine();
  const tryParse = (text: string, where: string): Template[] | null => {
    try {
      return liquid.parse(text, file);
    } catch (error) {
      const problem = fromLiquidError(file, error);
      problems.push(where ? { ...problem, message: `${where}: ${problem.message}` } : problem);
      return null;
    }
  };
  const meta = parsed.data;
  const commitments = new Map<string, ParsedCommitment>();
  for (const c of meta.commitments) {
    const text = tryParse(c.text, `commitment "${c.id}"`);
    const evidence = tryParse(c.evidence, `commitment "${c.id}" evidence`);
    const when = c.when ? tryParse(`{% if ${c.when} %}true{% endif %}`, `commitment "${c.id}" when`) : null;
    if (text && evidence) commitments.set(c.id, { text, evidence, when });
  }
  const parsedBody = tryParse(body, "");
  const summary = tryParse(meta.summary, "summary");
  const when = meta.when ? tryParse(`{% if ${meta.when} %}true{% endif %}`, "when") : null;
  if (!parsedBody || !summary || (meta.when && !when)) return null;
  return { file, meta, body: parsedBody, bodyText: body, summary, when, commitments, source };
}

/** Loads every `*.md` template of a directory (default: content/policies), sorted by order. */
export function loadLibrary(dir = contentDir("policies")): PolicyTemplate[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort();
  const stamp = names.map((n) => `${n}:${statSync(join(dir, n)).mtimeMs}`).join("|");
  const hit = cache.get(dir);
  if (hit && hit.stamp === stamp) return hit.templates;
  const problems: TemplateProblem[] = [];
  const templates: PolicyTemplate[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(packageRoot(), path).startsWith("..") ? path : relative(packageRoot(), path);
    const template = parseOne(file, readFileSync(path, "utf8"), problems);
    if (template && template.meta.id !== name.replace(/\.md$/, "")) {
      problems.push({
        file,
        line: null,
        message: `front matter id "${template.meta.id}" must match the file name`,
      });
    }
    if (template) templates.push(template);
  }
  checkUniqueIds(templates, problems);
  if (problems.length > 0) throw new TemplateError(problems);
  templates.sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id));
  cache.set(dir, { stamp, templates });
  return templates;
}

function checkUniqueIds(templates: PolicyTemplate[], problems: TemplateProblem[]): void {
  const owners = new Map<string, string>();
  for (const t of templates) {
    for (const c of t.meta.commitments) {
      const previous = owners.get(c.id);
      if (previous)
        problems.push({
          file: t.file,
          line: null,
          message: `commitment id "${c.id}" is also declared in ${previous}`,
        });
      owners.set(c.id, t.file);
    }
  }
}
