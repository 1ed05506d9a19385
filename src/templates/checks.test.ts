import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findPlaceholder } from "./checks.ts";

describe("findPlaceholder", () => {
  it("names each kind of leftover, whatever its case where case does not matter", () => {
    const found = (text: string) => findPlaceholder(text)?.what ?? null;
    assert.equal(found("Logs are kept {{ retention }} years."), "unrendered template syntax");
    assert.equal(found("See \u27e6ref:x@3\u27e7."), "an unresolved cross-reference");
    assert.equal(found("Owner: TBD."), "a placeholder (TODO/TBD)");
    assert.equal(found("Within X minutes."), "a placeholder number");
    assert.equal(found("Signed by [name of officer]."), "a bracketed placeholder");
    assert.equal(found("Please FILL IN the date."), "placeholder wording");
    assert.equal(found("Lorem Ipsum dolor."), "placeholder wording");
    assert.equal(found("Value: undefined."), "a value that did not render");
    assert.equal(found("Logs are kept 6 years by the Security Officer."), null);
    // Case matters where it should: "todo" and "x minutes" are ordinary words.
    assert.equal(found("A todo list is reviewed within x minutes."), null);
  });

  it("reports the first kind in its list when several occur, with the text around it", () => {
    assert.deepEqual(findPlaceholder("[Name] within N days, TODO."), {
      what: "a placeholder (TODO/TBD)",
      excerpt: "[Name] within N days, TODO.",
    });
  });
});
