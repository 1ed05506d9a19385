/**
 * The policy library as a whole (issue #3): complete coverage for every kind of organization, and
 * static rules that no template may break.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { loadCatalog } from "../src/catalog/catalog.ts";
import { computeCoverage } from "../src/publish/coverage.ts";
import { lintLibrary } from "../src/templates/library-lint.ts";
import { loadLibrary } from "../src/templates/load.ts";
import { renderPolicySet } from "../src/templates/render.ts";
import { exampleProfile, modifiedProfile } from "./support/profiles.ts";

const examples = [
  "brightpath-saas.yaml",
  "harborline-paas.yaml",
  "cedarridge-hybrid.yaml",
  ...readdirSync(join(import.meta.dirname, "..", "examples", "seeds")).map((f) => `seeds/${f}`),
];
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("coverage of the regulation", () => {
  const catalog = loadCatalog();
  const variants = [
    ...examples.map((name) => ({ name, profile: exampleProfile(name) })),
    {
      name: "brightpath without optional modules",
      profile: modifiedProfile("brightpath-saas.yaml", (d) => {
        d.modules = { ...d.modules, baaTemplate: false, sharedResponsibility: false, auditReports: null };
      }),
    },
  ];
  for (const { name, profile } of variants) {
    it(`${name}: every Security Rule specification, breach-rule item and BA privacy item is addressed`, () => {
      const coverage = computeCoverage(renderPolicySet(profile));
      assert.equal(coverage.citations.length, catalog.citations.length);
      assert.deepEqual(
        coverage.summary.unaddressed,
        [],
        `unaddressed: ${coverage.summary.unaddressed.join(", ")}`,
      );
      const deadlines = catalog.citations.filter((c) => c.deadline !== null).map((c) => c.id);
      assert.ok(deadlines.length >= 7);
      for (const id of deadlines)
        assert.ok(coverage.citations.find((c) => c.id === id)!.sections.length > 0, `${id} has no section`);
    });
  }
});

describe("library rules", () => {
  it("the shipped library breaks none", () => {
    assert.deepEqual(
      lintLibrary(loadLibrary()).map((p) => `${p.file}: ${p.message}`),
      [],
    );
  });

  it("catches unknown parameters, uncited policies, colliding ids and placeholders", () => {
    const dir = mkdtempSync(join(tmpdir(), "steward-lint-"));
    dirs.push(dir);
    writeFileSync(
      join(dir, "bad.md"),
      `---
id: bad
title: Bad
order: 1
summary: Broken on purpose.
commitments:
  - id: c1
    section: one
    owner: security-officer
    text: Review within {{ access.reviewWithinDays }} days.
    schedule: { kind: standing }
    evidence: A record.
    citations: ["164.312(b)"]
---
## One {#one}

{% commitment "c1" %}

## Two {#one}

Staff respond within TBD hours. {% if tools.fax %}Faxes.{% endif %}
`,
    );
    writeFileSync(
      join(dir, "uncited.md"),
      "---\nid: uncited\ntitle: Uncited\norder: 2\nsummary: No citations.\n---\n## Scope {#scope}\n\nText.\n",
    );
    const problems = lintLibrary(loadLibrary(dir)).map((p) => p.message);
    assert.deepEqual(problems, [
      'commitment "c1" uses "access.reviewWithinDays", which the profile schema does not define',
      'template uses "tools.fax", which the profile schema does not define',
      'section id "one" is used more than once',
      'template contains a placeholder (TODO/TBD): "{#one} Staff respond within TBD hours. Faxes."',
      "policy cites no regulation in any section or commitment",
    ]);
  });
});
