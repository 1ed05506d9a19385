/**
 * Reading evidence: metadata, lists, and downloads. A caller without evidence:read sees only what
 * they uploaded; anything else answers 404 exactly like an unknown id or another organization's.
 * Every download is recorded (`evidence.downloaded`) and committed before a byte is sent.
 */
import { recordEvent } from "../../audit/index.ts";
import type { Database, Queryable } from "../../db/index.ts";
import { databaseBlobStore } from "../../evidence/blob-store.ts";
import { EvidenceIntegrityError, openBlob } from "../../evidence/cipher.ts";
import { EvidenceKeyError, type EvidenceKeyRing } from "../../evidence/keyring.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { listEvidenceLinks } from "./evidence-links.repo.ts";
import { mayReadEvidence, readsAllEvidence, type EvidenceViewer } from "./evidence.policy.ts";
import type { EvidenceItem } from "./evidence.presenter.ts";
import { findEvidence, pageEvidence, type EvidenceFilter, type EvidenceRow } from "./evidence.repo.ts";
import { linkEvidence, requireEvidenceKeys, type EvidenceSubject } from "./evidence.service.ts";

export interface ReadOptions {
  db: Database;
  organizationId: string;
  viewer: EvidenceViewer;
}

async function withLinks(q: Queryable, organizationId: string, rows: EvidenceRow[]): Promise<EvidenceItem[]> {
  const links = await listEvidenceLinks(
    q,
    organizationId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ row, links: links.get(row.id) ?? [] }));
}

/** One item the viewer may see, or 404 'evidence not found'. */
export async function getEvidence(options: ReadOptions & { evidenceId: string }): Promise<EvidenceItem> {
  const { db, organizationId, viewer, evidenceId } = options;
  const row = await findEvidence(db, organizationId, evidenceId);
  if (!row || !mayReadEvidence(viewer, row)) throw notFound("evidence");
  return (await withLinks(db, organizationId, [row]))[0]!;
}

/** The organization's evidence (only the viewer's own uploads without evidence:read). */
export async function listEvidenceFor(
  options: ReadOptions & { filter: Omit<EvidenceFilter, "uploadedBy"> & { limit: number; offset: number } },
): Promise<{ items: EvidenceItem[]; total: number }> {
  const { db, organizationId, viewer, filter } = options;
  const uploadedBy = readsAllEvidence(viewer) ? undefined : viewer.userId;
  const page = await pageEvidence(db, organizationId, { ...filter, uploadedBy });
  return { items: await withLinks(db, organizationId, page.rows), total: page.total };
}

/** Attaches an item the viewer may see to a subject (the generic route; see linkEvidence). */
export async function attachEvidence(
  options: ReadOptions & { evidenceId: string; subject: EvidenceSubject; now: Date },
): Promise<EvidenceItem> {
  const { db, organizationId, viewer, evidenceId, now } = options;
  return db.transaction(async (tx) => {
    const row = await findEvidence(tx, organizationId, evidenceId, "FOR SHARE");
    if (!row || !mayReadEvidence(viewer, row)) throw notFound("evidence");
    const actor = { type: "user" as const, id: viewer.userId };
    await linkEvidence(tx, { organizationId, evidenceIds: [row.id], ...options.subject, actor, now });
    return (await withLinks(tx, organizationId, [row]))[0]!;
  });
}

export interface Download {
  filename: string;
  data: Buffer;
}

/**
 * Decrypts a file for the viewer and records `evidence.downloaded` in the same transaction, which
 * commits before the route sends anything: a download that is not in the audit trail never starts.
 */
export async function downloadEvidence(
  options: ReadOptions & { evidenceId: string; keys: EvidenceKeyRing | null | undefined; now: Date },
): Promise<Download> {
  const { db, organizationId, viewer, evidenceId, now } = options;
  return db.transaction(async (tx) => {
    const row = await findEvidence(tx, organizationId, evidenceId, "FOR SHARE");
    if (!row || !mayReadEvidence(viewer, row)) throw notFound("evidence");
    if (row.kind !== "file") throw new AppError("conflict", "this evidence is a link: it has no file");
    if (row.disposedAt)
      throw new AppError("conflict", "this evidence was disposed: its file no longer exists");
    const keys = requireEvidenceKeys(options.keys);
    const address = { organizationId, sha256: row.sha256! };
    const sealed = await databaseBlobStore.get(tx, address);
    if (!sealed) throw new AppError("internal", "the stored file is missing");
    let data: Buffer;
    try {
      data = openBlob(keys, address, sealed);
    } catch (error) {
      if (error instanceof EvidenceKeyError)
        throw new AppError("unavailable", "the key that encrypted this file is not configured");
      if (error instanceof EvidenceIntegrityError)
        throw new AppError("internal", "the stored file failed its integrity check");
      throw error;
    }
    await recordEvent(tx, {
      organizationId,
      actor: { type: "user", id: viewer.userId },
      at: now,
      event: {
        action: "evidence.downloaded",
        target: { type: "evidence", id: row.id },
        changes: { sha256: address.sha256, sizeBytes: data.length },
      },
    });
    return { filename: row.filename!, data };
  });
}
