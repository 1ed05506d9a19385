import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { packageRoot } from "../paths.ts";
import { readSimpleYaml } from "./simple-yaml.ts";

/** Same data as the yaml package, or undefined (left to it); `read` must be one of the two. */
function agrees(text: string): unknown {
  const simple = readSimpleYaml(text);
  if (simple !== undefined) assert.deepEqual(simple, parse(text), text);
  return simple;
}

describe("readSimpleYaml", () => {
  const examples = join(packageRoot(), "examples");
  for (const name of readdirSync(examples).filter((n) => n.endsWith(".yaml"))) {
    it(`reads ${name} exactly as the yaml package does`, () => {
      const text = readFileSync(join(examples, name), "utf8");
      assert.notEqual(agrees(text), undefined, `${name} fell outside the subset`);
    });
  }

  it("reads nesting, sequences under keys, mappings in sequences and flow collections", () => {
    const text = [
      "# a comment",
      "a:",
      "  b: 1",
      "  c: -2.50 # trailing comment",
      "  d:",
      "  - x",
      "  -   y: 1",
      "      z: [p, q r, 3]",
      "  e: { k: v w, n: ~ }",
      "f: 'it''s'",
      'g: "plain # not a comment"',
      "h: https://example.test/a#b",
      "i: []",
      "j:",
      "k: C# and F#",
      "l: yes",
      "m: 2026-07-01",
      "n: 88 Main St, Suite 5",
      "o: 1_000",
    ].join("\n");
    assert.deepEqual(agrees(text), {
      a: { b: 1, c: -2.5, d: ["x", { y: 1, z: ["p", "q r", 3] }], e: { k: "v w", n: null } },
      f: "it's",
      g: "plain # not a comment",
      h: "https://example.test/a#b",
      i: [],
      j: null,
      k: "C# and F#",
      l: "yes",
      m: "2026-07-01",
      n: "88 Main St, Suite 5",
      o: "1_000",
    });
  });

  it("leaves everything outside the subset to the yaml package", () => {
    const outside = [
      "a: |\n  block",
      "a: >\n  folded",
      "a: one\n  two",
      "- one\n  two",
      "a: &x 1\nb: *x",
      "a: !!str 1",
      "a:\tb",
      "a: 1\na: 2",
      '{"a": 1}',
      "---\na: 1",
      "a: 0x1F",
      "a: 1e3",
      "a: .inf",
      "a: +5",
      "a: -0",
      '"a": 1',
      'a: "esc\\n"',
      "a: b: c",
      "a: [x, [y]]",
      "a: [x, ]",
      "a:\n    b: 1\n  c: 2",
      "__proto__: 1",
      "",
      "just text",
    ];
    for (const text of outside) assert.equal(agrees(text), undefined, text);
  });
});
