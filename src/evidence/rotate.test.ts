/** Key rotation on both engines, and `steward evidence rotate-keys` on a data directory. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { forEachDatabase } from "../../test/support/databases.ts";
import { runSteward } from "../../test/support/cli.ts";
import { startTestServer } from "../../test/support/server.ts";
import { config } from "../config.ts";
import { openDatabase, type Database } from "../db/index.ts";
import { uploadFile } from "../modules/evidence/evidence.test-support.ts";
import { databaseBlobStore } from "./blob-store.ts";
import { openBlob } from "./cipher.ts";
import { EvidenceKeyError, keyFileName, parseEvidenceKeys } from "./keyring.ts";
import { rotateEvidenceKeys } from "./rotate.ts";

const oldKey = `old:${Buffer.alloc(32, 0x11).toString("base64")}`;
const newKey = `new:${Buffer.alloc(32, 0x22).toString("base64")}`;
const oldRing = parseEvidenceKeys(oldKey);
const newOnly = parseEvidenceKeys(newKey);

/** Opens every blob of the organization with `ring`. */
async function readAll(db: Database, organizationId: string, ring: typeof oldRing): Promise<string[]> {
  const { rows } = await db.query<{ sha256: string }>(
    "SELECT sha256 FROM evidence_blobs WHERE organization_id = $1 ORDER BY sha256",
    [organizationId],
  );
  return db.transaction(async (tx) => {
    const texts: string[] = [];
    for (const { sha256 } of rows) {
      const address = { organizationId, sha256 };
      texts.push(openBlob(ring, address, (await databaseBlobStore.get(tx, address))!).toString());
    }
    return texts.sort();
  });
}

forEachDatabase("evidence key rotation", (context) => {
  it("re-encrypts every blob under the new key, after which only the new key is needed", async () => {
    const server = await startTestServer(context.db);
    const org = server.organization.id;
    const userId = server.members.owner.id;
    for (const data of ["one", "two", "three"])
      await uploadFile(context.db, org, { userId, data, keys: oldRing });
    assert.deepEqual(await readAll(context.db, org, oldRing), ["one", "three", "two"]);
    await assert.rejects(readAll(context.db, org, newOnly), EvidenceKeyError);

    const both = parseEvidenceKeys(`${newKey},${oldKey}`);
    const result = await rotateEvidenceKeys(context.db, both, { batchSize: 2 });
    assert.equal(result.activeKeyId, "new");
    assert.ok(result.rotated >= 3, "this organization's blobs at least (the database is shared by suites)");
    assert.deepEqual([...result.blobsByKey.keys()], ["new"]);
    assert.deepEqual(await readAll(context.db, org, newOnly), ["one", "three", "two"]);
    await assert.rejects(readAll(context.db, org, oldRing), EvidenceKeyError);
    assert.equal((await rotateEvidenceKeys(context.db, both)).rotated, 0, "a second run has nothing to do");
  });
});

describe(
  "steward evidence rotate-keys --data DIR",
  { skip: config().STEWARD_EVIDENCE_KEYS !== undefined },
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), "steward-rotate-"));
    after(() => {
      rmSync(dataDir, { recursive: true, force: true });
    });
    const keyFile = (text: string) => {
      writeFileSync(join(dataDir, keyFileName), `${text}\n`, { mode: 0o600 });
    };

    it("rotates, reports, and exits 1 naming a key the ring does not hold", async () => {
      const db = await openDatabase({ dataDir });
      try {
        const { rows } = await db.query<{ id: string }>(
          "INSERT INTO organizations (slug, name) VALUES ('rotate', 'Rotate') RETURNING id",
        );
        for (const data of ["x", "y"])
          await uploadFile(db, rows[0]!.id, { userId: "usr_x", data, keys: oldRing });
      } finally {
        await db.close();
      }
      assert.equal((await runSteward(["evidence", "rotate-keys", "--data", join(dataDir, "none")])).code, 2);
      keyFile(`# rotated on 2026-03-02\n${newKey}\n${oldKey}`);
      assert.deepEqual(
        await runSteward(["evidence", "rotate-keys", "--data", dataDir]).then((r) => [r.code, r.outLines]),
        [
          0,
          [
            're-encrypted 2 files under key "new"',
            "every evidence file is under the active key: the other keys can be removed",
          ],
        ],
      );
      keyFile(oldKey);
      const stopped = await runSteward(["evidence", "rotate-keys", "--data", dataDir]);
      assert.equal(stopped.code, 1);
      assert.match(stopped.err, /rotation stopped: the blob is encrypted with key "new"/);
      keyFile("old:not-a-key");
      const bad = await runSteward(["evidence", "rotate-keys", "--data", dataDir]);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /key "old": expected 32 bytes/);
      assert.ok(!bad.err.includes("not-a-key"));
    });
  },
);
