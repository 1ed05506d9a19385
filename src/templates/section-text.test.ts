import assert from "node:assert/strict";
import { it } from "node:test";
import type { RenderedCommitment } from "./model.ts";
import { applySectionText, sectionTextProblems } from "./section-text.ts";

const commitment = (id: string, sectionId: string, text: string) =>
  ({ id, sectionId, text }) as unknown as RenderedCommitment;

it("puts the section's commitment sentences after the new prose, in the order the template states them", () => {
  const commitments = [
    commitment("b", "reviews", "Second sentence."),
    commitment("a", "reviews", "First sentence."),
    commitment("c", "elsewhere", "Not here."),
  ];
  assert.equal(
    applySectionText("  Our words.\n", ["a", "c", "b"], commitments, "reviews"),
    "Our words.\n\n1. First sentence.\n2. Second sentence.",
  );
  assert.equal(applySectionText("Only prose.", [], commitments, "quiet"), "Only prose.");
});

it("refuses empty text, headings and Liquid in a section's text", () => {
  assert.deepEqual(sectionTextProblems("Plain *Markdown* with a list:\n\n- one\n- two"), []);
  assert.deepEqual(sectionTextProblems("  \n"), ["expected the section's text, got an empty text"]);
  assert.equal(sectionTextProblems("Intro\n### Sub").length, 1);
  assert.equal(sectionTextProblems("Hello {{ organization.name }}").length, 1);
});
