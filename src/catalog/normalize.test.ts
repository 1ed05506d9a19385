/** The citation variants of old policy sets, mapped to canonical catalog ids or refused. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadCatalog } from "./catalog.ts";
import { canonicalCitation, normalizeCitation } from "./normalize.ts";
import { expandRange } from "./syntax.ts";

const catalog = loadCatalog();

function ids(raw: string): string[] {
  const result = normalizeCitation(raw, catalog);
  assert.ok(result.ok, result.ok ? "" : result.error);
  return result.ids;
}

void describe("normalizeCitation", () => {
  void test("strips the CFR prefix, section signs, spaces and quoted letters", () => {
    for (const raw of [
      "45 CFR §164.312(c)(1)",
      "45 C.F.R. § 164.312(c)(1)",
      "§164.312(c)(1)",
      " 164.312 (c)(1) ",
      "164.312('c')(1)",
    ]) {
      assert.deepEqual(ids(raw), ["164.312(c)(1)"], raw);
    }
  });

  void test("expands ranges", () => {
    assert.deepEqual(ids("164.310(b-c)"), ["164.310(b)", "164.310(c)"]);
    const contingency = ["B", "C", "D", "E"].map((l) => `164.308(a)(7)(ii)(${l})`);
    assert.deepEqual(ids("164.308(a)(7)(ii)(B)-(E)"), contingency);
    assert.deepEqual(ids("164.308(a)(7)(ii)(B-E)"), contingency);
    assert.deepEqual(ids("164.308(a)(7)(ii)(B)\u2013(E)"), contingency);
    assert.deepEqual(
      ids("164.314(b)(2)(i)-(iv)"),
      ["i", "ii", "iii", "iv"].map((r) => `164.314(b)(2)(${r})`),
    );
  });

  void test("maps pre-2013 numbering", () => {
    assert.deepEqual(ids("164.308(b)(1)"), ["164.308(b)(1)"]);
    assert.deepEqual(ids("164.308(b)(4)"), ["164.308(b)(3)"]);
    assert.deepEqual(ids("164.314(a)(1)(i)"), ["164.314(a)(1)"]);
    for (const l of ["A", "B", "C", "D"])
      assert.deepEqual(ids(`164.314(a)(2)(i)(${l})`), ["164.314(a)(2)(i)"]);
    assert.deepEqual(ids("164.314(a)(2)(i)(A)-(D)"), ["164.314(a)(2)(i)"]);
  });

  void test("corrects the Interhack mislabel", () => {
    assert.deepEqual(ids("164.312(a)(1)(i)"), ["164.312(a)(2)(i)"]);
  });

  void test("maps a paragraph below the catalog's level to its nearest catalog ancestor", () => {
    assert.deepEqual(ids("164.404(c)(1)(A)"), ["164.404(c)(1)"]);
    assert.deepEqual(ids("164.524(a)(1)"), ["164.524"]);
    assert.deepEqual(ids("45 CFR § 164.530(j)(2)"), ["164.530(j)"]);
  });

  void test("reads a standard cited without its (i) as that standard", () => {
    assert.deepEqual(ids("164.308(a)(1)"), ["164.308(a)(1)(i)"]);
    assert.deepEqual(ids("164.308(a)(7)"), ["164.308(a)(7)(i)"]);
  });

  void test("leaves canonical ids alone", () => {
    for (const c of catalog.citations) assert.deepEqual(ids(c.id), [c.id]);
  });

  void test("refuses anything else with the closest catalog id", () => {
    const refuse = (raw: string) => normalizeCitation(raw, catalog);
    assert.deepEqual(refuse("164.312(a)(3)"), {
      ok: false,
      error: '"164.312(a)(3)" is not a citation in the catalog; did you mean "164.312(a)(1)"?',
    });
    assert.deepEqual(refuse("164.316(c)"), {
      ok: false,
      error: '"164.316(c)" is not a citation in the catalog; did you mean "164.316(a)"?',
    });
    // A paragraph above the catalog's level is offered its first subparagraph.
    assert.deepEqual(refuse("164.404(c)"), {
      ok: false,
      error: '"164.404(c)" is not a citation in the catalog; did you mean "164.404(c)(1)"?',
    });
    for (const raw of [
      "",
      "AC-2",
      "164.312(c)(1)(",
      "164.310(c-b)",
      "164.308(a)(1-2)(ii)(A-B)",
      "164.999(a)",
    ]) {
      const result = refuse(raw);
      assert.equal(result.ok, false, raw);
      assert.match(
        result.ok ? "" : result.error,
        /^".*" is not a citation in the catalog; did you mean "164\.[^"]+"\?$/,
      );
    }
  });
});

void describe("canonicalCitation", () => {
  void test("returns the one canonical id", () => {
    assert.equal(canonicalCitation("45 CFR §164.312(c)(1)"), "164.312(c)(1)");
  });

  void test("throws the normalizer's message", () => {
    assert.throws(
      () => canonicalCitation("164.312(f)"),
      new Error('"164.312(f)" is not a citation in the catalog; did you mean "164.312(b)"?'),
    );
  });

  void test("throws on a range, which names several citations", () => {
    assert.throws(() => canonicalCitation("164.310(b-c)"), /names 2 citations/);
  });
});

void describe("expandRange", () => {
  void test("reads roman numerals before letters, and refuses backwards ranges", () => {
    assert.deepEqual(expandRange("i", "iii"), ["i", "ii", "iii"]);
    assert.deepEqual(expandRange("b", "d"), ["b", "c", "d"]);
    assert.deepEqual(expandRange("1", "3"), ["1", "2", "3"]);
    assert.equal(expandRange("E", "B"), null);
    assert.equal(expandRange("a", "C"), null);
  });
});
