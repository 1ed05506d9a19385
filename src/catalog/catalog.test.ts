/**
 * The Security Rule data against shared/reference/hipaa-facts.md section 1: the counts of 1.6,
 * R/A, parents and the special cases.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadCatalog } from "./catalog.ts";

const catalog = loadCatalog();
const inSection = (section: string) => catalog.citations.filter((c) => c.section === section);
const specsOf = (id: string) => catalog.citations.filter((c) => c.parent === id);

/** hipaa-facts.md 1.6, with the standards spelled out so a renumbered one is caught too. */
const expected: Record<
  string,
  { standards: string[]; specs: number; r: number; a: number; noSpec: string[] }
> = {
  "164.308": {
    standards: [
      "(a)(1)(i)",
      "(a)(2)",
      "(a)(3)(i)",
      "(a)(4)(i)",
      "(a)(5)(i)",
      "(a)(6)(i)",
      "(a)(7)(i)",
      "(a)(8)",
      "(b)(1)",
    ],
    specs: 21,
    r: 10,
    a: 11,
    noSpec: ["(a)(2)", "(a)(8)"],
  },
  "164.310": { standards: ["(a)(1)", "(b)", "(c)", "(d)(1)"], specs: 8, r: 2, a: 6, noSpec: ["(b)", "(c)"] },
  "164.312": {
    standards: ["(a)(1)", "(b)", "(c)(1)", "(d)", "(e)(1)"],
    specs: 7,
    r: 2,
    a: 5,
    noSpec: ["(b)", "(d)"],
  },
  "164.314": { standards: ["(a)(1)", "(b)(1)"], specs: 7, r: 7, a: 0, noSpec: [] },
  "164.316": { standards: ["(a)", "(b)(1)"], specs: 3, r: 3, a: 0, noSpec: ["(a)"] },
};

void describe("Security Rule catalog", () => {
  for (const [section, want] of Object.entries(expected)) {
    void test(`${section}: standards, specifications, R/A as in hipaa-facts.md 1.6`, () => {
      const entries = inSection(section);
      const standards = entries.filter((e) => e.kind === "standard");
      const specs = entries.filter((e) => e.kind === "implementation-specification");
      assert.deepEqual(
        standards.map((s) => s.id),
        want.standards.map((p) => section + p),
      );
      assert.equal(specs.length, want.specs);
      assert.equal(specs.filter((s) => s.ra === "R").length, want.r);
      assert.equal(specs.filter((s) => s.ra === "A").length, want.a);
      const withoutSpecs = standards.filter((s) => specsOf(s.id).length === 0);
      assert.deepEqual(
        withoutSpecs.map((s) => s.id),
        want.noSpec.map((p) => section + p),
      );
      // A standard that is its own requirement is R; one with specifications leaves R/A to them.
      for (const s of standards) assert.equal(s.ra, specsOf(s.id).length === 0 ? "R" : null, s.id);
    });
  }

  void test("164.308, .310 and .312 total 18 standards, 36 specifications, 14 R, 22 A, 20 matrix (R)", () => {
    const entries = ["164.308", "164.310", "164.312"].flatMap(inSection);
    const specs = entries.filter((e) => e.kind === "implementation-specification");
    const standards = entries.filter((e) => e.kind === "standard");
    assert.equal(standards.length, 18);
    assert.equal(specs.length, 36);
    assert.equal(specs.filter((s) => s.ra === "R").length, 14);
    assert.equal(specs.filter((s) => s.ra === "A").length, 22);
    assert.equal(standards.filter((s) => s.ra === "R").length + 14, 20);
  });

  void test("every implementation specification has a standard of its own section as parent", () => {
    for (const spec of catalog.citations.filter((c) => c.kind === "implementation-specification")) {
      const parent = catalog.citationById.get(spec.parent ?? "");
      assert.equal(parent?.kind, "standard", spec.id);
      assert.equal(parent.section, spec.section, spec.id);
    }
    for (const other of catalog.citations.filter((c) => c.kind !== "implementation-specification")) {
      assert.equal(other.parent, null, other.id);
    }
  });

  void test("the special cases are recorded as data", () => {
    const part = catalog.citationById.get("164.308(b)(2)");
    assert.equal(part?.kind, "standard-part");
    const clearance = catalog.citationById.get("164.308(a)(3)(ii)(B)");
    assert.equal(clearance?.ra, "A");
    assert.match(clearance.note ?? "", /Appendix A/);
    assert.equal(catalog.citationById.get("164.308(b)(3)")?.parent, "164.308(b)(1)");
    for (const roman of ["i", "ii", "iii", "iv"]) {
      assert.equal(catalog.citationById.get(`164.314(b)(2)(${roman})`)?.ra, "R");
    }
    assert.equal(catalog.citationById.get("164.312(a)(2)(iii)")?.title, "Automatic logoff");
    assert.equal(catalog.citationById.get("164.312(a)(2)(iii)")?.source, "security");
  });
});

void describe("loadCatalog", () => {
  void test("loads once and returns the same catalog", () => {
    assert.equal(loadCatalog(), catalog);
  });
});
