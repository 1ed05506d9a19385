/** Helpers for the evidence tests: a multipart/form-data body built by hand, and a direct upload. */
import { randomBytes } from "node:crypto";
import type { Database } from "../../db/index.ts";
import type { EvidenceKeyRing } from "../../evidence/keyring.ts";
import { testEvidenceKeys } from "../../../test/support/server.ts";
import type { EvidenceItem } from "./evidence.presenter.ts";
import { uploadEvidence } from "./evidence.service.ts";

export interface FilePart {
  filename: string;
  mediaType?: string;
  data: Buffer;
  /** The form field (default `file`). */
  field?: string;
}

/** A multipart/form-data payload and its content-type header, as a browser's form would send. */
export function multipartBody(
  fields: Record<string, string>,
  files: FilePart[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----steward-test-${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.mediaType ?? "application/pdf"}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a file through the service as `userId`, with the test key ring unless given. */
export function uploadFile(
  db: Database,
  organizationId: string,
  options: {
    userId: string;
    data: Buffer | string;
    effectiveDate?: string;
    keys?: EvidenceKeyRing | null;
    subject?: { subjectType: string; subjectId: string };
    now?: Date;
  },
): Promise<EvidenceItem> {
  return uploadEvidence({
    db,
    keys: options.keys === undefined ? testEvidenceKeys : options.keys,
    organizationId,
    actor: { type: "user", id: options.userId },
    title: "Test evidence",
    effectiveDate: options.effectiveDate ?? "2026-01-15",
    subject: options.subject,
    file: { filename: "evidence.pdf", mediaType: "application/pdf", data: Buffer.from(options.data) },
    now: options.now ?? new Date("2026-03-02T09:00:00Z"),
  });
}
