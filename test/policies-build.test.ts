/**
 * End-to-end checks of `policies build` on the example organizations: what a reader of the
 * published set would check.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { buildPolicies } from "../src/publish/build.ts";
import type { Profile } from "../src/profile/schema.ts";
import { findPlaceholder } from "../src/templates/checks.ts";
import { cadenceAdjective, cadencePhrase, daysPhrase, hoursPhrase } from "../src/templates/words.ts";
import type { Cadence } from "../src/profile/primitives.ts";
import { exampleProfile, modifiedProfile } from "./support/profiles.ts";

const fictional = ["brightpath-saas.yaml", "harborline-paas.yaml", "cedarridge-hybrid.yaml"];
const seeds = readdirSync(join(import.meta.dirname, "..", "examples", "seeds")).map((f) => `seeds/${f}`);
const root = mkdtempSync(join(tmpdir(), "steward-build-"));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

const built = new Map<string, Awaited<ReturnType<typeof buildPolicies>> & { dir: string }>();
async function build(name: string, profile: Profile = exampleProfile(name)) {
  const dir = join(root, `${name.replace(/\W/g, "_")}-${built.size}-${Math.random().toString(36).slice(2)}`);
  const result = await buildPolicies(profile, { outDir: dir, formats: ["site", "markdown"] });
  return { ...result, dir };
}
async function buildExample(name: string) {
  if (!built.has(name)) built.set(name, await build(name));
  return built.get(name)!;
}

/** All published text: Markdown files and HTML pages without their script and style blocks. */
function publishedText(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(join(dir, "markdown")))
    files.set(`markdown/${name}`, readFileSync(join(dir, "markdown", name), "utf8"));
  for (const name of readdirSync(join(dir, "site")).filter((n) => n.endsWith(".html"))) {
    const html = readFileSync(join(dir, "site", name), "utf8").replace(/<(script|style)[\s\S]*?<\/\1>/g, "");
    files.set(`site/${name}`, html);
  }
  return files;
}

function distinctive(profile: Profile): string[] {
  const { organization, people, tools } = profile;
  return [
    organization.legalName,
    organization.name,
    people.securityOfficer!.name,
    people.privacyOfficer.name,
    people.engineeringLead.name,
    people.executive.name,
    tools.configurationManagement,
    tools.logging,
    tools.ticketing,
  ];
}

describe("policies build on every example", () => {
  for (const name of [...fictional, ...seeds]) {
    it(`${name}: builds with no placeholder, unrendered syntax or empty section`, async () => {
      const { dir, set } = await buildExample(name);
      assert.ok(set.policies.length >= 20, `expected the full library, got ${set.policies.length} policies`);
      for (const [file, text] of publishedText(dir)) {
        const found = findPlaceholder(text);
        assert.equal(found, null, `${file} contains ${found?.what}: "${found?.excerpt}"`);
      }
      for (const policy of set.policies)
        for (const section of policy.sections) {
          const hasChild = policy.sections.some(
            (s) => s.level === 3 && s.number.startsWith(section.number + "."),
          );
          assert.ok(section.markdown.trim() !== "" || hasChild, `${policy.id}#${section.id} is empty`);
        }
    });
  }

  it("states each organization's name, officers and tools, and no other example's", async () => {
    for (const name of fictional) {
      const { dir, set } = await buildExample(name);
      const all = [...publishedText(dir).values()].join("\n");
      for (const value of distinctive(set.profile))
        assert.ok(all.includes(value), `${name}: "${value}" does not appear`);
      for (const other of fictional.filter((n) => n !== name)) {
        for (const value of distinctive(exampleProfile(other))) {
          assert.ok(!all.includes(value), `${name}: output contains "${value}" from ${other}`);
        }
      }
    }
  });

  it("renders each commitment's numbers and cadences in its own sentence", async () => {
    for (const name of fictional) {
      const { set } = await buildExample(name);
      for (const commitment of set.policies.flatMap((p) => p.commitments)) {
        for (const [path, value] of Object.entries(commitment.parameters)) {
          if (typeof value === "number") {
            const words = [String(value), hoursPhrase(value), daysPhrase(value)];
            assert.ok(
              words.some((w) => commitment.text.includes(w)) || !commitment.text.includes(path),
              `${name}: ${commitment.id} reads ${path}=${value} but says "${commitment.text}"`,
            );
          }
          if (value && typeof value === "object" && !Array.isArray(value) && "every" in value) {
            const cadence = value as Cadence;
            const phrases = [cadencePhrase(cadence), cadenceAdjective(cadence)];
            const inSchedule =
              commitment.schedule.kind === "recurring" && commitment.schedule.cadenceParam === path;
            assert.ok(
              phrases.some((p) => commitment.text.includes(p)) || inSchedule,
              `${name}: ${commitment.id} does not state ${path}`,
            );
          }
        }
      }
    }
  });
});

describe("one changed profile value", () => {
  it("changes exactly the sentences that use it", async () => {
    const before = await buildExample("harborline-paas.yaml");
    const original = before.set.profile.access.idleLogoffMinutes;
    const changed = original === 11 ? 13 : 11;
    const after = await build(
      "harborline-paas.yaml",
      modifiedProfile("harborline-paas.yaml", (d) => {
        d.access = { ...d.access, idleLogoffMinutes: changed };
      }),
    );
    const users = before.set.policies
      .flatMap((p) => p.commitments)
      .filter((c) => "access.idleLogoffMinutes" in c.parameters);
    assert.ok(users.length > 0, "no commitment reads access.idleLogoffMinutes");
    let changedLines = 0;
    for (const [file, text] of publishedText(before.dir)) {
      if (!file.startsWith("markdown/")) continue;
      const old = text.split("\n");
      const next = readFileSync(join(after.dir, file), "utf8").split("\n");
      assert.equal(next.length, old.length, `${file}: line count changed`);
      old.forEach((line, i) => {
        if (line === next[i]) return;
        // The index states the content hash, which must change with the content.
        if (line.startsWith("Content hash")) return;
        changedLines += 1;
        assert.ok(
          line.includes(String(original)) && next[i]!.includes(String(changed)),
          `${file}:${i + 1} changed without the value:\n- ${line}\n+ ${next[i]!}`,
        );
        assert.equal(
          next[i],
          line.replaceAll(String(original), String(changed)),
          `${file}:${i + 1} changed more than the value`,
        );
      });
    }
    assert.ok(
      changedLines >= users.length,
      `expected at least ${users.length} changed lines, got ${changedLines}`,
    );
    const changedCommitments = after.set.policies
      .flatMap((p) => p.commitments)
      .filter((c, i) => c.text !== before.set.policies.flatMap((p) => p.commitments)[i]!.text);
    assert.deepEqual(changedCommitments.map((c) => c.id).sort(), users.map((c) => c.id).sort());
    assert.notEqual(after.set.contentHash, before.set.contentHash);
  });
});
