/**
 * The Breach Notification Rule and business-associate Privacy Rule items: exactly the paragraphs
 * policies cite, the deadlines of hipaa-facts.md 2.10, and ids unique across the HIPAA files.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadCatalog, type CitationEntry } from "./catalog.ts";

const catalog = loadCatalog();

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

void describe("Breach and privacy catalogs", () => {
  const ids = (source: CitationEntry["source"]) =>
    catalog.citations.filter((c) => c.source === source).map((c) => c.id);

  void test("hold exactly the listed ids, in regulation order", () => {
    assert.deepEqual(ids("breach"), breachIds);
    assert.deepEqual(ids("privacy"), privacyIds);
    for (const c of catalog.citations.filter((e) => e.source !== "security")) {
      assert.deepEqual([c.kind, c.ra, c.parent], ["requirement", null, null], c.id);
    }
  });

  void test("every breach deadline is present, and only those", () => {
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

  void test("ids are unique across the three HIPAA files and carry their section", () => {
    assert.equal(catalog.citationById.size, catalog.citations.length);
    assert.equal(catalog.citationById.get("164.404(b)")?.section, "164.404");
    assert.equal(catalog.citationById.get("164.524")?.section, "164.524");
  });
});
