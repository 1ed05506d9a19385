import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  timeStep,
  totpCode,
} from "./totp.ts";

const rfcKey = Buffer.from("12345678901234567890", "ascii");
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("encodes base32 as RFC 4648 does", () => {
    assert.equal(base32Encode(rfcKey), rfcSecret);
    assert.equal(base32Encode(Buffer.from("foobar")), "MZXW6YTBOI");
    assert.deepEqual(base32Decode("MZXW6YTBOI"), Buffer.from("foobar"));
    assert.deepEqual(base32Decode(newTotpSecret()).length, 20);
    assert.throws(() => base32Decode("not base32!"), /not a base32 string/);
  });

  it("computes the RFC 4226 HOTP test values", () => {
    const expected = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    assert.deepEqual(
      expected.map((_, counter) => hotp(rfcKey, counter)),
      expected,
    );
  });

  it("computes the RFC 6238 SHA-1 test values (8 digits, 30-second steps)", () => {
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, code] of vectors) {
      assert.equal(hotp(rfcKey, timeStep(new Date(seconds * 1000)), 8), code, `T=${seconds}`);
    }
    // The 6-digit code is the last six digits of the same value.
    assert.equal(totpCode(rfcSecret, new Date(59_000)), "287082");
  });

  it("accepts one step of drift either way, and each step once", () => {
    const now = new Date("2026-03-02T09:00:10Z");
    const step = timeStep(now);
    const at = (offset: number) => new Date(now.getTime() + offset * 30_000);
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, now), now, null), step);
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, at(-1)), now, null), step - 1);
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, at(1)), now, null), step + 1);
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, at(-2)), now, null), null);
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, at(2)), now, null), null);
    // Replay: the step already accepted, or an earlier one, is refused.
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, now), now, step), null);
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, at(-1)), now, step - 1), null);
    assert.equal(matchTotp(rfcSecret, totpCode(rfcSecret, at(1)), now, step), step + 1);
    assert.equal(matchTotp(rfcSecret, "12345", now, null), null);
    assert.equal(matchTotp(rfcSecret, "abcdef", now, null), null);
  });

  it("builds the otpauth URI authenticator apps read", () => {
    assert.equal(
      otpauthUri({ secret: rfcSecret, account: "ana@example.com", issuer: "Steward" }),
      `otpauth://totp/Steward%3Aana%40example.com?secret=${rfcSecret}&issuer=Steward&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
