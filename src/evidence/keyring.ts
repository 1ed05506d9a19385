/**
 * The evidence key ring: AES-256 keys by id. The first key encrypts new files; the others only
 * decrypt. Rotation is therefore a configuration change followed by one command: put a new key
 * first, run `steward evidence rotate-keys`, then drop the old key (docs/ARCHITECTURE.md, Evidence).
 * Key material never appears in messages: errors name the source and the key's position or id.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface EvidenceKeyRing {
  /** The id of the key that encrypts new blobs (the first one configured). */
  readonly activeKeyId: string;
  /** Every key id, the active one first. */
  readonly keyIds: readonly string[];
  /** The 32-byte key with this id, or undefined when the ring does not hold it. */
  key(id: string): Buffer | undefined;
}

/** A key configuration that cannot be used, or a blob under a key the ring does not hold. */
export class EvidenceKeyError extends Error {
  override name = "EvidenceKeyError";
}

/** The file a data directory keeps its generated keys in, same syntax as STEWARD_EVIDENCE_KEYS. */
export const keyFileName = "evidence-keys";

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Parses `keyId:base64,keyId:base64...` (commas or new lines; `#` starts a comment line). Each key
 * is 32 random bytes in base64 (44 characters), for example from `openssl rand -base64 32`.
 */
export function parseEvidenceKeys(text: string, source = "STEWARD_EVIDENCE_KEYS"): EvidenceKeyRing {
  const entries = text
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .flatMap((line) => line.split(","))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) throw new EvidenceKeyError(`${source}: expected at least one keyId:base64 key`);
  const keys = new Map<string, Buffer>();
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(":");
    const id = colon < 0 ? "" : entry.slice(0, colon);
    if (!KEY_ID.test(id))
      throw new EvidenceKeyError(
        `${source}: key ${index + 1}: expected keyId:base64, the id made of letters, digits, '.', '_' or '-' (at most 64)`,
      );
    const encoded = entry.slice(colon + 1);
    if (!BASE64.test(encoded))
      throw new EvidenceKeyError(`${source}: key "${id}": expected 32 bytes in base64 (44 characters)`);
    if (keys.has(id)) throw new EvidenceKeyError(`${source}: key id "${id}" appears twice`);
    keys.set(id, Buffer.from(encoded, "base64"));
  });
  const keyIds = [...keys.keys()];
  return { activeKeyId: keyIds[0]!, keyIds, key: (id) => keys.get(id) };
}

/** A ring holding one new random key (first runs, tests). */
export function generateEvidenceKeyRing(id = `key-${new Date().toISOString().slice(0, 10)}`): {
  ring: EvidenceKeyRing;
  text: string;
} {
  const text = `${id}:${randomBytes(32).toString("base64")}`;
  return { ring: parseEvidenceKeys(text, "generated key"), text };
}

export interface KeySource {
  /** STEWARD_EVIDENCE_KEYS when set: it wins over any key file. */
  configured?: string | undefined;
  /** Steward's data directory (embedded database), or undefined with PostgreSQL. */
  dataDir?: string | undefined;
  /** Generate a key file in the data directory when none exists (serve), or not (rotate-keys). */
  create: boolean;
}

/**
 * The key ring to use, or null when none is configured (PostgreSQL without STEWARD_EVIDENCE_KEYS:
 * uploads then answer 503). With a data directory and no configured keys, its `evidence-keys` file
 * is read, and created once with a random key (mode 0600) when `create` is set.
 */
export function resolveEvidenceKeys(source: KeySource): EvidenceKeyRing | null {
  if (source.configured !== undefined && source.configured.trim() !== "")
    return parseEvidenceKeys(source.configured);
  if (source.dataDir === undefined) return null;
  // A throwaway in-memory database gets a throwaway key.
  if (source.dataDir.startsWith("memory://")) return source.create ? generateEvidenceKeyRing().ring : null;
  const path = join(source.dataDir, keyFileName);
  if (existsSync(path)) return parseEvidenceKeys(readFileSync(path, "utf8"), path);
  if (!source.create) return null;
  const { ring, text } = generateEvidenceKeyRing();
  const header =
    "# Steward evidence keys (keyId:base64, one per line). The first encrypts new files; the others\n" +
    "# only decrypt. Back this file up apart from the database: without it no evidence can be read.\n";
  // wx: never overwrite a key file another process wrote meanwhile.
  writeFileSync(path, `${header}${text}\n`, { mode: 0o600, flag: "wx" });
  return ring;
}
