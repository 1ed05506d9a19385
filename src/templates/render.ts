/**
 * Renders the policy library against one profile into a numbered, cross-referenced, checked
 * PolicySet. Every problem in every template is collected and reported together.
 */
import { createHash } from "node:crypto";
import type { Template } from "liquidjs";
import { canonicalCitation } from "../catalog/normalize.ts";
import { loadCatalog } from "../catalog/catalog.ts";
import type { Profile } from "../profile/schema.ts";
import { findPlaceholder } from "./checks.ts";
import { buildCommitment } from "./commitments.ts";
import { buildScope } from "./context.ts";
import { TemplateError, fromLiquidError, type TemplateProblem } from "./errors.ts";
import { renderLiquid } from "./fast-liquid.ts";
import { liquidEngine } from "./liquid.ts";
import { loadLibrary, type PolicyTemplate } from "./load.ts";
import type { PolicySet, RenderedPolicy, RenderedSection } from "./model.ts";
import { resolveRefs, type RefTarget } from "./refs.ts";
import { applySectionText, type SectionText } from "./section-text.ts";
import { splitSections, sourceLineOf, type ParsedSection } from "./sections.ts";
import { sharedResponsibilityRows, type SharedResponsibilityRow } from "./shared-responsibility.ts";
import type { RenderState } from "./tags.ts";

interface Draft {
  template: PolicyTemplate;
  number: number;
  summary: string;
  intro: string;
  sections: ParsedSection[];
  state: RenderState;
}

export interface RenderOptions {
  /** Directory of templates; defaults to content/policies. */
  templatesDir?: string;
  /**
   * The organization's own text for some sections (see `applySectionText`). An entry naming a
   * policy or section this profile does not render is ignored: callers that accept new entries
   * check them against the result.
   */
  sectionText?: readonly SectionText[];
}

export function renderPolicySet(profile: Profile, options: RenderOptions = {}): PolicySet {
  const templates = loadLibrary(options.templatesDir);
  const scope = buildScope(profile);
  scope.sharedResponsibility = sharedResponsibilityRows(profile, scope);
  const problems: TemplateProblem[] = [];
  const liquid = liquidEngine();
  const run = (file: string, parsed: Template[], state: RenderState | null): string | null => {
    try {
      return renderLiquid(liquid, parsed, scope, { profile, state });
    } catch (error) {
      problems.push(fromLiquidError(file, error));
      return null;
    }
  };
  const included = templates.filter((t) => !t.when || run(t.file, t.when, null) === "true");
  const drafts: Draft[] = [];
  // Structural problems do not stop the later checks; a template that failed to render does, since
  // references to it would all report as broken.
  let renderFailed = false;
  included.forEach((template, index) => {
    const state: RenderState = {
      policyId: template.meta.id,
      commitments: new Map(),
      rendered: new Map(),
      errors: [],
    };
    for (const declaration of template.meta.commitments) {
      const parsed = template.commitments.get(declaration.id)!;
      const active = !parsed.when || run(template.file, parsed.when, null) === "true";
      state.commitments.set(declaration.id, { declaration, text: parsed.text, active });
    }
    const body = run(template.file, template.body, state);
    const summary = run(template.file, template.summary, null);
    for (const e of state.errors) problems.push({ file: template.file, line: e.line, message: e.message });
    if (body === null || summary === null) {
      renderFailed = true;
      return;
    }
    const { intro, sections } = splitSections(body, index + 1, template.file, template.source, problems);
    drafts.push({ template, number: index + 1, summary: summary.trim(), intro, sections, state });
  });
  if (renderFailed) throw new TemplateError(problems);
  const targets = refTargets(drafts);
  const policies = drafts.map((draft) =>
    finishPolicy(draft, profile, scope, targets, problems, options.sectionText ?? []),
  );
  if (problems.length > 0) throw new TemplateError(problems);
  const hash = createHash("sha256");
  for (const p of policies)
    hash.update(
      `${p.id}\n${p.intro}\n${p.sections.map((s) => `${s.number} ${s.title}\n${s.markdown}`).join("\n")}\n`,
    );
  return {
    profile,
    version: profile.governance.version,
    effectiveDate: profile.governance.effectiveDate,
    policies,
    sharedResponsibility: profile.modules.sharedResponsibility
      ? (scope.sharedResponsibility as SharedResponsibilityRow[])
      : null,
    contentHash: hash.digest("hex"),
  };
}

function refTargets(drafts: Draft[]): Map<string, RefTarget> {
  return new Map(
    drafts.map((d) => [
      d.template.meta.id,
      {
        number: String(d.number),
        title: d.template.meta.title,
        file: d.template.file,
        sections: new Map(d.sections.map((s) => [s.id, { number: s.number, title: s.title }])),
      },
    ]),
  );
}

function canonical(file: string, raw: string, where: string, problems: TemplateProblem[]): string | null {
  try {
    return canonicalCitation(raw);
  } catch (error) {
    problems.push({
      file,
      line: null,
      message: `${where}: ${error instanceof Error ? error.message : String(error)}`,
    });
    return null;
  }
}

function finishPolicy(
  draft: Draft,
  profile: Profile,
  scope: Record<string, unknown>,
  targets: Map<string, RefTarget>,
  problems: TemplateProblem[],
  sectionText: readonly SectionText[],
): RenderedPolicy {
  const { template, state } = draft;
  const file = template.file;
  const catalog = loadCatalog();
  for (const [kind, ids, known] of [
    ["hitrust", template.meta.hitrust, catalog.hitrust],
    ["nist", template.meta.nist, catalog.nist],
  ] as const) {
    for (const id of ids)
      if (!known.has(id))
        problems.push({ file, line: null, message: `front matter ${kind}: "${id}" is not in the catalog` });
  }
  const lineAt = (offset: number) => template.bodyText.slice(0, offset).split("\n").length;
  const sectionById = new Map(draft.sections.map((s) => [s.id, s]));
  const commitments = [...state.commitments.values()]
    .filter((c) => c.active)
    .flatMap(({ declaration }) => {
      const section = sectionById.get(declaration.section);
      const sentence = state.rendered.get(declaration.id);
      if (!section) {
        problems.push({
          file,
          line: null,
          message: `commitment "${declaration.id}" names section "${declaration.section}", which is not in the rendered policy`,
        });
        return [];
      }
      if (sentence === undefined) {
        problems.push({
          file,
          line: null,
          message: `commitment "${declaration.id}" is declared but never rendered with {% commitment "${declaration.id}" %}`,
        });
        return [];
      }
      const citations = declaration.citations
        .map((c) => canonical(file, c, `commitment "${declaration.id}"`, problems))
        .filter((c): c is string => c !== null);
      return [
        buildCommitment({
          declaration,
          policyId: template.meta.id,
          section,
          text: sentence,
          evidence: template.commitments.get(declaration.id)!.evidence,
          citations,
          profile,
          scope,
          file,
          problems,
        }),
      ];
    });
  const sections: RenderedSection[] = draft.sections.map((s) => {
    const own = s.cites
      .map((c) => canonical(file, c, `section "${s.id}" cites`, problems))
      .filter((c): c is string => c !== null);
    const fromCommitments = commitments.filter((c) => c.sectionId === s.id).flatMap((c) => c.citations);
    const replaced = sectionText.find((t) => t.policyId === template.meta.id && t.sectionId === s.id);
    const source = replaced
      ? applySectionText(replaced.markdown, [...state.rendered.keys()], commitments, s.id)
      : s.markdown;
    const markdown = resolveRefs(source, file, targets, problems, lineAt);
    const placeholder = findPlaceholder(s.title) ?? findPlaceholder(markdown);
    if (placeholder)
      problems.push({
        file,
        line: sourceLineOf(template.source, `{#${s.id}`),
        message: `section "${s.id}" contains ${placeholder.what}: "${placeholder.excerpt}"`,
      });
    return {
      id: s.id,
      title: s.title,
      level: s.level,
      number: s.number,
      citations: unique([...own, ...fromCommitments]),
      markdown,
    };
  });
  const intro = resolveRefs(draft.intro, file, targets, problems, lineAt);
  const introPlaceholder = findPlaceholder(`${draft.summary}\n${intro}`);
  if (introPlaceholder)
    problems.push({
      file,
      line: null,
      message: `introduction contains ${introPlaceholder.what}: "${introPlaceholder.excerpt}"`,
    });
  return {
    id: template.meta.id,
    title: template.meta.title,
    number: draft.number,
    summary: draft.summary,
    intro,
    sections,
    commitments,
    citations: unique(sections.flatMap((s) => s.citations)),
    hitrust: template.meta.hitrust,
    nist: template.meta.nist,
  };
}

const unique = (items: string[]) => [...new Set(items)];
