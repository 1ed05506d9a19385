/** Access review campaigns and their items. Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import { GRANTS, type GrantRow } from "./access.repo.ts";

export interface ReviewRow {
  id: string;
  startedBy: string;
  startedByName: string;
  startedAt: Date;
  closedBy: string | null;
  closedByName: string | null;
  closedAt: Date | null;
  occurrenceId: string | null;
  items: number;
  kept: number;
  revoked: number;
  open: number;
}

const REVIEWS = `SELECT r.id, r.started_by AS "startedBy", su.display_name AS "startedByName", r.started_at AS "startedAt",
  r.closed_by AS "closedBy", cu.display_name AS "closedByName", r.closed_at AS "closedAt",
  r.occurrence_id AS "occurrenceId",
  (SELECT count(*)::int FROM access_review_items i WHERE i.organization_id = r.organization_id AND i.review_id = r.id) AS items,
  (SELECT count(*)::int FROM access_review_items i WHERE i.organization_id = r.organization_id AND i.review_id = r.id
      AND i.decision = 'keep') AS kept,
  (SELECT count(*)::int FROM access_review_items i WHERE i.organization_id = r.organization_id AND i.review_id = r.id
      AND i.decision = 'revoke') AS revoked,
  (SELECT count(*)::int FROM access_review_items i
     JOIN access_grants g ON g.organization_id = i.organization_id AND g.id = i.grant_id
    WHERE i.organization_id = r.organization_id AND i.review_id = r.id AND i.decision IS NULL
      AND g.revoked_at IS NULL) AS open
  FROM access_reviews r JOIN users su ON su.id = r.started_by LEFT JOIN users cu ON cu.id = r.closed_by`;

export async function listReviews(q: Queryable, organizationId: string): Promise<ReviewRow[]> {
  const { rows } = await q.query<ReviewRow>(
    `${REVIEWS} WHERE r.organization_id = $1 ORDER BY r.started_at DESC, r.id LIMIT 200`,
    [organizationId],
  );
  return rows;
}

export async function findReview(
  q: Queryable,
  organizationId: string,
  reviewId: string,
  lock = false,
): Promise<ReviewRow | null> {
  const { rows } = await q.query<ReviewRow>(
    `${REVIEWS} WHERE r.organization_id = $1 AND r.id = $2${lock ? " FOR UPDATE OF r" : ""}`,
    [organizationId, reviewId],
  );
  return rows[0] ?? null;
}

export async function openReviewId(q: Queryable, organizationId: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM access_reviews WHERE organization_id = $1 AND closed_at IS NULL",
    [organizationId],
  );
  return rows[0]?.id ?? null;
}

/** A new campaign with one item per grant active now; returns its id and item count. */
export async function insertReview(
  tx: Transaction,
  organizationId: string,
  startedBy: string,
  now: Date,
): Promise<{ id: string; items: number }> {
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO access_reviews (organization_id, started_by, started_at) VALUES ($1, $2, $3) RETURNING id",
    [organizationId, startedBy, now],
  );
  const id = rows[0]!.id;
  const { rowCount } = await tx.query(
    `INSERT INTO access_review_items (organization_id, review_id, grant_id)
     SELECT $1, $2, id FROM access_grants WHERE organization_id = $1 AND revoked_at IS NULL ORDER BY granted_at, id`,
    [organizationId, id],
  );
  return { id, items: rowCount };
}

export async function closeReview(
  tx: Transaction,
  organizationId: string,
  reviewId: string,
  c: { by: string; at: Date; occurrenceId: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE access_reviews SET closed_by = $3, closed_at = $4, occurrence_id = $5
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, reviewId, c.by, c.at, c.occurrenceId],
  );
}

export interface ReviewItemRow {
  itemId: string;
  decision: "keep" | "revoke" | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  grant: GrantRow;
}

type FlatItem = GrantRow & Omit<ReviewItemRow, "grant">;
const ITEMS = `SELECT i.id AS "itemId", i.decision, i.decided_by AS "decidedBy", du.display_name AS "decidedByName",
  i.decided_at AS "decidedAt", gr.*
  FROM access_review_items i
  JOIN (${GRANTS} WHERE g.organization_id = $1) gr ON gr.id = i.grant_id
  LEFT JOIN users du ON du.id = i.decided_by`;

const unflatten = ({
  itemId,
  decision,
  decidedBy,
  decidedByName,
  decidedAt,
  ...grant
}: FlatItem): ReviewItemRow => ({
  itemId,
  decision,
  decidedBy,
  decidedByName,
  decidedAt,
  grant,
});

export async function listItems(
  q: Queryable,
  organizationId: string,
  reviewId: string,
): Promise<ReviewItemRow[]> {
  const { rows } = await q.query<FlatItem>(
    `${ITEMS} WHERE i.organization_id = $1 AND i.review_id = $2 ORDER BY lower(gr."personName"), gr."grantedAt", i.id`,
    [organizationId, reviewId],
  );
  return rows.map(unflatten);
}

export async function findItem(
  tx: Transaction,
  organizationId: string,
  reviewId: string,
  itemId: string,
): Promise<ReviewItemRow | null> {
  const { rows } = await tx.query<FlatItem>(
    `${ITEMS} WHERE i.organization_id = $1 AND i.review_id = $2 AND i.id = $3 FOR UPDATE OF i`,
    [organizationId, reviewId, itemId],
  );
  return rows[0] ? unflatten(rows[0]) : null;
}

export async function setItemDecision(
  tx: Transaction,
  organizationId: string,
  itemId: string,
  d: { decision: "keep" | "revoke"; by: string; at: Date },
): Promise<void> {
  await tx.query(
    `UPDATE access_review_items SET decision = $3, decided_by = $4, decided_at = $5
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, itemId, d.decision, d.by, d.at],
  );
}
