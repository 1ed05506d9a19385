/**
 * Adding evidence: `uploadEvidence` (an encrypted file), `addLinkEvidence` (an address elsewhere)
 * and `linkEvidence`, which attaches existing evidence to a record; other modules (obligations,
 * workforce) call it inside their own transaction after checking their record exists.
 */
import { ActorSchema, AuditError, recordEvent, type Actor } from "../../audit/index.ts";
import type { Database, Transaction } from "../../db/index.ts";
import { databaseBlobStore } from "../../evidence/blob-store.ts";
import { sealBlob, sha256Hex } from "../../evidence/cipher.ts";
import type { EvidenceKeyRing } from "../../evidence/keyring.ts";
import { AppError, notFound } from "../../server/errors.ts";
import type { UploadedFile } from "../../server/multipart.ts";
import { insertEvidenceLink, listEvidenceLinks, lockUndisposedEvidenceIds } from "./evidence-links.repo.ts";
import type { EvidenceItem } from "./evidence.presenter.ts";
import { insertEvidence, type NewEvidence } from "./evidence.repo.ts";
import { safeFilename, safeMediaType } from "./evidence.policy.ts";

/** The record evidence is attached to. */
export interface EvidenceSubject {
  subjectType: string;
  subjectId: string;
}

/** The key ring, or 503 telling the operator what to configure. */
export function requireEvidenceKeys(keys: EvidenceKeyRing | null | undefined): EvidenceKeyRing {
  if (keys) return keys;
  throw new AppError(
    "unavailable",
    "evidence files cannot be stored or read: no encryption key is configured (the operator sets STEWARD_EVIDENCE_KEYS)",
  );
}

export function requireActor(actor: Actor, command: string): void {
  if (!ActorSchema.safeParse(actor).success) throw new AuditError(`${command} needs an actor`, "no-actor");
}

interface AddOptions {
  db: Database;
  organizationId: string;
  actor: Actor;
  title: string;
  effectiveDate: string;
  subject?: EvidenceSubject | undefined;
  now: Date;
}

async function createEvidence(tx: Transaction, options: AddOptions, input: NewEvidence) {
  const { organizationId, actor, now, subject } = options;
  const row = await insertEvidence(tx, input);
  await recordEvent(tx, {
    organizationId,
    actor,
    at: now,
    event: {
      action: "evidence.uploaded",
      target: { type: "evidence", id: row.id },
      changes: {
        kind: row.kind,
        sha256: row.sha256,
        sizeBytes: row.sizeBytes,
        effectiveDate: row.effectiveDate,
        retainUntil: row.retainUntil,
      },
    },
  });
  if (subject) await linkEvidence(tx, { organizationId, evidenceIds: [row.id], ...subject, actor, now });
  const links = (await listEvidenceLinks(tx, organizationId, [row.id])).get(row.id) ?? [];
  return { row, links };
}

/**
 * Stores a file encrypted under the active key, addressed by its SHA-256 (an identical file of the
 * same organization is stored once), with its record and event in one transaction.
 */
export async function uploadEvidence(
  options: AddOptions & { keys: EvidenceKeyRing | null | undefined; file: UploadedFile },
): Promise<EvidenceItem> {
  const { db, organizationId, actor, file } = options;
  requireActor(actor, "uploadEvidence");
  const keys = requireEvidenceKeys(options.keys);
  const address = { organizationId, sha256: sha256Hex(file.data) };
  const sealed = sealBlob(keys, address, file.data);
  return db.transaction(async (tx) => {
    await databaseBlobStore.put(tx, address, sealed);
    return createEvidence(tx, options, {
      organizationId,
      kind: "file",
      title: options.title,
      file: {
        filename: safeFilename(file.filename),
        mediaType: safeMediaType(file.mediaType),
        sizeBytes: file.data.length,
        sha256: address.sha256,
      },
      url: null,
      effectiveDate: options.effectiveDate,
      uploadedAt: options.now,
      uploadedBy: actor.id,
    });
  });
}

/** Records evidence that lives elsewhere (a ticket, a document in another system) by its address. */
export async function addLinkEvidence(options: AddOptions & { url: string }): Promise<EvidenceItem> {
  requireActor(options.actor, "addLinkEvidence");
  return options.db.transaction((tx) =>
    createEvidence(tx, options, {
      organizationId: options.organizationId,
      kind: "link",
      title: options.title,
      file: null,
      url: options.url,
      effectiveDate: options.effectiveDate,
      uploadedAt: options.now,
      uploadedBy: options.actor.id,
    }),
  );
}

export interface LinkEvidenceOptions extends EvidenceSubject {
  organizationId: string;
  evidenceIds: readonly string[];
  actor: Actor;
  now: Date;
}

/**
 * Attaches evidence to a subject inside the caller's transaction, with one `evidence.linked` event
 * per new link (attaching twice changes nothing). Throws not_found unless every id is undisposed
 * evidence of the organization. The caller checks the subject exists and the actor may use it.
 * Returns how many links were new.
 */
export async function linkEvidence(tx: Transaction, options: LinkEvidenceOptions): Promise<number> {
  const { organizationId, subjectType, subjectId, actor, now } = options;
  requireActor(actor, "linkEvidence");
  const ids = [...new Set(options.evidenceIds)];
  const found = await lockUndisposedEvidenceIds(tx, organizationId, ids);
  if (found.length !== ids.length) throw notFound("evidence");
  let linked = 0;
  for (const evidenceId of ids) {
    const link = { evidenceId, subjectType, subjectId, linkedAt: now, linkedBy: actor.id };
    if (!(await insertEvidenceLink(tx, { organizationId, ...link }))) continue;
    linked += 1;
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "evidence.linked",
        target: { type: "evidence", id: evidenceId },
        changes: { subjectType, subjectId },
      },
    });
  }
  return linked;
}
