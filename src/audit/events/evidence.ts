/**
 * Evidence events. PERSISTED SHAPES: see define.ts before changing anything. Titles, file names,
 * links and hold reasons are free text that may name a patient, so events carry ids, hashes, sizes
 * and dates only; the evidence row holds the rest.
 */
import { z } from "zod";
import { Change, ContentHash, defineEvent, Id } from "./define.ts";

/** A calendar day, YYYY-MM-DD. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date (YYYY-MM-DD)");
const SubjectType = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, "expected a subject type");
const Bytes = z.number().int().min(1);

export const EvidenceUploaded = defineEvent("evidence.uploaded", "evidence", {
  kind: z.enum(["file", "link"]),
  /** The plaintext's SHA-256 (files); null for links. */
  sha256: ContentHash.nullable(),
  sizeBytes: Bytes.nullable(),
  effectiveDate: Day,
  retainUntil: Day,
});

export const EvidenceLinked = defineEvent("evidence.linked", "evidence", {
  /** What the evidence was attached to, e.g. `obligation-occurrence`. */
  subjectType: SubjectType,
  subjectId: Id,
});

/** A file's contents were sent to someone (written before the first byte leaves). */
export const EvidenceDownloaded = defineEvent("evidence.downloaded", "evidence", {
  sha256: ContentHash,
  sizeBytes: Bytes,
});

export const EvidenceLegalHoldChanged = defineEvent("evidence.legal-hold-changed", "evidence", {
  legalHold: Change(z.boolean()),
});

/** The last-effective date changed, and with it how long the evidence is kept. */
export const EvidenceRetentionChanged = defineEvent("evidence.retention-changed", "evidence", {
  lastEffectiveDate: Change(Day.nullable()),
  retainUntil: Change(Day),
});

export const EvidenceDisposed = defineEvent("evidence.disposed", "evidence", {
  retainUntil: Day,
  /** False when another undisposed item of the organization still uses the same file. */
  blobDeleted: z.boolean(),
});
