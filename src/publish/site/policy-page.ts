/** `<policy-id>.html`: one policy with its citations, numbered sections and commitments table. */
import { escapeHtml, renderMarkdown } from "../markdown-it.ts";
import type { RenderedPolicy } from "../../templates/model.ts";
import { sectionList } from "./index-page.ts";
import { citationAnchor, layout, pages, siteRefHref, type SiteContext } from "./layout.ts";
import { ownerLabel, scheduleLabel } from "./words.ts";

/** Anchor of a commitment's row in the commitments table, linked from citations.html. */
export function commitmentAnchor(commitmentId: string): string {
  return `commitment--${commitmentId}`;
}

function citationBox(ctx: SiteContext, policy: RenderedPolicy): string {
  // Link a HIPAA citation only when citations.html has its row, so no link can dangle.
  const known = new Set(ctx.extras.coverage.map((row) => row.id));
  const hipaa = policy.citations
    .map((id) =>
      known.has(id)
        ? `<a href="${pages.citations}#${escapeHtml(citationAnchor(id))}">${escapeHtml(id)}</a>`
        : escapeHtml(id),
    )
    .join(", ");
  const rows: [string, string][] = [["HIPAA (45 CFR)", hipaa]];
  if (policy.hitrust.length > 0) rows.push(["HITRUST CSF", escapeHtml(policy.hitrust.join(", "))]);
  if (policy.nist.length > 0) rows.push(["NIST SP 800-53 rev5", escapeHtml(policy.nist.join(", "))]);
  const items = rows
    .map(([label, value]) => `<dt>${label}</dt><dd>${value === "" ? "None" : value}</dd>`)
    .join("");
  return `<section class="citation-box" aria-labelledby="policy--citations"><h2 id="policy--citations">Applicable citations</h2><dl>${items}</dl></section>`;
}

function sectionsHtml(policy: RenderedPolicy): string {
  return policy.sections
    .map((section) => {
      const tag = section.level === 2 ? "h2" : "h3";
      const cites =
        section.citations.length === 0
          ? ""
          : `<p class="cites">Addresses ${escapeHtml(section.citations.join(", "))}</p>`;
      const heading = `<${tag} id="${escapeHtml(section.id)}"><span class="num">${escapeHtml(section.number)}</span>${escapeHtml(section.title)}</${tag}>`;
      return `${heading}\n${cites}\n${renderMarkdown(section.markdown, siteRefHref)}`;
    })
    .join("\n");
}

function commitmentsTable(ctx: SiteContext, policy: RenderedPolicy): string {
  if (policy.commitments.length === 0)
    return `<h2 id="policy--commitments">Commitments in this policy</h2>\n<p>This policy makes no scheduled commitments.</p>`;
  const rows = policy.commitments.map(
    (c) => `<tr id="${escapeHtml(commitmentAnchor(c.id))}">
<td>${escapeHtml(c.text)} <a href="#${escapeHtml(c.sectionId)}">(section ${escapeHtml(c.sectionNumber)})</a></td>
<td>${escapeHtml(ownerLabel(ctx.set.profile, c.owner))}</td>
<td>${escapeHtml(scheduleLabel(c.schedule))}</td>
<td>${escapeHtml(c.evidence)}</td>
</tr>`,
  );
  return `<h2 id="policy--commitments">Commitments in this policy</h2>
<table>
<thead><tr><th scope="col">Commitment</th><th scope="col">Owner</th><th scope="col">Schedule</th><th scope="col">Evidence</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function pager(ctx: SiteContext, policy: RenderedPolicy): string {
  const list = ctx.set.policies;
  const at = list.findIndex((p) => p.id === policy.id);
  const link = (p: RenderedPolicy | undefined, label: string) =>
    p === undefined
      ? "<span></span>"
      : `<a href="${p.id}.html">${label}: ${p.number}. ${escapeHtml(p.title)}</a>`;
  return `<nav class="pager" aria-label="Other policies">${link(list[at - 1], "Previous")}${link(list[at + 1], "Next")}</nav>`;
}

/** The page of one policy. */
export function renderPolicyPage(ctx: SiteContext, policy: RenderedPolicy): string {
  const { set } = ctx;
  const file = `${policy.id}.html`;
  const toc = `<nav class="toc" aria-labelledby="policy--toc"><h2 id="policy--toc">On this page</h2>
${sectionList(policy, (section) => `#${section.id}`, "toc-list")}
<ul class="plain"><li><a href="#policy--commitments">Commitments in this policy</a></li></ul></nav>`;
  const body = `<p class="breadcrumb"><a href="${pages.index}">Policies</a> › Policy ${policy.number}</p>
<article class="policy">
<h1><span class="num">${policy.number}.</span>${escapeHtml(policy.title)}</h1>
<p class="meta">Version ${escapeHtml(set.version)} · Effective ${escapeHtml(set.effectiveDate)}</p>
<p class="lead">${escapeHtml(policy.summary)}</p>
<div class="policy-layout">
${toc}
<div class="policy-body">
${citationBox(ctx, policy)}
${renderMarkdown(policy.intro, siteRefHref)}
${sectionsHtml(policy)}
${commitmentsTable(ctx, policy)}
</div>
</div>
</article>
${pager(ctx, policy)}`;
  return layout(ctx, file, `${policy.number}. ${policy.title}`, body);
}
