import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { runSteward } from "./support/cli.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const example = join(root, "examples/brightpath-saas.yaml");
const exampleText = readFileSync(example, "utf8");
const dir = mkdtempSync(join(tmpdir(), "steward-check-"));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `steward ...args` in-process and returns what a user would see. */
async function steward(...args: string[]) {
  const { code, outLines, errLines } = await runSteward(args);
  return { code, out: outLines, err: errLines };
}

/** Writes the example with exact replacements applied, so other lines keep their numbers. */
function variant(name: string, ...replacements: [string, string][]): string {
  let text = exampleText;
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `the example no longer contains ${from}`);
    text = text.replace(from, to);
  }
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const lineOf = (needle: string) => exampleText.slice(0, exampleText.indexOf(needle)).split("\n").length;

const idleWarning = `warning: access.idleLogoffMinutes: automatic logoff should end idle sessions on systems with ePHI within 30 minutes (45 CFR 164.312(a)(2)(iii)), got 45 (line ${lineOf("idleLogoffMinutes")})`;

describe("steward profile check", () => {
  it("accepts the example profile", async () => {
    assert.deepEqual(await steward("profile", "check", example), {
      code: 0,
      out: [`${example}: valid`],
      err: [],
    });
  });

  it("prints warnings and still exits 0", async () => {
    const file = variant("warned.yaml", ["idleLogoffMinutes: 15", "idleLogoffMinutes: 45"]);
    assert.deepEqual(await steward("profile", "check", file), {
      code: 0,
      out: [idleWarning, `${file}: valid (1 warning)`],
      err: [],
    });
  });

  it("prints every error as path: message with its line and exits 1", async () => {
    const file = variant(
      "broken.yaml",
      ["idleLogoffMinutes: 15", "idleLogoffMinutes: fifteen"],
      ["lockoutAttempts: 6", "lockoutAttempt: 6"],
    );
    assert.deepEqual(await steward("profile", "check", file), {
      code: 1,
      out: [
        `access.idleLogoffMinutes: expected a whole number, got "fifteen" (text) (line ${lineOf("idleLogoffMinutes")})`,
        `access.lockoutAttempt: unknown field; did you mean "lockoutAttempts"? (line ${lineOf("lockoutAttempts")})`,
        `${file}: 2 errors, 0 warnings`,
      ],
      err: [],
    });
  });

  it("prints lint errors before lint warnings", async () => {
    const file = variant(
      "lint.yaml",
      ["idleLogoffMinutes: 15", "idleLogoffMinutes: 45"],
      ["governance:\n", "governance:\n  retentionYears: 3\n"],
    );
    const { code, out } = await steward("profile", "check", file);
    assert.equal(code, 1);
    assert.deepEqual(out, [
      `governance.retentionYears: documentation must be kept at least 6 years from creation or last effective date (45 CFR 164.316(b)(2)(i)), got 3 (line ${lineOf("governance:") + 1})`,
      idleWarning.replace(/line \d+/, `line ${lineOf("idleLogoffMinutes") + 1}`),
      `${file}: 1 error, 1 warning`,
    ]);
  });

  it("names the file, line and column of a YAML syntax error", async () => {
    const file = variant("syntax.yaml", ["name: BrightPath\n", 'name: "BrightPath\n']);
    assert.deepEqual((await steward("profile", "check", file)).out, [
      `${file}: YAML syntax error at line 4, column 20: Missing closing "quote`,
      `${file}: 1 error, 0 warnings`,
    ]);
  });

  it("reports a missing file as an error, not a crash", async () => {
    const file = join(dir, "absent.yaml");
    assert.deepEqual(await steward("profile", "check", file), {
      code: 1,
      out: [`${file}: file not found`, `${file}: 1 error, 0 warnings`],
      err: [],
    });
  });

  it("prints findings as JSON with --json", async () => {
    const valid = await steward("profile", "check", example, "--json");
    assert.equal(valid.code, 0);
    assert.deepEqual(JSON.parse(valid.out.join("\n")), { valid: true, errors: [], warnings: [] });

    const file = variant("json.yaml", ["kind: saas", "kind: iaas"]);
    const invalid = await steward("profile", "check", "--json", file);
    assert.equal(invalid.code, 1);
    assert.deepEqual(JSON.parse(invalid.out.join("\n")), {
      valid: false,
      errors: [
        {
          path: "services.offerings.0.kind",
          message: 'expected one of saas, paas, add-ons, other, got "iaas"',
          line: lineOf("kind: saas"),
          severity: "error",
        },
      ],
      warnings: [],
    });
  });

  it("exits 2 on usage errors", async () => {
    assert.deepEqual(await steward("profile", "check"), {
      code: 2,
      out: [],
      err: [
        `steward profile check: expected a profile FILE\n\n${(await steward("profile", "check", "--help")).out[0]!}`,
      ],
    });
    const unknown = await steward("profile", "check", example, "--jsn");
    assert.equal(unknown.code, 2);
    assert.match(unknown.err[0]!, /^steward profile check: Unknown option '--jsn'/);
    const extra = await steward("profile", "check", example, "other.yaml");
    assert.deepEqual(
      [extra.code, extra.err],
      [2, ["steward profile check: unexpected argument 'other.yaml'"]],
    );
  });

  it("prints its usage with --help", async () => {
    const { code, out } = await steward("profile", "check", "--help");
    assert.equal(code, 0);
    assert.match(out[0]!, /^Usage: steward profile check FILE \[--json\]/);
  });
});

describe("steward profile check through the built binary", () => {
  before(() => {
    // The binary runs the bundle in dist/, so build it from the current sources first.
    const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, encoding: "utf8" });
    assert.equal(build.status, 0, `the build (scripts/build.mjs, as npm run build) failed:\n${build.stderr}`);
  });

  it("checks the example profile and exits 0", () => {
    const run = spawnSync(
      process.execPath,
      ["bin/steward.js", "profile", "check", "examples/brightpath-saas.yaml"],
      { cwd: root, encoding: "utf8" },
    );
    assert.deepEqual([run.status, run.stdout, run.stderr], [0, "examples/brightpath-saas.yaml: valid\n", ""]);
  });
});
