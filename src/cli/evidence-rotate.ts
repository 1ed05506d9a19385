/**
 * `steward evidence rotate-keys [--data DIR]`: re-encrypts every evidence file under the active
 * (first) key of STEWARD_EVIDENCE_KEYS, or of DIR/evidence-keys when the variable is unset. Exit 0
 * when every blob is under the active key, 1 when a blob could not be re-encrypted, 2 for usage
 * and configuration errors.
 */
import { config } from "../config.ts";
import { openDatabase, storageOptions, type Database } from "../db/index.ts";
import { EvidenceIntegrityError } from "../evidence/cipher.ts";
import {
  EvidenceKeyError,
  keyFileName,
  resolveEvidenceKeys,
  type EvidenceKeyRing,
} from "../evidence/keyring.ts";
import { rotateEvidenceKeys } from "../evidence/rotate.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";
import { CliError, type CliIo } from "./io.ts";

const usage = `Usage: steward evidence rotate-keys [--data DIR]

Re-encrypts every evidence file that is not under the active evidence key (the first one in
STEWARD_EVIDENCE_KEYS, else in DIR/${keyFileName}). Put the new key first, keep the old ones after
it, run this command, then remove the old keys. An interrupted run can simply be started again.
With the embedded database, stop the server first (one process opens a data directory at a time).

Options:
  --data DIR  the data directory (embedded database); without it DATABASE_URL, then STEWARD_DATA
  -h, --help  show this help

Exit status: 0 when every file is under the active key, 1 when a file could not be re-encrypted,
2 for usage or configuration errors.`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The command's work on an open database (tests call it with theirs, on both engines). */
export async function rotateKeys(db: Database, ring: EvidenceKeyRing, io: CliIo): Promise<number> {
  try {
    const result = await rotateEvidenceKeys(db, ring);
    const others = [...result.blobsByKey].filter(([id]) => id !== result.activeKeyId);
    io.out(`re-encrypted ${plural(result.rotated, "file")} under key "${result.activeKeyId}"`);
    if (others.length === 0) {
      io.out("every evidence file is under the active key: the other keys can be removed");
      return 0;
    }
    io.out(`still under other keys: ${others.map(([id, n]) => `${id} (${n})`).join(", ")}`);
    return 1;
  } catch (error) {
    if (!(error instanceof EvidenceKeyError || error instanceof EvidenceIntegrityError)) throw error;
    io.err(`rotation stopped: ${error.message}`);
    return 1;
  }
}

export const evidenceRotateCommand: Command = {
  name: "evidence rotate-keys",
  summary: "Re-encrypt every evidence file under the active evidence key",
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      data: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const storage = storageOptions(values);
    let ring: EvidenceKeyRing | null;
    try {
      ring = resolveEvidenceKeys({
        configured: config().STEWARD_EVIDENCE_KEYS,
        dataDir: storage.dataDir,
        create: false,
      });
    } catch (error) {
      if (error instanceof EvidenceKeyError) throw new CliError(error.message);
      throw error;
    }
    if (!ring)
      throw new CliError(
        `no evidence keys: set STEWARD_EVIDENCE_KEYS${storage.dataDir ? ` or create ${keyFileName} in the data directory` : ""}`,
      );
    let db: Database;
    try {
      db = await openDatabase({ ...storage, mustExist: true });
    } catch (error) {
      throw new CliError(`cannot open the database: ${(error as Error).message}`);
    }
    try {
      return await rotateKeys(db, ring, io);
    } finally {
      await db.close();
    }
  },
};
