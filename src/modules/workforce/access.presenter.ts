/** Access rows as the API shows them: rows never reach a client. */
import type { RevokeReason, VerificationMethod } from "../../audit/events/workforce.ts";
import type { AccessRequestRow, GrantRow } from "./access.repo.ts";
import type { AccessRequestView, GrantView } from "./access.schema.ts";
import type { ReviewItemRow, ReviewRow } from "./reviews.repo.ts";

const ref = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? "" });
const iso = (at: Date | null) => at?.toISOString() ?? null;

export function presentRequest(row: AccessRequestRow): AccessRequestView {
  return {
    id: row.id,
    person: { id: row.personId, name: row.personName },
    system: row.system,
    level: row.level,
    justification: row.justification,
    temporaryUntil: row.temporaryUntil,
    requestedBy: { id: row.requestedBy, name: row.requestedByName },
    requestedAt: row.requestedAt.toISOString(),
    status: row.status,
    decidedBy: ref(row.decidedBy, row.decidedByName),
    decidedAt: iso(row.decidedAt),
    decisionNote: row.decisionNote,
    grantId: row.grantId,
  };
}

export function presentGrant(row: GrantRow): GrantView {
  return {
    id: row.id,
    person: { id: row.personId, name: row.personName, email: row.personEmail },
    requestId: row.requestId,
    system: row.system,
    level: row.level,
    expiresOn: row.expiresOn,
    verificationMethod: row.verificationMethod as VerificationMethod,
    grantedBy: { id: row.grantedBy, name: row.grantedByName },
    grantedAt: row.grantedAt.toISOString(),
    lastUsedOn: row.lastUsedOn,
    revokedAt: iso(row.revokedAt),
    revokedBy: ref(row.revokedBy, row.revokedByName),
    revokeReason: row.revokeReason as RevokeReason | null,
  };
}

export function presentReview(row: ReviewRow) {
  return {
    id: row.id,
    startedBy: { id: row.startedBy, name: row.startedByName },
    startedAt: row.startedAt.toISOString(),
    closedBy: ref(row.closedBy, row.closedByName),
    closedAt: iso(row.closedAt),
    occurrenceId: row.occurrenceId,
    counts: { items: row.items, kept: row.kept, revoked: row.revoked, open: row.open },
  };
}

export function presentReviewItem(row: ReviewItemRow) {
  return {
    id: row.itemId,
    grant: presentGrant(row.grant),
    decision: row.decision,
    decidedBy: ref(row.decidedBy, row.decidedByName),
    decidedAt: iso(row.decidedAt),
  };
}
