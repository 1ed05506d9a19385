/**
 * The Markdown publication: one `markdown/<policy-id>.md` per policy and a `markdown/README.md`
 * table of contents, readable as plain text and rendered well by Git hosts.
 */
import type { PolicySet, RenderedPolicy } from "../templates/model.ts";

// Only link destinations are rewritten (inline `](...)`, reference `]: ...`, optionally in angle
// brackets), so a `steward-ref:` written inside prose or code keeps its text.
const REF_LINK = /(\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?)steward-ref:([a-z0-9-]+)(?:#([a-z0-9-]+))?/gm;

/** Replaces every `steward-ref:` link destination with `<policy-id>.md` or `<policy-id>.md#<section-id>`. */
export function rewriteMarkdownRefs(source: string): string {
  return source.replace(
    REF_LINK,
    (_match, before: string, policyId: string, sectionId: string | undefined) =>
      sectionId === undefined ? `${before}${policyId}.md` : `${before}${policyId}.md#${sectionId}`,
  );
}

/**
 * Escapes text that is not Markdown (titles, names from the profile) so that `<script>` or `*`
 * typed into a profile shows as written instead of becoming markup.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>&#|]/g, (char) => `\\${char}`);
}

/** "Version 2.0 · Effective 2026-09-01": the line under every title. */
function versionLine(set: PolicySet): string {
  return `Version ${escapeMarkdownText(set.version)} · Effective ${set.effectiveDate}`;
}

/** The text of `markdown/<policy-id>.md`. */
export function renderPolicyMarkdown(set: PolicySet, policy: RenderedPolicy): string {
  const parts: string[] = [`# ${policy.number}. ${escapeMarkdownText(policy.title)}`, versionLine(set)];
  if (policy.intro.trim() !== "") parts.push(rewriteMarkdownRefs(policy.intro.trim()));
  for (const section of policy.sections) {
    const hashes = section.level === 2 ? "##" : "###";
    // The explicit anchor keeps section ids stable links whatever slug rule the viewer applies.
    const heading = `<a id="${section.id}"></a>\n${hashes} ${section.number} ${escapeMarkdownText(section.title)}`;
    const body = rewriteMarkdownRefs(section.markdown.trim());
    parts.push(body === "" ? heading : `${heading}\n\n${body}`);
  }
  return `${parts.join("\n\n")}\n`;
}

/** The text of `markdown/README.md`: every policy and section, linked. */
export function renderIndexMarkdown(set: PolicySet): string {
  const org = set.profile.organization;
  const lines: string[] = [
    `# ${escapeMarkdownText(org.name)} HIPAA Policies`,
    "",
    `${escapeMarkdownText(org.legalName)}. ${versionLine(set)}.`,
    "",
    `Content hash (SHA-256): \`${set.contentHash}\``,
    "",
    "## Contents",
    "",
  ];
  for (const policy of set.policies) {
    lines.push(
      `${policy.number}. [${escapeMarkdownText(policy.title)}](${policy.id}.md): ${escapeMarkdownText(policy.summary)}`,
    );
    for (const section of policy.sections) {
      const indent = section.level === 2 ? "    " : "        ";
      lines.push(
        `${indent}- [${section.number} ${escapeMarkdownText(section.title)}](${policy.id}.md#${section.id})`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
