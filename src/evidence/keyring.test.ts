/** The evidence key ring: parsing STEWARD_EVIDENCE_KEYS, and the data directory's generated key file. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { EvidenceKeyError, keyFileName, parseEvidenceKeys, resolveEvidenceKeys } from "./keyring.ts";

const keyA = Buffer.alloc(32, 0xa1).toString("base64");
const keyB = Buffer.alloc(32, 0xb2).toString("base64");
const root = mkdtempSync(join(tmpdir(), "steward-keys-"));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("evidence key ring", () => {
  it("makes the first key active and keeps the others for decryption", () => {
    const ring = parseEvidenceKeys(` new:${keyB} ,old:${keyA}\n# a comment\n`);
    assert.equal(ring.activeKeyId, "new");
    assert.deepEqual(ring.keyIds, ["new", "old"]);
    assert.deepEqual(ring.key("old"), Buffer.alloc(32, 0xa1));
    assert.equal(ring.key("missing"), undefined);
  });

  it("refuses unusable configurations without ever echoing key material", () => {
    const short = Buffer.alloc(16, 0xc3).toString("base64");
    const cases: [string, RegExp][] = [
      ["", /at least one/],
      [keyA, /key 1: expected keyId:base64/],
      [`bad id:${keyA}`, /key 1: expected keyId:base64/],
      [`k1:${short}`, /key "k1": expected 32 bytes/],
      [`k1:${keyA.slice(0, -2)}!=`, /key "k1": expected 32 bytes/],
      [`k1:${keyA},k1:${keyB}`, /"k1" appears twice/],
    ];
    for (const [text, message] of cases) {
      assert.throws(
        () => parseEvidenceKeys(text),
        (error: Error) => {
          assert.ok(error instanceof EvidenceKeyError);
          assert.match(error.message, /^STEWARD_EVIDENCE_KEYS: /);
          assert.match(error.message, message);
          for (const secret of [keyA, keyB, short, keyA.slice(0, 20)])
            assert.ok(!error.message.includes(secret));
          return true;
        },
        text,
      );
    }
  });

  it("generates a private key file once per data directory and reuses it", () => {
    const dataDir = mkdtempSync(join(root, "data-"));
    const first = resolveEvidenceKeys({ dataDir, create: true })!;
    const path = join(dataDir, keyFileName);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const again = resolveEvidenceKeys({ dataDir, create: true })!;
    assert.equal(again.activeKeyId, first.activeKeyId);
    assert.deepEqual(again.key(again.activeKeyId), first.key(first.activeKeyId));
    assert.equal(readFileSync(path, "utf8").match(/^[^#\s]/gm)?.length, 1, "one key line");
    // An operator rotates by putting a new key first in the file.
    writeFileSync(path, `next:${keyB}\n${readFileSync(path, "utf8")}`);
    const rotated = resolveEvidenceKeys({ dataDir, create: false })!;
    assert.deepEqual(rotated.keyIds, ["next", first.activeKeyId]);
  });

  it("prefers STEWARD_EVIDENCE_KEYS, and has no keys for PostgreSQL without it", () => {
    const dataDir = mkdtempSync(join(root, "data-"));
    const ring = resolveEvidenceKeys({ configured: `env:${keyA}`, dataDir, create: true })!;
    assert.equal(ring.activeKeyId, "env");
    assert.throws(() => statSync(join(dataDir, keyFileName)), /ENOENT/);
    assert.equal(resolveEvidenceKeys({ dataDir: undefined, create: true }), null);
    assert.equal(resolveEvidenceKeys({ configured: "  ", dataDir: undefined, create: true }), null);
    assert.equal(resolveEvidenceKeys({ dataDir, create: false }), null, "rotation never creates a key");
    assert.notEqual(resolveEvidenceKeys({ dataDir: "memory://", create: true }), null);
  });
});
