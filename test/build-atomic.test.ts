/** A failed build leaves the previous output exactly as it was, and no staging directory behind. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { buildPolicies } from "../src/publish/build.ts";
import { TemplateError } from "../src/templates/errors.ts";
import { exampleProfile } from "./support/profiles.ts";

const root = mkdtempSync(join(tmpdir(), "steward-atomic-"));
after(() => {
  rmSync(root, { recursive: true, force: true });
});
const profile = exampleProfile("brightpath-saas.yaml");

function library(name: string, body: string): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "intro.md"),
    `---\nid: intro\ntitle: Introduction\norder: 1\nsummary: About {{ organization.name }}.\n---\n${body}\n`,
  );
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return files;
}

describe("build output is all or nothing", () => {
  const out = join(root, "out");
  const good = library(
    "good",
    '## Scope {#scope cites="164.316(a)"}\n\n{{ organization.legalName }} follows these policies.',
  );

  it("replaces the output only when the whole build succeeds", async () => {
    await buildPolicies(profile, { outDir: out, formats: ["site", "markdown"], templatesDir: good });
    const before = snapshot(out);
    assert.ok(before["markdown/intro.md"] && before["site/index.html"] && before["coverage.json"]);

    const broken = library("broken", "## Scope {#scope}\n\n{{ organization.motto }}");
    await assert.rejects(
      buildPolicies(profile, { outDir: out, formats: ["site", "markdown"], templatesDir: broken }),
      TemplateError,
    );
    assert.deepEqual(snapshot(out), before);

    await assert.rejects(
      buildPolicies(profile, {
        outDir: out,
        formats: ["site", "markdown", "pdf"],
        templatesDir: good,
        chromiumPath: "/nonexistent/chromium",
      }),
      /Chromium was not found/,
    );
    assert.deepEqual(snapshot(out), before);
    assert.deepEqual(
      readdirSync(root).filter((n) => n.includes(".partial-") || n.includes(".previous-")),
      [],
    );
  });
});
