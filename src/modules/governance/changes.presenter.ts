/** Policy changes as the API shows them (rows never reach a client as they are). */
import type { ApprovalSlot } from "./changes.policy.ts";
import type { ChangeRow } from "./changes.repo.ts";
import type { ChangeDetail, ChangeSummary } from "./changes.schema.ts";

export function presentChangeSummary(row: ChangeRow): ChangeSummary {
  return {
    id: row.id,
    number: row.number,
    summary: row.summary,
    status: row.status,
    effectiveDate: row.effectiveDate,
    contentHash: row.contentHash,
    proposedAt: row.proposedAt.toISOString(),
    proposedBy: row.proposedBy,
    proposedByName: row.proposedByName,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedByName: row.closedByName,
    reason: row.reason,
    publishedVersion: row.publishedVersion,
    approvals: { required: row.requiredRoles.length, approved: row.approvedCount },
  };
}

export function presentSlot(slot: ApprovalSlot): ChangeDetail["slots"][number] {
  return {
    role: slot.role,
    personName: slot.person?.name ?? null,
    holders: slot.holders.map((h) => ({ userId: h.userId, displayName: h.displayName })),
    approvedBy: slot.approval?.userId ?? null,
    approvedByName: slot.approval?.displayName ?? null,
    approvedAt: slot.approval?.approvedAt.toISOString() ?? null,
  };
}
