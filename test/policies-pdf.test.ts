/** The whole-set PDF as a reader opens it: cover, contents, footer, and non-ASCII text intact. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { buildPolicies } from "../src/publish/build.ts";
import { modifiedProfile } from "./support/profiles.ts";

const root = mkdtempSync(join(tmpdir(), "steward-pdf-"));
after(() => {
  rmSync(root, { recursive: true, force: true });
});
const text = (file: string, ...range: string[]) =>
  execFileSync("pdftotext", ["-layout", ...range, file, "-"], { encoding: "utf8" });

describe("policies.pdf", () => {
  it("has the organization on page 1, a table of contents, page footers and intact non-ASCII text", async () => {
    const description = "a “cloud” platform for clinics in Zürich and Montréal ┌─┐";
    const profile = modifiedProfile("harborline-paas.yaml", (d) => {
      d.organization = { ...d.organization, description };
    });
    const out = join(root, "out");
    const { set } = await buildPolicies(profile, { outDir: out, formats: ["pdf"] });
    const pdf = join(out, "policies.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    assert.ok(pages > set.policies.length, `expected more pages than policies, got ${pages}`);
    const first = text(pdf, "-f", "1", "-l", "1");
    assert.ok(first.includes(profile.organization.legalName), `page 1 lacks the legal name:\n${first}`);
    const all = text(pdf);
    assert.match(all, /Contents/);
    for (const policy of set.policies) assert.ok(all.includes(policy.title), `the PDF lacks ${policy.title}`);
    assert.match(all, /Page 2 of \d+/);
    assert.ok(all.includes(`Version ${set.version}`) && all.includes(set.effectiveDate));
    assert.ok(all.replace(/\s+/g, " ").includes(description), "non-ASCII description did not survive");
  });
});
