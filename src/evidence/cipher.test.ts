/** AES-256-GCM sealing of evidence: round trip, tamper detection, binding to organization and address. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { EvidenceIntegrityError, openBlob, sealBlob, sha256Hex } from "./cipher.ts";
import { EvidenceKeyError, generateEvidenceKeyRing, parseEvidenceKeys } from "./keyring.ts";

const ring = generateEvidenceKeyRing("k1").ring;
const plaintext = Buffer.from("Signed business associate agreement, page 1 of 4\n");
const address = { organizationId: "org_a", sha256: sha256Hex(plaintext) };

describe("evidence cipher", () => {
  it("round-trips, with a fresh IV each time and nothing of the plaintext visible", () => {
    const first = sealBlob(ring, address, plaintext);
    const second = sealBlob(ring, address, plaintext);
    assert.equal(first.keyId, "k1");
    assert.equal(first.ciphertext.length, 12 + 16 + plaintext.length);
    assert.notDeepEqual(first.ciphertext, second.ciphertext);
    assert.equal(first.ciphertext.includes(plaintext.subarray(0, 16)), false);
    assert.deepEqual(openBlob(ring, address, first), plaintext);
    assert.deepEqual(openBlob(ring, address, second), plaintext);
  });

  it("detects a flipped byte anywhere: IV, tag or ciphertext", () => {
    const sealed = sealBlob(ring, address, plaintext);
    for (const index of [0, 12, 28, sealed.ciphertext.length - 1]) {
      const damaged = Buffer.from(sealed.ciphertext);
      damaged[index] = damaged[index]! ^ 0x01;
      assert.throws(
        () => openBlob(ring, address, { ...sealed, ciphertext: damaged }),
        EvidenceIntegrityError,
        `byte ${index}`,
      );
    }
    assert.throws(
      () => openBlob(ring, address, { ...sealed, ciphertext: sealed.ciphertext.subarray(0, 20) }),
      EvidenceIntegrityError,
    );
  });

  it("refuses a blob moved to another organization, another address or relabeled with another key", () => {
    const sealed = sealBlob(ring, address, plaintext);
    assert.throws(
      () => openBlob(ring, { ...address, organizationId: "org_b" }, sealed),
      EvidenceIntegrityError,
    );
    assert.throws(
      () => openBlob(ring, { ...address, sha256: "0".repeat(64) }, sealed),
      EvidenceIntegrityError,
    );
    const twoKeys = parseEvidenceKeys(`k2:${Buffer.alloc(32, 1).toString("base64")},k1:${"A".repeat(43)}=`);
    assert.throws(() => openBlob(twoKeys, address, { ...sealed, keyId: "k2" }), EvidenceIntegrityError);
  });

  it("names a missing key by id and never decrypts with the wrong key", () => {
    const sealed = sealBlob(ring, address, plaintext);
    const other = generateEvidenceKeyRing("k9").ring;
    assert.throws(
      () => openBlob(other, address, sealed),
      (error: Error) => {
        assert.ok(error instanceof EvidenceKeyError);
        assert.match(error.message, /key "k1"/);
        return true;
      },
    );
    const sameIdOtherKey = generateEvidenceKeyRing("k1").ring;
    assert.throws(() => openBlob(sameIdOtherKey, address, sealed), EvidenceIntegrityError);
  });

  it("checks the plaintext against its address even when the tag verifies", () => {
    const wrong = { ...address, sha256: sha256Hex(Buffer.from("something else")) };
    assert.throws(
      () => openBlob(ring, wrong, sealBlob(ring, wrong, plaintext)),
      /does not match its SHA-256/,
    );
  });

  it("addresses files by the hex SHA-256 that sha256sum prints", () => {
    assert.equal(
      sha256Hex(Buffer.from("abc")),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const dir = mkdtempSync(join(tmpdir(), "steward-sha-"));
    try {
      const file = join(dir, "evidence.bin");
      const bytes = Buffer.from([0, 1, 2, 255, 10, 13]);
      writeFileSync(file, bytes);
      let printed: string;
      try {
        printed = execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]!;
      } catch {
        return; // no coreutils here: the fixed vector above still holds
      }
      assert.equal(sha256Hex(bytes), printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
