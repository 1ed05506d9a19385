/** `index.html`: who the policies belong to, which version is in effect, and every policy and section. */
import { escapeHtml } from "../markdown-it.ts";
import type { RenderedPolicy, RenderedSection } from "../../templates/model.ts";
import { layout, pages, type SiteContext } from "./layout.ts";

/** Nests level-3 sections under the level-2 section before them. */
export function nestSections(
  sections: RenderedSection[],
): { section: RenderedSection; children: RenderedSection[] }[] {
  const tree: { section: RenderedSection; children: RenderedSection[] }[] = [];
  for (const section of sections) {
    const parent = tree.at(-1);
    if (section.level === 3 && parent) parent.children.push(section);
    else tree.push({ section, children: [] });
  }
  return tree;
}

/** An ordered list of a policy's sections linking to `hrefOf(section)`. */
export function sectionList(
  policy: RenderedPolicy,
  hrefOf: (section: RenderedSection) => string,
  className: string,
): string {
  const item = (section: RenderedSection) =>
    `<a href="${escapeHtml(hrefOf(section))}"><span class="num">${escapeHtml(section.number)}</span>${escapeHtml(section.title)}</a>`;
  const items = nestSections(policy.sections).map(({ section, children }) => {
    const nested =
      children.length === 0
        ? ""
        : `<ol class="plain">${children.map((child) => `<li>${item(child)}</li>`).join("")}</ol>`;
    return `<li>${item(section)}${nested}</li>`;
  });
  return `<ol class="plain ${className}">${items.join("")}</ol>`;
}

function policyEntry(policy: RenderedPolicy): string {
  const file = `${policy.id}.html`;
  return `<li>
<h3><a href="${file}"><span class="num">${policy.number}.</span>${escapeHtml(policy.title)}</a></h3>
<p>${escapeHtml(policy.summary)}</p>
${sectionList(policy, (section) => `${file}#${section.id}`, "section-list")}
</li>`;
}

/** The home page of the site. */
export function renderIndexPage(ctx: SiteContext): string {
  const { set, extras } = ctx;
  const org = set.profile.organization;
  const shared =
    extras.sharedResponsibility === null
      ? ""
      : `, and <a href="${pages.shared}">who is responsible for what</a> under each service`;
  const body = `<h1>${escapeHtml(org.name)} HIPAA Policies</h1>
<p class="lead">The ${set.policies.length} policies below describe how ${escapeHtml(org.legalName)} protects electronic protected health information: what is required, who does it, how often, and what record it leaves.</p>
<dl class="facts">
<dt>Version</dt><dd>${escapeHtml(set.version)}</dd>
<dt>Effective</dt><dd><time datetime="${escapeHtml(set.effectiveDate)}">${escapeHtml(set.effectiveDate)}</time></dd>
<dt>Content hash</dt><dd><code>${escapeHtml(set.contentHash)}</code></dd>
</dl>
<p>See also <a href="${pages.citations}">each HIPAA citation and the sections that address it</a>${shared}.</p>
<h2>Contents</h2>
<ol class="plain policy-list">
${set.policies.map(policyEntry).join("\n")}
</ol>`;
  return layout(ctx, pages.index, "Contents", body);
}
