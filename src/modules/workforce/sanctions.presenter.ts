/** Sanctions log rows as the API shows them. */
import type { SanctionRow } from "./sanctions.repo.ts";
import type { SanctionView } from "./sanctions.schema.ts";

export function presentSanction(row: SanctionRow): SanctionView {
  return {
    id: row.id,
    person: { id: row.personId, name: row.personName },
    occurredOn: row.occurredOn,
    category: row.category,
    action: row.action,
    policyId: row.policyId,
    notes: row.notes,
    recordedBy: { id: row.recordedBy, name: row.recordedByName },
    recordedAt: row.recordedAt.toISOString(),
  };
}
