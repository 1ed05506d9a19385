/** Policy versions and policies as the API shows them; policy text goes out as HTML rendered here. */
import { parseStewardRef, renderMarkdown } from "../../publish/markdown-it.ts";
import type { RenderedPolicy } from "../../templates/model.ts";
import type { PolicyVersionRow } from "./policies.repo.ts";
import type { PolicyDetail, PolicyVersionFields } from "./policies.schema.ts";

/** A cross-reference as the web UI routes it: `/policies/<id>` or `/policies/<id>#<section>`. */
export function policyHref(href: string): string {
  const ref = parseStewardRef(href);
  if (!ref) return href;
  return `/policies/${encodeURIComponent(ref.policyId)}${ref.sectionId ? `#${encodeURIComponent(ref.sectionId)}` : ""}`;
}

const html = (markdown: string) => renderMarkdown(markdown, policyHref);

export function presentVersionFields(row: PolicyVersionRow): PolicyVersionFields {
  return {
    version: row.version,
    contentHash: row.contentHash,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
    publishedByName: row.publishedByName,
    profileVersion: row.profileVersion,
    documentVersion: row.documentVersion,
    effectiveDate: row.effectiveDate,
  };
}

export function presentPolicy(version: PolicyVersionRow, policy: RenderedPolicy): PolicyDetail {
  return {
    ...presentVersionFields(version),
    id: policy.id,
    number: policy.number,
    title: policy.title,
    summary: policy.summary,
    introHtml: html(policy.intro),
    sections: policy.sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      level: s.level,
      citations: s.citations,
      html: html(s.markdown),
    })),
    commitments: policy.commitments.map((c) => ({
      id: c.id,
      sectionId: c.sectionId,
      sectionNumber: c.sectionNumber,
      owner: c.owner,
      text: c.text,
      citations: c.citations,
    })),
    citations: policy.citations,
  };
}
