/**
 * Evidence encryption: AES-256-GCM with a random 12-byte IV per blob. The additional authenticated
 * data names the key id, the organization and the plaintext's SHA-256, so a blob copied to another
 * organization or another address, or relabeled with another key id, fails to decrypt. Opening a
 * blob also checks that the plaintext hashes to its address.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { EvidenceKeyError, type EvidenceKeyRing } from "./keyring.ts";

/** Where a blob lives: one organization, one plaintext. */
export interface BlobAddress {
  organizationId: string;
  /** Hex SHA-256 of the plaintext. */
  sha256: string;
}

/** A blob as stored: the key that sealed it, and IV (12 bytes) + tag (16 bytes) + ciphertext. */
export interface SealedBlob {
  keyId: string;
  ciphertext: Buffer;
}

/** A stored blob that does not decrypt or does not match its address: tampered with or misplaced. */
export class EvidenceIntegrityError extends Error {
  override name = "EvidenceIntegrityError";
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Hex SHA-256, exactly what `sha256sum` prints for the same bytes. */
export const sha256Hex = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

// Ids and hex never contain a new line, so the fields cannot run into each other.
const associatedData = (keyId: string, address: BlobAddress) =>
  Buffer.from(`steward-evidence-v1\n${keyId}\n${address.organizationId}\n${address.sha256}`, "utf8");

/** Encrypts `plaintext` under the ring's active key for `address` (which must be its SHA-256). */
export function sealBlob(ring: EvidenceKeyRing, address: BlobAddress, plaintext: Uint8Array): SealedBlob {
  const keyId = ring.activeKeyId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.key(keyId)!, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, address));
  const encrypted = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { keyId, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), encrypted]) };
}

/**
 * Decrypts a stored blob, verifying the GCM tag (contents, key id, organization, address) and that
 * the plaintext hashes to the address. Throws EvidenceKeyError when the ring lacks the key and
 * EvidenceIntegrityError for anything that does not verify.
 */
export function openBlob(ring: EvidenceKeyRing, address: BlobAddress, sealed: SealedBlob): Buffer {
  const key = ring.key(sealed.keyId);
  if (!key)
    throw new EvidenceKeyError(
      `the blob is encrypted with key "${sealed.keyId}", which the configured key ring does not hold`,
    );
  const data = sealed.ciphertext;
  if (data.length <= IV_BYTES + TAG_BYTES) throw new EvidenceIntegrityError("the stored blob is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData(sealed.keyId, address));
  decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new EvidenceIntegrityError("the stored blob failed authentication (altered or misplaced)");
  }
  if (sha256Hex(plaintext) !== address.sha256)
    throw new EvidenceIntegrityError("the stored blob does not match its SHA-256 address");
  return plaintext;
}
