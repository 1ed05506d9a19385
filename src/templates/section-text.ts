/**
 * An organization's own wording for a section. The replacement is plain Markdown (never Liquid):
 * it takes the place of the section's prose, and the section's commitment sentences follow it as a
 * numbered list, in the order the template states them. A commitment's sentence therefore always
 * comes from its declaration, so the text, the schedule and the grade cannot disagree.
 */
import type { RenderedCommitment } from "./model.ts";

/** Replacement text for one section of one policy. */
export interface SectionText {
  policyId: string;
  sectionId: string;
  /** Markdown without headings or Liquid (checked where the text is accepted). */
  markdown: string;
}

/**
 * The section's Markdown with the organization's prose. `renderOrder` lists commitment ids in the
 * order the template rendered them; commitments of other sections are skipped.
 */
export function applySectionText(
  markdown: string,
  renderOrder: readonly string[],
  commitments: readonly RenderedCommitment[],
  sectionId: string,
): string {
  const position = (id: string) => {
    const index = renderOrder.indexOf(id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const own = commitments
    .filter((c) => c.sectionId === sectionId)
    .sort((a, b) => position(a.id) - position(b.id));
  const prose = markdown.trim();
  if (own.length === 0) return prose;
  const list = own.map((c, index) => `${index + 1}. ${c.text}`).join("\n");
  return `${prose}\n\n${list}`;
}

/** Problems with a proposed replacement text, worded for the person who wrote it; empty when fine. */
export function sectionTextProblems(markdown: string): string[] {
  const problems: string[] = [];
  if (markdown.trim() === "") problems.push("expected the section's text, got an empty text");
  // ATX headings ("## Title") and setext ones (a line underlined with === or ---).
  if (/^ {0,3}#{1,6}(\s|$)/m.test(markdown) || /^ {0,3}\S.*\n {0,3}(=+|-+)[ \t]*$/m.test(markdown))
    problems.push("headings are not allowed: the text replaces one section's body, not its structure");
  if (/\{[{%]/.test(markdown))
    problems.push("Liquid tags ({{ }} or {% %}) are not allowed: write the text as plain Markdown");
  return problems;
}
