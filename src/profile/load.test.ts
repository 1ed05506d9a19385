import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { parse } from "yaml";
import { loadProfileFile, parseProfileText } from "./load.ts";

const examplePath = new URL("../../examples/brightpath-saas.yaml", import.meta.url);
const example = readFileSync(examplePath, "utf8");
const dir = mkdtempSync(join(tmpdir(), "steward-load-"));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The example text with one exact piece replaced, so every other line keeps its number. */
function edited(from: string | RegExp, to: string): string {
  const text = example.replace(from, to);
  assert.notEqual(text, example, `the example no longer contains ${String(from)}`);
  return text;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

describe("loading a profile", () => {
  it("loads the example with defaults filled in and no findings", () => {
    const result = loadProfileFile(examplePath.pathname);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.profile.access.vpnIdleMinutes, 30);
    assert.deepEqual(result.profile.auditing.logReviewCadence, { every: 1, unit: "week" });
  });

  it("points each schema error at the line of its field", () => {
    const text = edited("  idleLogoffMinutes: 15", "  idleLogoffMinutes: fifteen");
    assert.deepEqual(parseProfileText(text, "p.yaml"), {
      ok: false,
      errors: [
        {
          path: "access.idleLogoffMinutes",
          message: 'expected a whole number, got "fifteen" (text)',
          line: lineOf(text, "idleLogoffMinutes"),
          severity: "error",
        },
      ],
      warnings: [],
    });
    const typo = parseProfileText(edited("  idleLogoffMinutes: 15", "  idleLogofMinutes: 15"), "p.yaml");
    assert.ok(!typo.ok);
    assert.deepEqual(typo.errors, [
      {
        path: "access.idleLogofMinutes",
        message: 'unknown field; did you mean "idleLogoffMinutes"?',
        line: lineOf(example, "idleLogoffMinutes"),
        severity: "error",
      },
    ]);
  });

  it("points a missing field at its nearest parent and a list item at its own line", () => {
    const missing = parseProfileText(edited(/ {2}privacyOfficer:\n( {4}.*\n)+/, ""), "p.yaml");
    assert.ok(!missing.ok);
    assert.deepEqual(
      missing.errors.map((f) => [f.path, f.line]),
      [["people.privacyOfficer", lineOf(example, "people:")]],
    );
    const badKind = parseProfileText(edited("- kind: saas", "- kind: iaas"), "p.yaml");
    assert.ok(!badKind.ok);
    assert.deepEqual(
      badKind.errors.map((f) => [f.path, f.line]),
      [["services.offerings.0.kind", lineOf(example, "- kind: saas")]],
    );
  });

  it("returns lint warnings with a valid profile, and lint errors as errors", () => {
    const warned = parseProfileText(edited("idleLogoffMinutes: 15", "idleLogoffMinutes: 45"), "p.yaml");
    assert.ok(warned.ok);
    assert.deepEqual(
      warned.warnings.map((f) => [f.rule, f.line]),
      [["idle-logoff", lineOf(example, "idleLogoffMinutes")]],
    );

    const text = edited("governance:\n", "governance:\n  retentionYears: 3\n");
    const failed = parseProfileText(text, "p.yaml");
    assert.ok(!failed.ok);
    assert.deepEqual(
      failed.errors.map((f) => [f.path, f.line, f.citation]),
      [["governance.retentionYears", lineOf(text, "retentionYears"), "45 CFR 164.316(b)(2)(i)"]],
    );
  });

  it("points a defaulted or nested field at the deepest part of its path in the file", () => {
    const scales =
      "risk:\n  likelihoodScale: [Rare, Possible, Likely]\n  impactScale: [Minor, Major, Severe]\nauditing:";
    const text = edited("\nauditing:", `\n${scales}`);
    const result = parseProfileText(text, "p.yaml");
    assert.ok(!result.ok);
    // highThreshold keeps its default (15), above the 9 that three-by-three scales allow.
    assert.deepEqual(
      result.errors.map((f) => [f.path, f.line]),
      [["risk.highThreshold", lineOf(text, "risk:")]],
    );
    const cadence = parseProfileText(
      edited("logReviewCadence: weekly", "logReviewCadence: 0 days"),
      "p.yaml",
    );
    assert.ok(!cadence.ok);
    assert.deepEqual(
      cadence.errors.map((f) => [f.path, f.line]),
      [["auditing.logReviewCadence.every", lineOf(example, "logReviewCadence")]],
    );
  });

  it("reads JSON with line numbers too", () => {
    const data = parse(example) as { access: Record<string, unknown> };
    data.access.idleLogoffMinutes = 900;
    const text = JSON.stringify(data, null, 2);
    assert.deepEqual(parseProfileText(text, "p.json"), {
      ok: false,
      errors: [
        {
          path: "access.idleLogoffMinutes",
          message: "expected at most 480, got 900",
          line: lineOf(text, '"idleLogoffMinutes"'),
          severity: "error",
        },
      ],
      warnings: [],
    });
  });

  it("reports a YAML syntax error with its line and column", () => {
    const result = parseProfileText(
      edited("  idleLogoffMinutes: 15\n", "  idleLogoffMinutes: 15\n  idleLogoffMinutes: 20\n"),
      "p.yaml",
    );
    const line = lineOf(example, "idleLogoffMinutes") + 1;
    assert.deepEqual(result, {
      ok: false,
      errors: [
        {
          path: "p.yaml",
          message: `YAML syntax error at line ${line}, column 3: Map keys must be unique`,
          line,
          severity: "error",
        },
      ],
      warnings: [],
    });
    const quote = parseProfileText(edited("name: BrightPath\n", 'name: "BrightPath\n'), "p.yaml");
    assert.ok(!quote.ok);
    assert.deepEqual(
      quote.errors.map((f) => f.message),
      ['YAML syntax error at line 4, column 20: Missing closing "quote'],
    );
  });

  it("reports a file that is empty or not a mapping", () => {
    assert.deepEqual(parseProfileText("", "empty.yaml"), {
      ok: false,
      errors: [
        {
          path: "empty.yaml",
          message:
            "expected a mapping of profile sections such as organization, services and hosting, got nothing (the file is empty)",
          line: 1,
          severity: "error",
        },
      ],
      warnings: [],
    });
    const list = parseProfileText("- organization\n- services\n", "list.yaml");
    assert.ok(!list.ok);
    assert.equal(
      list.errors[0]!.message,
      "expected a mapping of profile sections such as organization, services and hosting, got a list of 2 items",
    );
  });

  it("reports a missing file or a directory without throwing", () => {
    const missing = join(dir, "missing.yaml");
    assert.deepEqual(loadProfileFile(missing), {
      ok: false,
      errors: [{ path: missing, message: "file not found", line: null, severity: "error" }],
      warnings: [],
    });
    const result = loadProfileFile(dir);
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.message, "is a directory; expected a profile file");
  });

  it("loads a profile file written as JSON", () => {
    const path = join(dir, "profile.json");
    writeFileSync(path, JSON.stringify(parse(example)));
    assert.ok(loadProfileFile(path).ok);
  });
});
