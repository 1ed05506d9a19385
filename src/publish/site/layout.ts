/**
 * The frame every site page shares: head, skip link, header with search, navigation and footer.
 * Own ids contain "--", which template ids (lower-case words joined by single hyphens) never do,
 * so they cannot collide with a section anchor.
 */
import { escapeHtml, parseStewardRef } from "../markdown-it.ts";
import type { PolicySet } from "../../templates/model.ts";
import type { SiteExtras } from "./types.ts";

/** Everything a page renderer reads. */
export interface SiteContext {
  set: PolicySet;
  extras: SiteExtras;
}

/** Site file names that are not policies. */
export const pages = {
  index: "index.html",
  citations: "citations.html",
  shared: "responsibility-matrix.html",
} as const;

/** URL of a cross-reference on the site: `<policy-id>.html` or `<policy-id>.html#<section-id>`. */
export function siteRefHref(href: string): string {
  const ref = parseStewardRef(href);
  if (ref === null) return href;
  return ref.sectionId === null ? `${ref.policyId}.html` : `${ref.policyId}.html#${ref.sectionId}`;
}

/** Anchor of a citation's row on citations.html; its characters are all valid in ids and fragments. */
export function citationAnchor(citation: string): string {
  return `cite--${citation}`;
}

/** The organization's website, only when it is an http(s) URL: nothing else is ever linked out. */
function websiteLink(website: string | null): string {
  if (website === null || !/^https?:\/\//i.test(website)) return "";
  return ` · <a href="${escapeHtml(website)}" rel="noopener">${escapeHtml(website.replace(/^https?:\/\//i, "").replace(/\/$/, ""))}</a>`;
}

/** Wraps a page body in the shared frame. `file` marks the current navigation item. */
export function layout(ctx: SiteContext, file: string, title: string, body: string): string {
  const { set, extras } = ctx;
  const org = set.profile.organization;
  const navItems: [string, string][] = [
    [pages.index, "Policies"],
    [pages.citations, "Citations"],
  ];
  if (extras.sharedResponsibility !== null) navItems.push([pages.shared, "Shared responsibility"]);
  const nav = navItems
    .map(
      ([href, label]) =>
        `<li><a href="${href}"${href === file ? ' aria-current="page"' : ""}>${label}</a></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(org.name)} HIPAA Policies</title>
<link rel="stylesheet" href="style.css">
<script src="search.js" defer></script>
</head>
<body>
<a class="skip-link" href="#site--main">Skip to main content</a>
<header class="site-header">
<div class="container header-inner">
<a class="site-title" href="${pages.index}">${escapeHtml(org.name)} <span>HIPAA Policies</span></a>
<form class="search" role="search" action="${pages.index}">
<label for="site--search">Search the policies</label>
<input id="site--search" name="q" type="search" autocomplete="off" aria-controls="site--search-results" placeholder="For example: logoff">
<div id="site--search-results" class="search-results" aria-live="polite" hidden></div>
</form>
</div>
</header>
<nav class="site-nav" aria-label="Site"><div class="container"><ul>${nav}</ul></div></nav>
<main id="site--main" class="container" tabindex="-1">
${body}
</main>
<footer class="site-footer"><div class="container">${escapeHtml(org.legalName)} · Version ${escapeHtml(set.version)} · Effective ${escapeHtml(set.effectiveDate)}${websiteLink(org.website)}</div></footer>
</body>
</html>
`;
}
