import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";

const context = { email: "ana.lima@example.com", displayName: "Ana Lima", minLength: 12 };

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const stored = await hashPassword("correct horse battery");
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(stored, "correct horse battery"), true);
    assert.equal(await verifyPassword(stored, "correct horse batterY"), false);
    assert.equal(await verifyPassword(null, "anything"), false);
    assert.equal(await verifyPassword("not a hash", "anything"), false);
  });

  it("applies the organization's rules with exact messages", () => {
    assert.equal(passwordProblem("short", context), "must be at least 12 characters");
    assert.equal(passwordProblem("x".repeat(257), context), "must be at most 256 characters");
    assert.equal(passwordProblem("ANA.LIMA@example.com", context), "must not be your email address");
    assert.equal(passwordProblem("my name is ana lima!", context), "must not contain your name");
    assert.equal(passwordProblem("a long enough passphrase", context), null);
    assert.equal(passwordProblem("twelve chars", context), null);
    assert.equal(passwordProblem("eight ch", { ...context, minLength: 8 }), null);
    // Characters as people count them: four emoji are four characters, not eight.
    assert.equal(passwordProblem("🔑🔑🔑🔑", { ...context, minLength: 5 }), "must be at least 5 characters");
    // A very short name would forbid too much to be useful.
    assert.equal(passwordProblem("a long passphrase", { ...context, displayName: "Al" }), null);
  });
});
