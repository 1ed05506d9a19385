/** `citations.html`: every HIPAA citation and the policy sections and commitments that address it. */
import { escapeHtml } from "../markdown-it.ts";
import { citationAnchor, layout, pages, type SiteContext } from "./layout.ts";
import { commitmentAnchor } from "./policy-page.ts";
import type { CoverageRow } from "./types.ts";

const sources: { source: CoverageRow["source"]; heading: string; note: string }[] = [
  { source: "security", heading: "Security Rule", note: "45 CFR Part 164, Subpart C" },
  { source: "breach", heading: "Breach Notification Rule", note: "45 CFR Part 164, Subpart D" },
  {
    source: "privacy",
    heading: "Privacy Rule",
    note: "45 CFR Part 164, Subpart E, as it applies to business associates",
  },
];

/** "Required", "Addressable" or "Not applicable": status in words, never by color alone. */
function requirement(ra: CoverageRow["ra"]): string {
  if (ra === "R") return "Required";
  if (ra === "A") return "Addressable";
  return "—";
}

function row(r: CoverageRow): string {
  const sections = r.sections.map(
    (s) =>
      `<li><a href="${escapeHtml(`${s.policyId}.html#${s.sectionId}`)}">${escapeHtml(`${s.sectionNumber} ${s.sectionTitle}`)}</a> <span class="meta">(${escapeHtml(s.policyTitle)})</span></li>`,
  );
  const commitments = r.commitments.map(
    (c) =>
      `<li><a href="${escapeHtml(`${c.policyId}.html#${commitmentAnchor(c.id)}`)}">${escapeHtml(c.id)}</a></li>`,
  );
  const addressed = sections.length === 0 && commitments.length === 0;
  return `<tr id="${escapeHtml(citationAnchor(r.id))}">
<th scope="row"><code>${escapeHtml(r.id)}</code></th>
<td>${escapeHtml(r.title)}<br><span class="meta">${escapeHtml(r.kind.replace(/-/g, " "))}</span></td>
<td>${requirement(r.ra)}</td>
<td>${addressed ? '<span class="status-missing">Not addressed</span>' : `<ul class="plain">${sections.join("")}</ul>`}</td>
<td>${commitments.length === 0 ? "None" : `<ul class="plain">${commitments.join("")}</ul>`}</td>
</tr>`;
}

function table(rows: CoverageRow[], heading: string, note: string): string {
  const covered = rows.filter((r) => r.sections.length > 0 || r.commitments.length > 0).length;
  return `<h2>${heading}</h2>
<p class="meta">${escapeHtml(note)}. Addressed: ${covered} of ${rows.length}.</p>
<table class="coverage">
<colgroup><col class="c-id"><col class="c-title"><col class="c-ra"><col><col class="c-commit"></colgroup>
<thead><tr><th scope="col">Citation</th><th scope="col">Title</th><th scope="col">Required or addressable</th><th scope="col">Addressed in</th><th scope="col">Commitments</th></tr></thead>
<tbody>
${rows.map(row).join("\n")}
</tbody>
</table>`;
}

/** The citation coverage page. */
export function renderCitationsPage(ctx: SiteContext): string {
  const coverage = ctx.extras.coverage;
  const groups = sources
    .map(({ source, heading, note }) => ({
      rows: coverage.filter((r) => r.source === source),
      heading,
      note,
    }))
    .filter((group) => group.rows.length > 0)
    .map((group) => table(group.rows, group.heading, group.note));
  // search.js hides the rows that do not contain every word typed here.
  const filter = `<p class="filter"><label for="site--filter">Filter citations</label><input id="site--filter" type="search" autocomplete="off" aria-describedby="site--filter-status" placeholder="For example: 164.312 or logoff"> <span id="site--filter-status" class="meta" aria-live="polite"></span></p>`;
  const body = `<h1>Citations</h1>
<p class="lead">Each HIPAA standard and implementation specification, whether it is required or addressable, and the policy sections and commitments of version ${escapeHtml(ctx.set.version)} that address it.</p>
${groups.length === 0 ? "<p>No citations were supplied with this build.</p>" : `${filter}\n${groups.join("\n")}`}`;
  return layout(ctx, pages.citations, "Citations", body);
}
