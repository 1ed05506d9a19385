import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { headingCitations, splitSections } from "./sections.ts";

describe("headingCitations", () => {
  it("lists the citations of every heading, as splitSections reads them", () => {
    const markdown = [
      'Intro text cites="164.308(a)(1)" is not a heading.',
      '## Logoff {#logoff cites="164.312(a)(2)(iii)  164.308(a)(5)(ii)(D)"}',
      "Text.",
      "### Plain {#plain}",
      "More.",
      '## Audit {#audit cites="164.312(b)"}',
      "Text.",
    ].join("\n");
    const citations = headingCitations(markdown);
    assert.deepEqual(citations, ["164.312(a)(2)(iii)", "164.308(a)(5)(ii)(D)", "164.312(b)"]);
    const { sections } = splitSections(markdown, 1, "t.md", markdown, []);
    assert.deepEqual(
      sections.flatMap((s) => s.cites),
      citations,
    );
  });
});
