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

  it("agrees with the yaml package on 3,000 generated documents", () => {
    // A small deterministic generator: keys and scalars chosen on the edges of the subset, nested
    // mappings and sequences, comments. Counts both outcomes, so neither side can go unexercised.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const pick = <T>(items: readonly T[]) => items[next(items.length)]!;
    const keys = ["a", "b_c", "d-e", "null", "True", "NULL", "yes", "nan", "on", "x1", "__proto__", "a"];
    const inside = [
      "plain text",
      "88 Main St, Suite 5",
      "1",
      "-2",
      "007",
      "1.50",
      "~",
      "Null",
      "true",
      "FALSE",
    ];
    const edges = [
      "yes",
      "2026-07-01",
      "12:30",
      "a:b",
      "C#",
      "x #comment",
      "'single'",
      "'it''s'",
      '"double"',
      "[a, b]",
      "[]",
      "{ k: v }",
      "{}",
      "https://example.test/a#b",
      "1_000",
      "nan",
    ];
    const outsideScalars = [
      "-0",
      "+3",
      "0x1F",
      "0o7",
      "1e3",
      ".5",
      ".inf",
      "-.Inf",
      ".NaN",
      "a: b",
      '"with \\n escape"',
      "[a, [b]]",
      "- item",
      "&anchor x",
      "*alias",
      "!tag x",
      "|",
      ">",
      "%x",
      "@x",
      "`x`",
    ];
    const scalar = () => pick([inside, inside, edges, edges, edges, outsideScalars][next(6)]!);
    const block = (indent: number, depth: number): string[] => {
      const pad = " ".repeat(indent);
      const lines: string[] = [];
      const sequence = next(4) === 0;
      for (let i = 0, count = 1 + next(4); i < count; i += 1) {
        const head = sequence ? `${pad}-` : `${pad}${pick(keys)}:`;
        if (depth < 3 && next(3) === 0) {
          lines.push(next(5) === 0 ? `${head} # note` : head);
          // A mapping's sequence may sit at the mapping's own indentation.
          const inner = !sequence && next(3) === 0 ? indent : indent + 2;
          lines.push(...block(inner, depth + 1));
        } else lines.push(`${head} ${scalar()}`);
        if (next(10) === 0) lines.push(`${pad}# comment`);
      }
      return lines;
    };
    let read = 0;
    let leftOut = 0;
    for (let i = 0; i < 3000; i += 1) {
      const text = block(0, 0).join("\n");
      let expected: unknown;
      try {
        expected = parse(text);
      } catch {
        assert.equal(readSimpleYaml(text), undefined, text);
        continue;
      }
      const simple = readSimpleYaml(text);
      if (simple === undefined) leftOut += 1;
      else {
        assert.deepEqual(simple, expected, text);
        read += 1;
      }
    }
    assert.ok(read > 300 && leftOut > 300, `${read} documents read, ${leftOut} left to yaml`);
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
      "null: 1",
      "True: 1",
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
