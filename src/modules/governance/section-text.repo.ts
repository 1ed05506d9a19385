/** The organization's own section texts (the only SQL that touches them), scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { SectionText } from "../../templates/section-text.ts";

/** Every section text in force, in a stable order. */
export async function listSectionTexts(q: Queryable, organizationId: string): Promise<SectionText[]> {
  const { rows } = await q.query<SectionText>(
    `SELECT policy_id AS "policyId", section_id AS "sectionId", markdown FROM section_texts
      WHERE organization_id = $1 ORDER BY policy_id, section_id`,
    [organizationId],
  );
  return rows;
}

/** A section's text as a published change sets it; null markdown returns to the template's text. */
export async function setSectionText(
  tx: Transaction,
  s: { organizationId: string; policyId: string; sectionId: string; markdown: string | null },
  changeId: string,
  at: Date,
): Promise<void> {
  if (s.markdown === null) {
    await tx.query(
      "DELETE FROM section_texts WHERE organization_id = $1 AND policy_id = $2 AND section_id = $3",
      [s.organizationId, s.policyId, s.sectionId],
    );
    return;
  }
  await tx.query(
    `INSERT INTO section_texts (organization_id, policy_id, section_id, markdown, change_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (organization_id, policy_id, section_id)
     DO UPDATE SET markdown = EXCLUDED.markdown, change_id = EXCLUDED.change_id, updated_at = EXCLUDED.updated_at`,
    [s.organizationId, s.policyId, s.sectionId, s.markdown, changeId, at],
  );
}

/** Overlays proposed texts on the ones in force (a null markdown removes one). */
export function mergeSectionTexts(
  current: readonly SectionText[],
  proposed: readonly { policyId: string; sectionId: string; markdown: string | null }[],
): SectionText[] {
  const key = (t: { policyId: string; sectionId: string }) => `${t.policyId}#${t.sectionId}`;
  const merged = new Map(current.map((t) => [key(t), t]));
  for (const p of proposed) {
    if (p.markdown === null) merged.delete(key(p));
    else merged.set(key(p), { policyId: p.policyId, sectionId: p.sectionId, markdown: p.markdown });
  }
  return [...merged.values()];
}
