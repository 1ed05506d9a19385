/** The sanctions log's SQL. Every query is scoped to one organization. */
import type { SanctionAction, SanctionCategory } from "../../audit/events/workforce.ts";
import type { Queryable, Transaction } from "../../db/index.ts";

export interface SanctionRow {
  id: string;
  personId: string;
  personName: string;
  personEmail: string;
  occurredOn: string;
  category: SanctionCategory;
  action: SanctionAction;
  policyId: string | null;
  notes: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
}

export async function insertSanction(
  tx: Transaction,
  organizationId: string,
  s: {
    personId: string;
    occurredOn: string;
    category: SanctionCategory;
    action: SanctionAction;
    policyId: string | null;
    notes: string | null;
    recordedBy: string;
    now: Date;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO sanctions (organization_id, person_id, occurred_on, category, action, policy_id, notes,
       recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      organizationId,
      s.personId,
      s.occurredOn,
      s.category,
      s.action,
      s.policyId,
      s.notes,
      s.recordedBy,
      s.now,
    ],
  );
  return rows[0]!.id;
}

/** Newest first; `id` picks one entry. */
export async function listSanctions(
  q: Queryable,
  organizationId: string,
  f: { personId?: string | undefined; id?: string; limit: number; offset: number },
): Promise<SanctionRow[]> {
  const { rows } = await q.query<SanctionRow>(
    `SELECT s.id, s.person_id AS "personId", p.full_name AS "personName", p.email AS "personEmail",
            s.occurred_on AS "occurredOn", s.category, s.action, s.policy_id AS "policyId", s.notes,
            s.recorded_by AS "recordedBy", u.display_name AS "recordedByName", s.recorded_at AS "recordedAt"
       FROM sanctions s
       JOIN people p ON p.organization_id = s.organization_id AND p.id = s.person_id
       JOIN users u ON u.id = s.recorded_by
      WHERE s.organization_id = $1 AND ($2::text IS NULL OR s.person_id = $2) AND ($5::text IS NULL OR s.id = $5)
      ORDER BY s.occurred_on DESC, s.recorded_at DESC, s.id LIMIT $3 OFFSET $4`,
    [organizationId, f.personId ?? null, f.limit, f.offset, f.id ?? null],
  );
  return rows;
}
