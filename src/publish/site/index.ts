/** The static site publication: every file of `site/`, as relative path -> content. */
import type { PolicySet } from "../../templates/model.ts";
import { renderCitationsPage } from "./citations-page.ts";
import { renderIndexPage } from "./index-page.ts";
import { pages, type SiteContext } from "./layout.ts";
import { renderPolicyPage } from "./policy-page.ts";
import { buildSearchIndex, searchScript } from "./search.ts";
import { renderSharedPage } from "./shared-page.ts";
import { siteCss } from "./style.ts";
import type { SiteExtras } from "./types.ts";

export type { CoverageRow, SharedResponsibilityRow, SiteExtras } from "./types.ts";

/**
 * Renders the whole site. Pure: the caller writes the files, so a failed build leaves nothing
 * half-written. All links are relative, so the folder works from disk or any web server.
 */
export function renderSite(set: PolicySet, extras: SiteExtras): Map<string, string> {
  const ctx: SiteContext = { set, extras };
  const files = new Map<string, string>();
  for (const policy of set.policies) {
    // A policy named like a site page would silently overwrite it; refuse instead.
    if (Object.values(pages).includes(`${policy.id}.html` as never))
      throw new Error(
        `Policy id "${policy.id}" collides with the site page ${policy.id}.html; rename the policy.`,
      );
  }
  files.set(pages.index, renderIndexPage(ctx));
  for (const policy of set.policies) files.set(`${policy.id}.html`, renderPolicyPage(ctx, policy));
  files.set(pages.citations, renderCitationsPage(ctx));
  if (extras.sharedResponsibility !== null)
    files.set(pages.shared, renderSharedPage(ctx, extras.sharedResponsibility));
  const entries = buildSearchIndex(set);
  files.set(
    "search-index.json",
    `${JSON.stringify({ version: set.version, effectiveDate: set.effectiveDate, entries }, null, 2)}\n`,
  );
  files.set("search.js", searchScript(entries));
  files.set("style.css", siteCss);
  return files;
}
