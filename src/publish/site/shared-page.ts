/** `responsibility-matrix.html`: for each area of protection, who does the work under each offering. */
import { escapeHtml } from "../markdown-it.ts";
import { citationAnchor, layout, pages, type SiteContext } from "./layout.ts";
import type { SharedResponsibilityRow } from "./types.ts";

type Responsibility = SharedResponsibilityRow["byOffering"][number]["responsibility"];

/** The shared-responsibility page; call only when the extras carry rows. */
export function renderSharedPage(ctx: SiteContext, rows: SharedResponsibilityRow[]): string {
  const profile = ctx.set.profile;
  const known = new Set(ctx.extras.coverage.map((row) => row.id));
  // Columns follow the profile's order of offerings, then any name only the rows mention.
  const offerings = profile.services.offerings.map((o) => o.name);
  for (const r of rows)
    for (const cell of r.byOffering) if (!offerings.includes(cell.offering)) offerings.push(cell.offering);

  // Who is responsible, in the organization's own words for itself and its customers.
  const who = (offering: string, responsibility: Responsibility): string => {
    switch (responsibility) {
      case "organization":
        return profile.organization.name;
      case "customer":
        return (
          profile.services.offerings.find((o) => o.name === offering)?.customerTerm ??
          profile.services.customerTerm
        );
      case "shared":
        return "Shared";
    }
  };
  const cite = (id: string) =>
    known.has(id)
      ? `<a href="${pages.citations}#${escapeHtml(citationAnchor(id))}">${escapeHtml(id)}</a>`
      : escapeHtml(id);
  const body = rows.map((r) => {
    const cells = offerings.map((offering) => {
      const cell = r.byOffering.find((c) => c.offering === offering);
      if (cell === undefined) return "<td>Not applicable</td>";
      const note = cell.note === "" ? "" : `<br>${escapeHtml(cell.note)}`;
      return `<td><strong>${escapeHtml(who(offering, cell.responsibility))}</strong>${note}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(r.area)}</th><td>${r.citations.map(cite).join(", ")}</td>${cells.join("")}</tr>`;
  });
  const head = offerings.map((o) => `<th scope="col">${escapeHtml(o)}</th>`).join("");
  const content = `<h1>Shared responsibility</h1>
<p class="lead">What ${escapeHtml(profile.organization.name)} does, what its ${escapeHtml(profile.services.customerTerm)} must do themselves, and what both share, for each area of protection and each service.</p>
<table>
<thead><tr><th scope="col">Area</th><th scope="col">Citations</th>${head}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
  return layout(ctx, pages.shared, "Shared responsibility", content);
}
