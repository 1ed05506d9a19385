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

// Parsed token streams by source text. A build renders each text more than once (site HTML, search
// text, PDF), and parsing is most of the cost; tokens are never mutated, so sharing them is safe.
const parsed = new Map<string, Token[]>();

function parse(source: string): Token[] {
  let tokens = parsed.get(source);
  if (!tokens) {
    if (parsed.size > 5000) parsed.clear();
    tokens = md.parse(source, {});
    parsed.set(source, tokens);
  }
  return tokens;
}

type RenderEnv = Record<string, unknown> & { rewriteHref?: (href: string) => string };

// Cross-reference hrefs are rewritten while rendering, through the env, rather than by editing the
// (cached) tokens; every other attribute is rendered as markdown-it would.
md.renderer.rules.link_open = (tokens, idx, options, env: RenderEnv | undefined, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet("href");
  const rewrite = env?.rewriteHref;
  if (!rewrite || typeof href !== "string" || !href.startsWith(STEWARD_REF))
    return self.renderToken(tokens, idx, options);
  const attrs = (token.attrs ?? []).map(
    ([name, value]) => ` ${name}="${md.utils.escapeHtml(name === "href" ? rewrite(href) : String(value))}"`,
  );
  return `<a${attrs.join("")}>`;
};

/**
 * Renders Markdown to HTML. `rewriteHref` receives every `steward-ref:` href and returns the URL
 * to publish instead; any other href is left as written.
 */
export function renderMarkdown(source: string, rewriteHref: (href: string) => string): string {
  const env: RenderEnv = { rewriteHref };
  return md.renderer.render(parse(source), md.options, env);
}

/** The words of a Markdown text without markup, with smart quotes applied: what search indexes. */
export function markdownToText(source: string): string {
  const blocks: string[] = [];
  for (const block of parse(source)) {
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
