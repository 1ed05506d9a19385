/** Evidence rows' SQL (the only place it is written). Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import { pageTotal } from "../../server/paging.ts";

export interface EvidenceRow {
  id: string;
  kind: "file" | "link";
  title: string;
  filename: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  url: string | null;
  effectiveDate: string;
  lastEffectiveDate: string | null;
  retainUntil: string;
  legalHold: boolean;
  legalHoldReason: string | null;
  uploadedAt: Date;
  uploadedBy: string;
  disposedAt: Date | null;
  disposedBy: string | null;
}

const columns = `id, kind, title, filename, media_type AS "mediaType", size_bytes AS "sizeBytes", sha256, url,
  effective_date AS "effectiveDate", last_effective_date AS "lastEffectiveDate", retain_until AS "retainUntil",
  legal_hold AS "legalHold", legal_hold_reason AS "legalHoldReason", uploaded_at AS "uploadedAt",
  uploaded_by AS "uploadedBy", disposed_at AS "disposedAt", disposed_by AS "disposedBy"`;

export interface NewEvidence {
  organizationId: string;
  kind: "file" | "link";
  title: string;
  file: { filename: string; mediaType: string; sizeBytes: number; sha256: string } | null;
  url: string | null;
  effectiveDate: string;
  uploadedAt: Date;
  uploadedBy: string;
}

export async function insertEvidence(tx: Transaction, e: NewEvidence): Promise<EvidenceRow> {
  const { rows } = await tx.query<EvidenceRow>(
    `INSERT INTO evidence (organization_id, kind, title, filename, media_type, size_bytes, sha256, url,
                           effective_date, uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${columns}`,
    [
      e.organizationId,
      e.kind,
      e.title,
      e.file?.filename ?? null,
      e.file?.mediaType ?? null,
      e.file?.sizeBytes ?? null,
      e.file?.sha256 ?? null,
      e.url,
      e.effectiveDate,
      e.uploadedAt,
      e.uploadedBy,
    ],
  );
  return rows[0]!;
}

/**
 * One item of the organization, or null (an unknown id and another organization's look alike).
 * `lock` holds the row until the transaction ends (FOR UPDATE to change it, FOR SHARE to keep a
 * disposal from running meanwhile).
 */
export async function findEvidence(
  q: Queryable,
  organizationId: string,
  id: string,
  lock: "" | "FOR UPDATE" | "FOR SHARE" = "",
): Promise<EvidenceRow | null> {
  const { rows } = await q.query<EvidenceRow>(
    `SELECT ${columns} FROM evidence WHERE organization_id = $1 AND id = $2 ${lock}`,
    [organizationId, id],
  );
  return rows[0] ?? null;
}

export interface EvidenceFilter {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Only what this user uploaded (members without evidence:read). */
  uploadedBy?: string | undefined;
  includeDisposed: boolean;
}

const FILTERED = `e.organization_id = $1
        AND ($2::text IS NULL OR EXISTS (
              SELECT 1 FROM evidence_links l
               WHERE l.organization_id = $1 AND l.evidence_id = e.id AND l.subject_type = $2
                 AND ($3::text IS NULL OR l.subject_id = $3)))
        AND ($4::text IS NULL OR e.uploaded_by = $4)
        AND ($5::boolean OR e.disposed_at IS NULL)`;

const filterValues = (organizationId: string, filter: EvidenceFilter) => [
  organizationId,
  filter.subjectType ?? null,
  filter.subjectId ?? null,
  filter.uploadedBy ?? null,
  filter.includeDisposed,
];

/**
 * One page of the organization's evidence, newest upload first (ties by id, so pages never
 * overlap), with the count of every matching item from the same query.
 */
export async function pageEvidence(
  q: Queryable,
  organizationId: string,
  filter: EvidenceFilter & { limit: number; offset: number },
): Promise<{ rows: EvidenceRow[]; total: number }> {
  const { rows } = await q.query<EvidenceRow & { total: number }>(
    `SELECT ${columns}, count(*) OVER ()::int AS total FROM evidence e
      WHERE ${FILTERED}
      ORDER BY e.uploaded_at DESC, e.id
      LIMIT $6 OFFSET $7`,
    [...filterValues(organizationId, filter), filter.limit, filter.offset],
  );
  const total = await pageTotal(rows, filter.offset, () => countMatchingEvidence(q, organizationId, filter));
  for (const row of rows) delete (row as { total?: number }).total;
  return { rows, total };
}

/** How many items match the filter; only needed for a page past the end, which carries no count. */
async function countMatchingEvidence(q: Queryable, organizationId: string, filter: EvidenceFilter) {
  const { rows } = await q.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM evidence e WHERE ${FILTERED}`,
    filterValues(organizationId, filter),
  );
  return rows[0]!.total;
}

/** Undisposed items past their retention (`retain_until` before `today`) and not on hold, locked. */
export async function lockDisposableEvidence(
  tx: Transaction,
  organizationId: string,
  today: string,
): Promise<EvidenceRow[]> {
  const { rows } = await tx.query<EvidenceRow>(
    `SELECT ${columns} FROM evidence
      WHERE organization_id = $1 AND disposed_at IS NULL AND NOT legal_hold AND retain_until < $2::date
      ORDER BY retain_until, id FOR UPDATE`,
    [organizationId, today],
  );
  return rows;
}

export async function updateLegalHold(
  tx: Transaction,
  organizationId: string,
  id: string,
  hold: { legalHold: boolean; reason: string },
): Promise<EvidenceRow> {
  const { rows } = await tx.query<EvidenceRow>(
    `UPDATE evidence SET legal_hold = $3, legal_hold_reason = $4
      WHERE organization_id = $1 AND id = $2 RETURNING ${columns}`,
    [organizationId, id, hold.legalHold, hold.reason],
  );
  return rows[0]!;
}

/** Sets the last-effective date; the database recomputes retain_until from it. */
export async function updateLastEffectiveDate(
  tx: Transaction,
  organizationId: string,
  id: string,
  date: string | null,
): Promise<EvidenceRow> {
  const { rows } = await tx.query<EvidenceRow>(
    `UPDATE evidence SET last_effective_date = $3::date
      WHERE organization_id = $1 AND id = $2 RETURNING ${columns}`,
    [organizationId, id, date],
  );
  return rows[0]!;
}

export async function markDisposed(
  tx: Transaction,
  organizationId: string,
  id: string,
  at: Date,
  by: string,
): Promise<EvidenceRow> {
  const { rows } = await tx.query<EvidenceRow>(
    `UPDATE evidence SET disposed_at = $3, disposed_by = $4
      WHERE organization_id = $1 AND id = $2 RETURNING ${columns}`,
    [organizationId, id, at, by],
  );
  return rows[0]!;
}

// For other modules (obligations, workforce): counts per subject live with the links' SQL.
export { countEvidence } from "./evidence-links.repo.ts";
