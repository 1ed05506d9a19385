/** Evidence rows as the API shows them (never the file's contents). */
import type { EvidenceLinkRow } from "./evidence-links.repo.ts";
import type { EvidenceRow } from "./evidence.repo.ts";
import type { EvidenceView } from "./evidence.schema.ts";

/** An item with what it is attached to. */
export interface EvidenceItem {
  row: EvidenceRow;
  links: readonly EvidenceLinkRow[];
}

export function presentEvidence({ row, links }: EvidenceItem): EvidenceView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    filename: row.filename,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    url: row.url,
    effectiveDate: row.effectiveDate,
    lastEffectiveDate: row.lastEffectiveDate,
    retainUntil: row.retainUntil,
    legalHold: row.legalHold,
    legalHoldReason: row.legalHoldReason,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy,
    disposedAt: row.disposedAt?.toISOString() ?? null,
    disposedBy: row.disposedBy,
    links: links.map((link) => ({
      subjectType: link.subjectType,
      subjectId: link.subjectId,
      linkedAt: link.linkedAt.toISOString(),
      linkedBy: link.linkedBy,
    })),
  };
}
