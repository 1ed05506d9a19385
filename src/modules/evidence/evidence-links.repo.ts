/** SQL of what evidence is attached to. Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";

export interface EvidenceLinkRow {
  evidenceId: string;
  subjectType: string;
  subjectId: string;
  linkedAt: Date;
  linkedBy: string;
}

/** Attaches evidence to a subject; false when it was attached already (nothing written). */
export async function insertEvidenceLink(
  tx: Transaction,
  link: EvidenceLinkRow & { organizationId: string },
) {
  const { rows } = await tx.query(
    `INSERT INTO evidence_links (organization_id, evidence_id, subject_type, subject_id, linked_at, linked_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (evidence_id, subject_type, subject_id) DO NOTHING RETURNING 1`,
    [link.organizationId, link.evidenceId, link.subjectType, link.subjectId, link.linkedAt, link.linkedBy],
  );
  return rows.length > 0;
}

/** The links of some evidence items, by evidence id (oldest link first). */
export async function listEvidenceLinks(
  q: Queryable,
  organizationId: string,
  evidenceIds: readonly string[],
): Promise<Map<string, EvidenceLinkRow[]>> {
  const byEvidence = new Map<string, EvidenceLinkRow[]>(evidenceIds.map((id) => [id, []]));
  if (evidenceIds.length === 0) return byEvidence;
  const { rows } = await q.query<EvidenceLinkRow>(
    `SELECT evidence_id AS "evidenceId", subject_type AS "subjectType", subject_id AS "subjectId",
            linked_at AS "linkedAt", linked_by AS "linkedBy"
       FROM evidence_links WHERE organization_id = $1 AND evidence_id = ANY($2::text[])
      ORDER BY linked_at, subject_type, subject_id`,
    [organizationId, evidenceIds],
  );
  for (const row of rows) byEvidence.get(row.evidenceId)?.push(row);
  return byEvidence;
}

/**
 * Of the given ids, those naming undisposed evidence of the organization, share-locked so no
 * disposal runs until the transaction ends.
 */
export async function lockUndisposedEvidenceIds(
  tx: Transaction,
  organizationId: string,
  ids: readonly string[],
): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM evidence
      WHERE organization_id = $1 AND id = ANY($2::text[]) AND disposed_at IS NULL FOR SHARE`,
    [organizationId, ids],
  );
  return rows.map((row) => row.id);
}

/**
 * How many evidence items are attached to each subject (every id asked for is in the map, 0 when
 * none). Disposed items count: their record stays as proof the evidence existed.
 */
export async function countEvidence(
  q: Queryable,
  organizationId: string,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(subjectIds.map((id) => [id, 0]));
  if (subjectIds.length === 0) return counts;
  const { rows } = await q.query<{ subjectId: string; n: number }>(
    `SELECT subject_id AS "subjectId", count(*)::int AS n FROM evidence_links
      WHERE organization_id = $1 AND subject_type = $2 AND subject_id = ANY($3::text[])
      GROUP BY subject_id`,
    [organizationId, subjectType, subjectIds],
  );
  for (const row of rows) counts.set(row.subjectId, row.n);
  return counts;
}
