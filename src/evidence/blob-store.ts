/**
 * Where sealed evidence blobs live. The database implementation keeps them in `evidence_blobs`, so
 * an upload (blob, metadata, audit event) is one transaction on both engines and a failure leaves
 * nothing half written. An S3-compatible store is the scale-out path: it would implement the same
 * interface, write objects under their address before the metadata commits and sweep objects no
 * committed row names (docs/ARCHITECTURE.md, Evidence).
 */
import type { Queryable, Transaction } from "../db/index.ts";
import type { BlobAddress, SealedBlob } from "./cipher.ts";

export interface BlobStore {
  /** Stores the blob unless the organization already holds this address (identical files once). */
  put(tx: Transaction, address: BlobAddress, blob: SealedBlob): Promise<void>;
  get(tx: Transaction, address: BlobAddress): Promise<SealedBlob | null>;
  /** Deletes the blob unless undisposed evidence still uses it; true when it was deleted. */
  removeUnused(tx: Transaction, address: BlobAddress): Promise<boolean>;
}

/** pg answers bytea as a Buffer, PGlite as a Uint8Array: one type for callers. */
const asBuffer = (value: Uint8Array): Buffer =>
  Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);

export const databaseBlobStore: BlobStore = {
  async put(tx, address, blob) {
    // DO UPDATE (a no-op) rather than DO NOTHING: it locks an existing row until this upload
    // commits, so a disposal deciding whether the blob is still used waits and then sees the new row.
    await tx.query(
      `INSERT INTO evidence_blobs (organization_id, sha256, key_id, ciphertext) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id, sha256) DO UPDATE SET key_id = evidence_blobs.key_id`,
      [address.organizationId, address.sha256, blob.keyId, blob.ciphertext],
    );
  },

  async get(tx, address) {
    const { rows } = await tx.query<{ keyId: string; ciphertext: Uint8Array }>(
      `SELECT key_id AS "keyId", ciphertext FROM evidence_blobs WHERE organization_id = $1 AND sha256 = $2`,
      [address.organizationId, address.sha256],
    );
    const row = rows[0];
    return row ? { keyId: row.keyId, ciphertext: asBuffer(row.ciphertext) } : null;
  },

  async removeUnused(tx, address) {
    const params = [address.organizationId, address.sha256];
    // Lock first, decide in a later statement: its fresh snapshot sees any upload that was
    // holding the row, which a single DELETE ... NOT EXISTS would not.
    const locked = await tx.query(
      "SELECT 1 FROM evidence_blobs WHERE organization_id = $1 AND sha256 = $2 FOR UPDATE",
      params,
    );
    if (locked.rows.length === 0) return false;
    const { rowCount } = await tx.query(
      `DELETE FROM evidence_blobs b WHERE b.organization_id = $1 AND b.sha256 = $2
         AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.organization_id = $1 AND e.sha256 = $2
                           AND e.disposed_at IS NULL)`,
      params,
    );
    return rowCount > 0;
  },
};

export interface StaleBlob extends BlobAddress, SealedBlob {}

/**
 * Up to `limit` blobs of any organization sealed under another key than `activeKeyId`, locked
 * until the transaction ends. Unsafe: it crosses organizations (an operator task, key rotation).
 */
export async function unsafeLockBlobsNotUnderKey(
  tx: Transaction,
  activeKeyId: string,
  limit: number,
): Promise<StaleBlob[]> {
  const { rows } = await tx.query<Omit<StaleBlob, "ciphertext"> & { ciphertext: Uint8Array }>(
    `SELECT organization_id AS "organizationId", sha256, key_id AS "keyId", ciphertext FROM evidence_blobs
      WHERE key_id <> $1 ORDER BY organization_id, sha256 LIMIT $2 FOR UPDATE`,
    [activeKeyId, limit],
  );
  return rows.map((row) => ({ ...row, ciphertext: asBuffer(row.ciphertext) }));
}

/** Replaces a blob's sealed form (same address and plaintext, new key). */
export async function replaceSealedBlob(
  tx: Transaction,
  address: BlobAddress,
  blob: SealedBlob,
): Promise<void> {
  await tx.query(
    "UPDATE evidence_blobs SET key_id = $3, ciphertext = $4 WHERE organization_id = $1 AND sha256 = $2",
    [address.organizationId, address.sha256, blob.keyId, blob.ciphertext],
  );
}

/** How many blobs each key seals, across organizations (unsafe: an operator's count, no contents). */
export async function unsafeCountBlobsByKey(q: Queryable): Promise<Map<string, number>> {
  const { rows } = await q.query<{ keyId: string; n: number }>(
    `SELECT key_id AS "keyId", count(*)::int AS n FROM evidence_blobs GROUP BY key_id ORDER BY key_id`,
  );
  return new Map(rows.map((row) => [row.keyId, row.n]));
}
