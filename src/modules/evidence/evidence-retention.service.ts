/**
 * Retention of evidence (164.316(b)(2)(i)): kept six years from the date it was last in effect,
 * never disposed while on legal hold. Disposal deletes the file (unless another undisposed item of
 * the organization has the same contents) and keeps the record, marked disposed.
 */
import { recordEvent, type Actor } from "../../audit/index.ts";
import type { Database, Transaction } from "../../db/index.ts";
import { databaseBlobStore } from "../../evidence/blob-store.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { listEvidenceLinks } from "./evidence-links.repo.ts";
import type { EvidenceItem } from "./evidence.presenter.ts";
import {
  findEvidence,
  lockDisposableEvidence,
  markDisposed,
  updateLastEffectiveDate,
  updateLegalHold,
  type EvidenceRow,
} from "./evidence.repo.ts";
import { requireActor } from "./evidence.service.ts";

interface ManageOptions {
  db: Database;
  organizationId: string;
  actor: Actor;
  now: Date;
}

/** The UTC calendar day of an instant: retention is counted in days. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

async function withLinks(tx: Transaction, organizationId: string, row: EvidenceRow): Promise<EvidenceItem> {
  return { row, links: (await listEvidenceLinks(tx, organizationId, [row.id])).get(row.id) ?? [] };
}

/** Locks an undisposed item for a change, or throws 404 / 409. */
async function lockForChange(tx: Transaction, organizationId: string, id: string): Promise<EvidenceRow> {
  const row = await findEvidence(tx, organizationId, id, "FOR UPDATE");
  if (!row) throw notFound("evidence");
  if (row.disposedAt) throw new AppError("conflict", "this evidence was already disposed");
  return row;
}

/** Places or releases a legal hold; the reason stays on the record (it is free text, so not in the event). */
export async function setLegalHold(
  options: ManageOptions & { evidenceId: string; hold: boolean; reason: string },
): Promise<EvidenceItem> {
  const { db, organizationId, actor, now } = options;
  requireActor(actor, "setLegalHold");
  return db.transaction(async (tx) => {
    const before = await lockForChange(tx, organizationId, options.evidenceId);
    const row = await updateLegalHold(tx, organizationId, before.id, {
      legalHold: options.hold,
      reason: options.reason,
    });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "evidence.legal-hold-changed",
        target: { type: "evidence", id: row.id },
        changes: { legalHold: { from: before.legalHold, to: row.legalHold } },
      },
    });
    return withLinks(tx, organizationId, row);
  });
}

/** Sets (or clears, with null) the last day the evidence was in effect; retention follows from it. */
export async function setLastEffectiveDate(
  options: ManageOptions & { evidenceId: string; date: string | null },
): Promise<EvidenceItem> {
  const { db, organizationId, actor, now, date } = options;
  requireActor(actor, "setLastEffectiveDate");
  return db.transaction(async (tx) => {
    const before = await lockForChange(tx, organizationId, options.evidenceId);
    if (date !== null && date < before.effectiveDate)
      throw new AppError("validation_failed", "the request has invalid fields", [
        {
          field: "body.date",
          message: `expected a date on or after the effective date ${before.effectiveDate}`,
        },
      ]);
    const row = await updateLastEffectiveDate(tx, organizationId, before.id, date);
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "evidence.retention-changed",
        target: { type: "evidence", id: row.id },
        changes: {
          lastEffectiveDate: { from: before.lastEffectiveDate, to: row.lastEffectiveDate },
          retainUntil: { from: before.retainUntil, to: row.retainUntil },
        },
      },
    });
    return withLinks(tx, organizationId, row);
  });
}

async function dispose(tx: Transaction, options: ManageOptions, row: EvidenceRow): Promise<EvidenceItem> {
  const { organizationId, actor, now } = options;
  const disposed = await markDisposed(tx, organizationId, row.id, now, actor.id);
  const blobDeleted =
    row.sha256 !== null && (await databaseBlobStore.removeUnused(tx, { organizationId, sha256: row.sha256 }));
  await recordEvent(tx, {
    organizationId,
    actor,
    at: now,
    event: {
      action: "evidence.disposed",
      target: { type: "evidence", id: row.id },
      changes: { retainUntil: row.retainUntil, blobDeleted },
    },
  });
  return withLinks(tx, organizationId, disposed);
}

/** Disposes one item: 409 while it is on legal hold or its retention has not ended. */
export async function disposeEvidence(
  options: ManageOptions & { evidenceId: string },
): Promise<EvidenceItem> {
  requireActor(options.actor, "disposeEvidence");
  return options.db.transaction(async (tx) => {
    const row = await lockForChange(tx, options.organizationId, options.evidenceId);
    if (row.legalHold)
      throw new AppError(
        "conflict",
        "this evidence is on legal hold: release the hold before disposing of it",
      );
    if (row.retainUntil >= dayOf(options.now))
      throw new AppError(
        "conflict",
        `this evidence must be kept until ${row.retainUntil} (six years from its last effective date)`,
      );
    return dispose(tx, options, row);
  });
}

/** Disposes every item of the organization whose retention ended and that is not on legal hold. */
export async function disposeExpiredEvidence(options: ManageOptions): Promise<EvidenceItem[]> {
  requireActor(options.actor, "disposeExpiredEvidence");
  return options.db.transaction(async (tx) => {
    const due = await lockDisposableEvidence(tx, options.organizationId, dayOf(options.now));
    const disposed: EvidenceItem[] = [];
    for (const row of due) disposed.push(await dispose(tx, options, row));
    return disposed;
  });
}
