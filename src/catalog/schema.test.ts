/** The loader refuses bad catalog data with the file name, the entry index and the id. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkParents } from "./catalog.ts";
import { RequirementEntry, SecurityEntry, parseEntries } from "./schema.ts";

void describe("parseEntries and checkParents", () => {
  void test("names the file and the entry index on bad data", () => {
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
    // R/A belongs to the Security Rule: a breach item that claims one is a data error.
    const breach = '- { id: "164.404(b)", title: Timeliness, kind: requirement, ra: R, parent: null }\n';
    assert.throws(
      () => parseEntries("hipaa-breach.yaml", breach, RequirementEntry),
      /hipaa-breach\.yaml: entry 0 \(164\.404\(b\)\): ra:/,
    );
    const orphan = parseEntries(
      "x.yaml",
      good + noParent.replace("parent: null", 'parent: "164.312(b)"'),
      SecurityEntry,
    );
    assert.throws(() => {
      checkParents("x.yaml", orphan);
    }, /x\.yaml: entry 1 \(164\.312\(a\)\(2\)\(i\)\): parent 164\.312\(b\)/);
  });
});
