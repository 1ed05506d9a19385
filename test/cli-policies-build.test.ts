/** `steward policies build` at its boundary: flags, bad profiles and the summary a user reads. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runSteward } from "./support/cli.ts";
import { examplePath } from "./support/profiles.ts";

const root = mkdtempSync(join(tmpdir(), "steward-cli-build-"));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

const run = (...argv: string[]) => runSteward(argv);

describe("steward policies build", () => {
  it("rejects an unknown format and names the allowed ones", async () => {
    const result = await run(
      "policies",
      "build",
      "--profile",
      examplePath("brightpath-saas.yaml"),
      "--out",
      join(root, "x"),
      "--format",
      "site,docx",
    );
    assert.equal(result.code, 2);
    assert.equal(
      result.err,
      'steward policies build: --format: unknown format "docx"; expected one or more of site, markdown, pdf',
    );
    assert.ok(!existsSync(join(root, "x")));
  });

  it("requires --profile and --out, and rejects unknown flags", async () => {
    assert.equal(
      (await run("policies", "build", "--out", root)).err,
      "steward policies build: --profile FILE is required",
    );
    assert.equal(
      (await run("policies", "build", "--profile", "p.yaml")).err,
      "steward policies build: --out DIR is required",
    );
    const unknown = await run("policies", "build", "--profil", "p.yaml");
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown option '--profil'/);
  });

  it("builds nothing from an invalid profile and says why", async () => {
    const bad = join(root, "bad.yaml");
    writeFileSync(bad, "organization:\n  name: 12\n");
    const result = await run("policies", "build", "--profile", bad, "--out", join(root, "bad-out"));
    assert.equal(result.code, 1);
    assert.match(result.err, /^organization\.name: expected text, got 12 \(number\)/m);
    assert.match(result.err, /invalid profile, nothing was built/);
    assert.ok(!existsSync(join(root, "bad-out")));
  });

  it("prints what it built", async () => {
    const result = await run(
      "policies",
      "build",
      "--profile",
      examplePath("brightpath-saas.yaml"),
      "--out",
      join(root, "ok"),
      "--format",
      "markdown",
    );
    assert.equal(result.code, 0, result.err);
    assert.match(
      result.out,
      /^Built \d+ policies for BrightPath \(version 2\.0, effective 2026-09-01\) into .*: markdown, coverage\.json \(\d+ of 123 citations addressed\) in \d+ ms$/,
    );
    assert.ok(existsSync(join(root, "ok", "markdown", "README.md")));
  });
});
