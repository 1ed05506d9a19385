/**
 * The one markdown-it configuration every publisher shares, so the site and the PDF render policy
 * text identically, plus the handling of `steward-ref:` cross-reference links.
 */
import MarkdownIt from "markdown-it";

/** Scheme the template engine gives cross-reference links; each publisher maps it to its own URLs. */
export const STEWARD_REF = "steward-ref:";

/** A parsed cross-reference: a whole policy, or one section of it. */
export interface StewardRef {
  policyId: string;
  sectionId: string | null;
}

// html: false because profile values reach the Markdown: raw HTML typed into a profile must
// render as text, never as markup. linkify stays off so only links the templates wrote are links.
const md = new MarkdownIt("default", { html: false, linkify: false, typographer: true });

/** `steward-ref:policy#section` -> { policyId, sectionId }; null for any other href. */
export function parseStewardRef(href: string): StewardRef | null {
  if (!href.startsWith(STEWARD_REF)) return null;
  const [policyId = "", sectionId] = href.slice(STEWARD_REF.length).split("#", 2);
  if (policyId === "") return null;
  return { policyId, sectionId: sectionId === undefined || sectionId === "" ? null : sectionId };
}

// Derived from the instance, not imported: the package's ESM and CJS typings name Token differently.
type Token = ReturnType<typeof md.parse>[number];

/** Calls `visit` on every inline token (links, text, code) of a parsed document. */
function eachInline(tokens: Token[], visit: (token: Token) => void): void {
  for (const block of tokens) {
    visit(block);
    for (const child of block.children ?? []) visit(child);
  }
}

/**
 * Renders Markdown to HTML. `rewriteHref` receives every `steward-ref:` href and returns the URL
 * to publish instead; any other href is left as written.
 */
export function renderMarkdown(source: string, rewriteHref: (href: string) => string): string {
  const tokens = md.parse(source, {});
  eachInline(tokens, (token) => {
    if (token.type !== "link_open") return;
    const href = token.attrGet("href");
    if (typeof href === "string" && href.startsWith(STEWARD_REF)) token.attrSet("href", rewriteHref(href));
  });
  return md.renderer.render(tokens, md.options, {});
}

/** The words of a Markdown text without markup, with smart quotes applied: what search indexes. */
export function markdownToText(source: string): string {
  const blocks: string[] = [];
  for (const block of md.parse(source, {})) {
    if (block.type === "fence" || block.type === "code_block") blocks.push(block.content);
    if (block.type !== "inline") continue;
    // Pieces of one paragraph join without a gap ("policy 1" + "."); line breaks become spaces.
    const pieces = (block.children ?? []).map((t) =>
      t.type === "text" || t.type === "code_inline" ? t.content : t.type.endsWith("break") ? " " : "",
    );
    blocks.push(pieces.join(""));
  }
  return blocks.join(" ").replace(/\s+/g, " ").trim();
}

/** Escapes text for an HTML element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return md.utils.escapeHtml(text);
}
