/**
 * A section in the organization's own words: the prose is replaced, the commitment sentences stay
 * (numbered, in their order), unknown sections are refused, and the text stays in force across
 * later changes until a change returns the section to the template's text.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import type { ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import type { ChangeDetail } from "./changes.schema.ts";
import { propose, publishFirstVersion, publishThroughChange } from "./governance.test-support.ts";

const ownWords = "Our reviewers read the records with care.\n\nFindings go to the weekly security meeting.";
const section = { policyId: "auditing", sectionId: "activity-review" };

interface Policy {
  sections: { id: string; html: string }[];
  commitments: { id: string }[];
}

forEachDatabase("section texts", (context) => {
  it("replaces a section's prose and keeps its commitment sentences", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const change = await propose(server, {
      effectiveDate: "2026-03-02",
      sectionChanges: [{ ...section, markdown: ownWords }],
    });
    const detail = (
      await (await server.as("auditor")).get(`/api/v1/changes/${change.id}`)
    ).json<ChangeDetail>();
    assert.deepEqual(detail.diff.schedules, []);
    const lines = detail.diff.policies.find((p) => p.policyId === "auditing")!.hunks.flatMap((h) => h.lines);
    const added = lines.filter((l) => l.kind === "added").map((l) => l.text);
    assert.deepEqual(added, [
      "Our reviewers read the records with care.",
      "Findings go to the weekly security meeting.",
      "",
      "2. Nobody may review log entries of their own activity; the Security Officer's own activity must be reviewed by another workforce member whom the Chief Executive Officer designates.",
    ]);
    assert.ok(
      lines.some((l) => l.kind === "removed" && l.text === "Regular review turns records into detection."),
    );

    const hash = await publishThroughChange(server, {
      effectiveDate: "2026-03-02",
      sectionChanges: [{ ...section, markdown: ownWords }],
    });
    // The same draft text, so the same hash as the first proposal.
    assert.equal(hash, change.contentHash);
    const reader = await server.as("workforce-member");
    const policy = (await reader.get("/api/v1/policies/auditing")).json<Policy>();
    const html = policy.sections.find((s) => s.id === "activity-review")!.html;
    assert.match(html, /^<p>Our reviewers read the records with care\.<\/p>/);
    assert.match(
      html,
      /<ol>\s*<li>The Security Officer must review the audit logs[^<]*<\/li>\s*<li>Nobody may review/,
    );
    assert.ok(policy.commitments.some((c) => c.id === "log-review"));

    // Publishing the unchanged profile directly is still a no-op: the section text is part of the render.
    const again = await (await server.as("owner")).post("/api/v1/policies/publish");
    assert.equal(again.json<{ created: boolean }>().created, false, again.body);

    // A later value change keeps the wording; a null text returns the section to the template.
    await publishThroughChange(server, {
      effectiveDate: "2026-03-03",
      profileChanges: [{ path: "access.idleLogoffMinutes", value: 10 }],
    });
    const kept = (await reader.get("/api/v1/policies/auditing")).json<Policy>();
    assert.match(kept.sections.find((s) => s.id === "activity-review")!.html, /Our reviewers read/);
    await publishThroughChange(server, {
      effectiveDate: "2026-03-04",
      sectionChanges: [{ ...section, markdown: null }],
    });
    const restored = (await reader.get("/api/v1/policies/auditing")).json<Policy>();
    assert.match(
      restored.sections.find((s) => s.id === "activity-review")!.html,
      /Regular review turns records/,
    );
  });

  it("refuses unknown sections and text that is not plain Markdown", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const officer = await server.as("security-officer");
    const send = async (sectionChanges: unknown[]) => {
      const response = await officer.post("/api/v1/changes", {
        summary: "Words",
        effectiveDate: "2026-03-05",
        sectionChanges,
      });
      assert.equal(response.statusCode, 400, response.body);
      return response.json<ErrorBody>().error.fields;
    };
    assert.deepEqual(
      await send([{ policyId: "auditing", sectionId: "no-such-section", markdown: "Text." }]),
      [
        {
          field: "body.sectionChanges.0.sectionId",
          message: 'policy "auditing" has no section "no-such-section"',
        },
      ],
    );
    assert.deepEqual(await send([{ policyId: "no-such-policy", sectionId: "scope", markdown: "Text." }]), [
      {
        field: "body.sectionChanges.0.policyId",
        message: `no policy "no-such-policy" in this organization's policies`,
      },
    ]);
    assert.deepEqual(await send([{ ...section, markdown: "## New heading\n\n{{ organization.name }}" }]), [
      {
        field: "body.sectionChanges.0.markdown",
        message: "headings are not allowed: the text replaces one section's body, not its structure",
      },
      {
        field: "body.sectionChanges.0.markdown",
        message: "Liquid tags ({{ }} or {% %}) are not allowed: write the text as plain Markdown",
      },
    ]);
    assert.deepEqual(await send([{ ...section, markdown: "Review schedule\n===\n\nLogs are read daily." }]), [
      {
        field: "body.sectionChanges.0.markdown",
        message: "headings are not allowed: the text replaces one section's body, not its structure",
      },
    ]);
    assert.deepEqual(await send([{ ...section, markdown: null }]), [
      {
        field: "body.sectionChanges.0.markdown",
        message: "section auditing#activity-review already has the template's text",
      },
    ]);
  });
});
