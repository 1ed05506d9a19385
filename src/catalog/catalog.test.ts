/**
 * The catalog data against the facts in shared/reference/hipaa-facts.md (counts of section 1.6,
 * R/A, parents, breach deadlines) and the loader's refusal of bad data.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkParents, loadCatalog, type CitationEntry } from "./catalog.ts";
import { SecurityEntry, parseEntries } from "./schema.ts";

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

describe("Security Rule catalog", () => {
  for (const [section, want] of Object.entries(expected)) {
    test(`${section}: standards, specifications, R/A as in hipaa-facts.md 1.6`, () => {
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

  test("164.308, .310 and .312 total 18 standards, 36 specifications, 14 R, 22 A, 20 matrix (R)", () => {
    const entries = ["164.308", "164.310", "164.312"].flatMap(inSection);
    const specs = entries.filter((e) => e.kind === "implementation-specification");
    const standards = entries.filter((e) => e.kind === "standard");
    assert.equal(standards.length, 18);
    assert.equal(specs.length, 36);
    assert.equal(specs.filter((s) => s.ra === "R").length, 14);
    assert.equal(specs.filter((s) => s.ra === "A").length, 22);
    assert.equal(standards.filter((s) => s.ra === "R").length + 14, 20);
  });

  test("every implementation specification has a standard of its own section as parent", () => {
    for (const spec of catalog.citations.filter((c) => c.kind === "implementation-specification")) {
      const parent = catalog.citationById.get(spec.parent ?? "");
      assert.equal(parent?.kind, "standard", spec.id);
      assert.equal(parent.section, spec.section, spec.id);
    }
    for (const other of catalog.citations.filter((c) => c.kind !== "implementation-specification")) {
      assert.equal(other.parent, null, other.id);
    }
  });

  test("the special cases are recorded as data", () => {
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

// prettier-ignore
const breachIds = [
  "164.400", "164.402", "164.402(1)(i)", "164.402(1)(ii)", "164.402(1)(iii)", "164.402(2)",
  "164.404(a)(1)", "164.404(a)(2)", "164.404(b)", "164.404(c)(1)", "164.404(d)(1)", "164.404(d)(2)",
  "164.404(d)(3)", "164.406(a)", "164.406(b)", "164.406(c)", "164.408(a)", "164.408(b)", "164.408(c)",
  "164.410(a)(1)", "164.410(a)(2)", "164.410(b)", "164.410(c)(1)", "164.410(c)(2)", "164.412(a)",
  "164.412(b)", "164.414(a)", "164.414(b)",
];

// prettier-ignore
const privacyIds = [
  "164.502(a)(3)", "164.502(a)(4)", "164.502(b)", "164.502(e)(1)", "164.502(e)(2)", "164.504(e)(1)",
  "164.504(e)(2)(i)", ..."ABCDEFGHIJ".split("").map((l) => `164.504(e)(2)(ii)(${l})`), "164.504(e)(2)(iii)",
  "164.504(e)(4)", "164.504(e)(5)", "164.524", "164.526", "164.528", "164.530(b)", "164.530(e)", "164.530(j)",
];

describe("Breach and privacy catalogs", () => {
  const ids = (source: CitationEntry["source"]) =>
    catalog.citations.filter((c) => c.source === source).map((c) => c.id);

  test("hold exactly the listed ids, in regulation order", () => {
    assert.deepEqual(ids("breach"), breachIds);
    assert.deepEqual(ids("privacy"), privacyIds);
    for (const c of catalog.citations.filter((e) => e.source !== "security")) {
      assert.deepEqual([c.kind, c.ra, c.parent], ["requirement", null, null], c.id);
    }
  });

  test("every breach deadline is present, and only those", () => {
    const deadlines = new Map(
      catalog.citations.filter((c) => c.deadline !== null).map((c) => [c.id, c.deadline!]),
    );
    assert.deepEqual(
      [...deadlines.keys()],
      ["164.404(b)", "164.404(d)(2)", "164.406(b)", "164.408(b)", "164.408(c)", "164.410(b)", "164.412(b)"],
    );
    for (const id of ["164.404(b)", "164.406(b)", "164.408(b)", "164.408(c)", "164.410(b)"]) {
      assert.match(deadlines.get(id)!, /\b60\b/, id);
    }
    assert.match(deadlines.get("164.404(d)(2)")!, /\b90 days\b/);
    assert.match(deadlines.get("164.412(b)")!, /\b30 days\b/);
    assert.match(deadlines.get("164.408(c)")!, /calendar year/);
  });

  test("ids are unique across the three HIPAA files and carry their section", () => {
    assert.equal(catalog.citationById.size, catalog.citations.length);
    assert.equal(catalog.citationById.get("164.404(b)")?.section, "164.404");
    assert.equal(catalog.citationById.get("164.524")?.section, "164.524");
  });
});

describe("loading", () => {
  test("is done once", () => {
    assert.equal(loadCatalog(), catalog);
  });

  test("names the file and the entry index on bad data", () => {
    const good = '- { id: "164.312(a)(1)", title: Access control, kind: standard, ra: null, parent: null }\n';
    const noParent =
      '- { id: "164.312(a)(2)(i)", title: Unique user identification, kind: implementation-specification, ra: R, parent: null }\n';
    assert.throws(
      () => parseEntries("hipaa-security.yaml", good + noParent, SecurityEntry),
      /^Error: hipaa-security\.yaml: entry 1 \(164\.312\(a\)\(2\)\(i\)\): parent:/,
    );
    assert.throws(
      () => parseEntries("x.yaml", good + good, SecurityEntry),
      /^Error: x\.yaml: entry 1 .*duplicate id/,
    );
    assert.throws(
      () => parseEntries("x.yaml", good.replace("164.312", "45 CFR 164.312"), SecurityEntry),
      /x\.yaml: entry 0 .*id:/,
    );
    assert.throws(() => parseEntries("x.yaml", "id: 1", SecurityEntry), /x\.yaml: expected a list/);
    const orphan = parseEntries(
      "x.yaml",
      good + noParent.replace("parent: null", 'parent: "164.312(b)"'),
      SecurityEntry,
    );
    assert.throws(
      () => checkParents("x.yaml", orphan),
      /x\.yaml: entry 1 \(164\.312\(a\)\(2\)\(i\)\): parent 164\.312\(b\)/,
    );
  });
});
