/** Audit events as the API shows them. */
import type { AuditEventRow } from "./audit-log.repo.ts";
import type { AuditEventView } from "./audit-log.schema.ts";

export function presentAuditEvent(row: AuditEventRow): AuditEventView {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt,
    actor: { type: row.actorType, id: row.actorId, displayName: row.actorName },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    changes: row.changes,
    prevHash: row.prevHash,
    hash: row.hash,
    hashVersion: row.hashVersion,
  };
}
