/**
 * Style sheets. `contentCss` is the look of policy text and tables, shared by the site and the PDF
 * so both read the same; `siteCss` adds the site's chrome and print rules, `pdfCss` the PDF's pages.
 */

// System fonts only (nothing fetched); DejaVu last because it is the face Linux servers actually
// have, and it covers accents, smart quotes and box-drawing characters.
const sans = `-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif`;
const mono = `ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace`;

/** Typography of policy text, headings and tables. */
export const contentCss = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --soft: #f6f8fa; --link: #0550ae; }
body { font-family: ${sans}; color: var(--fg); line-height: 1.55; margin: 0; }
code, pre { font-family: ${mono}; font-size: 0.9em; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; overflow-x: auto; line-height: 1.35; }
a { color: var(--link); text-underline-offset: 0.15em; }
h1, h2, h3 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 2em; margin-top: 0.4em; }
h2 { font-size: 1.45em; padding-bottom: 0.25em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15em; }
.num { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.35em; }
.meta, .cites { color: var(--muted); font-size: 0.9em; }
.cites { margin-top: -0.2em; }
.lead { font-size: 1.15em; max-width: 46rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; margin: 0.8rem 0 1.5rem; }
th, td { border: 1px solid var(--line); padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
table.coverage { table-layout: fixed; }
.coverage col.c-id { width: 17%; } .coverage col.c-title { width: 25%; } .coverage col.c-ra { width: 12%; } .coverage col.c-commit { width: 16%; }
.coverage th code { font-weight: 400; }
.status-missing { font-weight: 600; color: #a40e26; }
ul.plain, ol.plain { list-style: none; padding-left: 0; margin: 0; }
`;

/** Layout of the static site, its search box and its print stylesheet. */
export const siteCss = `${contentCss}
.container { max-width: 74rem; margin: 0 auto; padding: 0 1.25rem; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; outline: 3px solid #fd8c73; }
.site-header { background: #24292f; color: #fff; }
.header-inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem 2rem; padding-top: 0.8rem; padding-bottom: 0.8rem; }
.site-title { color: #fff; font-weight: 600; font-size: 1.1rem; text-decoration: none; }
.site-title span { font-weight: 400; opacity: 0.8; }
.site-nav { background: #f6f8fa; border-bottom: 1px solid var(--line); }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0 1.5rem; list-style: none; margin: 0; padding: 0.55rem 0; }
.site-nav a { color: var(--fg); text-decoration: none; font-weight: 500; }
.site-nav a:hover, .site-nav a[aria-current="page"] { text-decoration: underline; text-decoration-thickness: 2px; }
.search { position: relative; display: flex; align-items: center; gap: 0.6rem; }
.search label { font-size: 0.9rem; }
.search input { width: 18rem; max-width: 60vw; font: inherit; padding: 0.3rem 0.6rem; border: 1px solid #8c959f; border-radius: 6px; }
.search-results { position: absolute; right: 0; top: 2.6rem; width: min(34rem, 92vw); max-height: 70vh; overflow-y: auto; z-index: 5;
  background: #fff; color: var(--fg); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 8px 24px rgba(31,35,40,0.2); padding: 0.5rem 0.9rem; }
.search-results li { padding: 0.45rem 0; border-top: 1px solid var(--soft); }
.search-results p { margin: 0.15rem 0; font-size: 0.85rem; color: var(--muted); }
.filter { margin: 1rem 0; }
.filter input { font: inherit; padding: 0.3rem 0.6rem; border: 1px solid #8c959f; border-radius: 6px; width: 18rem; margin-left: 0.6rem; }
main.container { padding-top: 1.5rem; padding-bottom: 3rem; }
main:focus { outline: none; }
.breadcrumb { font-size: 0.9rem; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.policy-list > li { padding: 0.4rem 0 0.9rem; }
.policy-list > li + li { border-top: 1px solid var(--line); }
.policy-list h3 { margin: 0.6em 0 0.2em; }
.policy-list p { margin: 0.2em 0 0.5em; max-width: 46rem; }
.section-list { max-width: 52rem; columns: 2 18rem; column-gap: 2rem; font-size: 0.92rem; }
.section-list li { break-inside: avoid; padding: 0.05rem 0; }
.section-list ol { padding-left: 1.4rem; }
.policy-layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2.5rem; }
.toc { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow-y: auto; font-size: 0.88rem; }
.toc h2 { font-size: 0.95rem; border: 0; margin-top: 0.5rem; }
.toc li { padding: 0.15rem 0; }
.toc ol ol { padding-left: 1rem; }
.policy-body { max-width: 48rem; }
.citation-box { border-left: 4px solid var(--line); padding: 0.2rem 1rem; margin: 1rem 0; background: var(--soft); }
.citation-box h2 { font-size: 1rem; border: 0; margin: 0.6rem 0 0.3rem; }
.citation-box dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; }
.citation-box dd { margin: 0; }
.pager { display: flex; justify-content: space-between; gap: 1rem; border-top: 1px solid var(--line); margin-top: 2rem; padding-top: 1rem; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; padding: 1rem 0 2rem; }
@media (max-width: 50rem) { .policy-layout { grid-template-columns: 1fr; } .toc { position: static; max-height: none; } }
@media print {
  .site-header, .site-nav, .search, .filter, .skip-link, .toc, .pager, .breadcrumb { display: none !important; }
  :root { --fg: #000; --muted: #333; --link: #000; }
  body { color: #000; background: #fff; font-size: 11pt; }
  a { color: #000; }
  .policy-layout { display: block; }
  .policy-body, .container { max-width: none; padding: 0; }
  article.policy { break-before: page; }
  h1, h2, h3 { break-after: avoid; }
  tr, pre { break-inside: avoid; }
  thead th, pre, .citation-box { background: #fff; }
}
`;

/**
 * The single-document PDF: cover, contents, and each policy starting on a new page. The footer is a
 * page-margin box (its text comes with the document, see pdf.ts): Chromium lays margin boxes out with
 * the page, where a print-time footer template costs a whole extra document per page.
 */
export const pdfCss = `${contentCss}
@page { size: Letter;
  /* At the foot of the 0.8in bottom margin, where Chromium's footer template used to put it. */
  @bottom-center { vertical-align: bottom; padding-bottom: 20px; font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #59636e; } }
body { font-size: 11pt; }
.cover { height: 8.4in; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 30pt; margin: 0.2em 0; }
.cover .org { font-size: 16pt; margin: 0; }
.toc, .policy { break-before: page; }
.toc ol { padding-left: 0; }
.toc > ol > li { margin: 0.5em 0; font-weight: 600; }
.toc li li { font-weight: 400; margin-left: 1.4em; }
.toc a { color: var(--fg); text-decoration: none; }
h1, h2, h3 { break-after: avoid; }
tr, pre { break-inside: avoid; }
`;
