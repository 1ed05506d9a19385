import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gradeCitation, gradeCommitment, noWork } from "./grade.ts";

describe("grading", () => {
  it("grades a commitment from its work: overdue over due over met over never done", () => {
    assert.equal(gradeCommitment("recurring", { ...noWork, overdue: 1, due: 2, done: 9 }), "overdue");
    assert.equal(gradeCommitment("recurring", { ...noWork, due: 1, done: 9 }), "due");
    assert.equal(gradeCommitment("recurring", { ...noWork, upcoming: 1, doneLate: 1 }), "met");
    assert.equal(gradeCommitment("recurring", { ...noWork, waived: 1 }), "met");
    assert.equal(gradeCommitment("recurring", { ...noWork, upcoming: 1 }), "never-done");
    assert.equal(gradeCommitment("triggered", noWork), "not-triggered");
    assert.equal(gradeCommitment("triggered", { ...noWork, upcoming: 1 }), "never-done");
    assert.equal(gradeCommitment("standing", { ...noWork, overdue: 3 }), "standing");
  });

  it("grades a citation by its weakest commitment", () => {
    assert.equal(gradeCitation(["met", "overdue", "due"]), "overdue");
    assert.equal(gradeCitation(["standing", "met"]), "met");
    assert.equal(gradeCitation(["not-triggered", "standing"]), "not-triggered");
    assert.equal(gradeCitation(["never-done", "met"]), "never-done");
  });
});
