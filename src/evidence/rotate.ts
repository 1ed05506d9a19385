/**
 * `rotateEvidenceKeys`: re-encrypts every blob that is not under the ring's active key, a batch per
 * transaction, so an interrupted run keeps what it finished and the next run continues from there.
 * Each blob is opened (tag and address verified) before it is sealed again: a damaged blob stops
 * the run instead of being re-encrypted as if it were sound.
 */
import type { Database } from "../db/index.ts";
import { replaceSealedBlob, unsafeCountBlobsByKey, unsafeLockBlobsNotUnderKey } from "./blob-store.ts";
import { EvidenceIntegrityError, openBlob, sealBlob } from "./cipher.ts";
import type { EvidenceKeyRing } from "./keyring.ts";

export interface RotationResult {
  activeKeyId: string;
  /** Blobs re-encrypted by this run. */
  rotated: number;
  /** Blobs per key after the run (every blob under the active key when it succeeded). */
  blobsByKey: Map<string, number>;
}

export async function rotateEvidenceKeys(
  db: Database,
  ring: EvidenceKeyRing,
  options: { batchSize?: number } = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 100;
  let rotated = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const batch = await unsafeLockBlobsNotUnderKey(tx, ring.activeKeyId, batchSize);
      for (const blob of batch) {
        let plaintext: Buffer;
        try {
          plaintext = openBlob(ring, blob, blob);
        } catch (error) {
          if (!(error instanceof EvidenceIntegrityError)) throw error;
          // Ids only: which blob, never what it holds.
          throw new EvidenceIntegrityError(
            `blob ${blob.sha256} of organization ${blob.organizationId}: ${error.message}`,
          );
        }
        await replaceSealedBlob(tx, blob, sealBlob(ring, blob, plaintext));
      }
      return batch.length;
    });
    rotated += count;
    if (count < batchSize) break;
  }
  return { activeKeyId: ring.activeKeyId, rotated, blobsByKey: await unsafeCountBlobsByKey(db) };
}
