/**
 * `steward` (bin/steward) runs `policies build` from the V8 startup snapshot dist/steward.blob. What
 * it writes and prints must be exactly what `node bin/steward.js policies build` writes and prints:
 * every file of every example in site and Markdown, the errors of a bad profile, the exit codes. It
 * must fall back to the plain bundle whenever the blob may not fit, and never serve content that
 * changed after the blob was made. Needs a built dist/ (npm run build; npm ci runs it).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { packageRoot } from "../src/paths.ts";
import { findChromium } from "../src/publish/pdf.ts";

const root = packageRoot();
const work = mkdtempSync(join(tmpdir(), "steward-snapshot-"));
after(() => {
  rmSync(work, { recursive: true, force: true });
});

// The `node` bin/steward finds on PATH is the one running these tests (and the build, in CI).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
  NODE_OPTIONS: "",
};

interface RunOptions {
  cwd?: string;
  /** bin/steward of another package copy (its steward.js runs the bundle side). */
  bin?: string;
  env?: NodeJS.ProcessEnv;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Which program bin/steward started: "snapshot" or "bundle". */
  via: "snapshot" | "bundle" | null;
}

/**
 * Runs `sh -x BIN args` (or `node bin/steward.js args`): the trace shows the command the launcher
 * execs, and is then removed so stderr is what a user sees.
 */
function run(how: "launcher" | "bundle", args: string[], options: RunOptions = {}): Run {
  const cwd = options.cwd ?? root;
  const result =
    how === "launcher"
      ? spawnSync("sh", ["-x", options.bin ?? join(root, "bin", "steward"), ...args], {
          cwd,
          env: options.env ?? env,
          encoding: "utf8",
        })
      : spawnSync(
          process.execPath,
          [join(options.bin ? dirname(options.bin) : join(root, "bin"), "steward.js"), ...args],
          {
            cwd,
            env: options.env ?? env,
            encoding: "utf8",
          },
        );
  const lines = result.stderr.split("\n");
  const exec = lines.filter((line) => line.startsWith("+ exec ")).at(-1) ?? "";
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: lines.filter((line) => !line.startsWith("+ ")).join("\n"),
    via:
      how === "bundle"
        ? null
        : exec.includes("--snapshot-blob")
          ? "snapshot"
          : exec.includes("steward.js")
            ? "bundle"
            : null,
  };
}

/** Every file under `dir`, relative path -> bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

function assertSameTree(actual: string, expected: string): void {
  const a = tree(actual);
  const b = tree(expected);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  assert.ok(a.size > 10, `expected a built policy set in ${actual}`);
  for (const [path, bytes] of b) assert.ok(a.get(path)!.equals(bytes), `${path} differs`);
}

/** "Built ... in 123 ms": the duration is the one part of the output that may differ. */
const withoutDuration = (stdout: string) => stdout.replace(/ in \d+ ms\n$/, " in N ms\n");

/** Builds one profile both ways into the same --out path (so the printed paths match) and compares. */
function buildBothWays(profile: string, format: string, options: RunOptions = {}) {
  const out = join(work, "out");
  const args = ["policies", "build", "--profile", profile, "--out", out, "--format", format];
  const viaLauncher = run("launcher", args, options);
  assert.equal(viaLauncher.status, 0, viaLauncher.stderr);
  const kept = join(work, `launcher-${Math.random().toString(36).slice(2)}`);
  cpSync(out, kept, { recursive: true });
  const viaBundle = run("bundle", args, options);
  assert.equal(viaBundle.status, 0, viaBundle.stderr);
  assert.equal(withoutDuration(viaLauncher.stdout), withoutDuration(viaBundle.stdout));
  assert.equal(viaLauncher.stderr, viaBundle.stderr);
  assertSameTree(kept, out);
  return { viaLauncher, out };
}

describe("steward policies build through bin/steward (startup snapshot)", () => {
  it("has a snapshot made by the node on PATH, and uses it", () => {
    assert.ok(
      existsSync(join(root, "dist", "steward.blob")),
      "dist/steward.blob is missing: run npm run build",
    );
    const help = run("launcher", ["policies", "build", "--help"]);
    assert.equal(help.via, "snapshot", "bin/steward did not use the snapshot (made by another node?)");
    assert.deepEqual([help.status, help.stderr], [0, ""]);
    assert.equal(help.stdout, run("bundle", ["policies", "build", "--help"]).stdout);
  });

  for (const example of readdirSync(join(root, "examples")).filter((name) => name.endsWith(".yaml"))) {
    it(`writes exactly what node bin/steward.js writes for ${example} (site,markdown)`, () => {
      const { viaLauncher } = buildBothWays(join("examples", example), "site,markdown");
      assert.equal(viaLauncher.via, "snapshot");
    });
  }

  it("writes exactly what node bin/steward.js writes for Markdown only, from another directory", () => {
    cpSync(join(root, "examples", "harborline-paas.yaml"), join(work, "profile.yaml"));
    const { viaLauncher } = buildBothWays("profile.yaml", "markdown", { cwd: work });
    assert.equal(viaLauncher.via, "snapshot");
    assert.match(viaLauncher.stdout, / into out: markdown, coverage\.json /);
  });

  it(
    "prints a PDF, loading playwright-core from node_modules",
    { skip: !findChromium() && "no Chromium" },
    () => {
      const out = join(work, "pdf");
      const args = [
        "policies",
        "build",
        "--profile",
        "examples/brightpath-saas.yaml",
        "--out",
        out,
        "--format",
        "pdf",
      ];
      const viaLauncher = run("launcher", args);
      assert.deepEqual([viaLauncher.via, viaLauncher.status, viaLauncher.stderr], ["snapshot", 0, ""]);
      assert.equal(readFileSync(join(out, "policies.pdf")).subarray(0, 5).toString(), "%PDF-");
      const coverage = readFileSync(join(out, "coverage.json"));
      assert.equal(run("bundle", args).status, 0);
      assert.ok(coverage.equals(readFileSync(join(out, "coverage.json"))));
    },
  );

  it("reports an invalid profile with the same errors and exit code 1", () => {
    const bad = join(work, "bad.yaml");
    const example = readFileSync(join(root, "examples", "harborline-paas.yaml"), "utf8");
    writeFileSync(
      bad,
      example
        .replace(/^organization:\n/m, "organization:\n  founded: soon\n")
        .replace(/legalName: .*/, "legalName: 42"),
    );
    const out = join(work, "bad-out");
    for (const profile of [bad, join(work, "missing.yaml")]) {
      const args = ["policies", "build", "--profile", profile, "--out", out];
      const viaLauncher = run("launcher", args);
      const viaBundle = run("bundle", args);
      assert.equal(viaLauncher.via, "snapshot");
      assert.equal(viaLauncher.status, 1);
      assert.deepEqual(viaLauncher, { ...viaBundle, via: "snapshot" });
      assert.match(viaLauncher.stderr, /invalid profile, nothing was built/);
    }
    const broken = join(work, "broken.yaml");
    writeFileSync(broken, "organization: [unclosed\n");
    const args = ["policies", "build", "--profile", broken, "--out", out];
    assert.deepEqual(run("launcher", args), { ...run("bundle", args), via: "snapshot" });
    assert.equal(existsSync(out), false);
  });

  it("reports usage errors the same way (exit code 2)", () => {
    for (const args of [
      ["--profile", "examples/harborline-paas.yaml"],
      ["--out", "x", "--format", "docx"],
      ["--nope"],
    ]) {
      const viaLauncher = run("launcher", ["policies", "build", ...args]);
      assert.equal(viaLauncher.status, 2);
      assert.deepEqual(viaLauncher, { ...run("bundle", ["policies", "build", ...args]), via: "snapshot" });
    }
  });

  it("runs every other command with the plain bundle", () => {
    const check = run("launcher", ["profile", "check", "examples/brightpath-saas.yaml"]);
    assert.equal(check.via, "bundle");
    assert.deepEqual([check.status, check.stdout], [0, "examples/brightpath-saas.yaml: valid\n"]);
    const usage = run("launcher", []);
    assert.equal(usage.status, 2);
    assert.equal(usage.stdout, run("bundle", []).stdout);
  });

  it("falls back to the bundle when NODE_OPTIONS is set", () => {
    const { viaLauncher } = buildBothWays("examples/brightpath-saas.yaml", "markdown", {
      env: { ...env, NODE_OPTIONS: "--no-warnings" },
    });
    assert.equal(viaLauncher.via, "bundle");
  });

  it("falls back to the bundle when the node on PATH is not the one that made the blob", () => {
    const bin = join(work, "other-node");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "node"), `#!/bin/sh\nexec '${process.execPath}' "$@"\n`);
    chmodSync(join(bin, "node"), 0o755);
    const { viaLauncher } = buildBothWays("examples/brightpath-saas.yaml", "markdown", {
      env: { ...env, PATH: `${bin}${delimiter}${env.PATH}` },
    });
    assert.equal(viaLauncher.via, "bundle");
  });

  it("is found through a symbolic link, as npm links bin files", () => {
    const bin = join(work, "node_modules", ".bin");
    mkdirSync(bin, { recursive: true });
    symlinkSync(join(root, "bin", "steward"), join(bin, "steward"));
    const help = run("launcher", ["policies", "build", "--help"], { bin: join(bin, "steward") });
    assert.deepEqual([help.via, help.status], ["snapshot", 0]);
  });

  it("never serves content that changed after the snapshot was made", () => {
    // A copy of the package (the blob knows it was made elsewhere) with edited content.
    const copy = join(work, "package");
    mkdirSync(join(copy, "dist"), { recursive: true });
    for (const name of ["package.json", "bin", "content"])
      cpSync(join(root, name), join(copy, name), { recursive: true });
    for (const name of ["steward.blob", "steward.blob.stamp", "steward.js", "chunks", "yaml-cache.json"])
      cpSync(join(root, "dist", name), join(copy, "dist", name), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    const catalog = join(copy, "content", "catalog", "hipaa-security.yaml");
    const text = readFileSync(catalog, "utf8");
    const title = /title: ([^,}]+)/.exec(text)![1]!;
    writeFileSync(catalog, text.replace(`title: ${title}`, "title: Edited after the build"));
    const { viaLauncher, out } = buildBothWays(
      join(root, "examples", "cedarridge-hybrid.yaml"),
      "site,markdown",
      {
        cwd: copy,
        bin: join(copy, "bin", "steward"),
      },
    );
    assert.equal(viaLauncher.via, "snapshot");
    assert.match(readFileSync(join(out, "coverage.json"), "utf8"), /Edited after the build/);
  });
});
