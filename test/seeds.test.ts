/**
 * Each seed organization (examples/seeds) builds from the shared library without template edits,
 * and its published set states its own service model, hosting, tools and numbers.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderOutputs } from "../src/publish/build.ts";
import { renderPolicySet } from "../src/templates/render.ts";
import { cadenceAdjective, cadencePhrase, hoursPhrase } from "../src/templates/words.ts";
import { exampleProfile } from "./support/profiles.ts";

const seeds = readdirSync(join(import.meta.dirname, "..", "examples", "seeds")).map((f) => `seeds/${f}`);

describe("seed organizations", () => {
  assert.equal(seeds.length, 5, "expected one profile per seed document");
  for (const name of seeds) {
    it(`${name}: states its service model, hosting, tools and numbers`, () => {
      const profile = exampleProfile(name);
      const set = renderPolicySet(profile);
      const markdown = renderOutputs(set, ["markdown"]).trees[0]![1];
      const text = [...markdown.values()].join("\n").replace(/\s+/g, " ");
      const expectText = (value: string, what: string) => {
        assert.ok(text.includes(value), `${name}: ${what} "${value}" is not stated`);
      };
      for (const offering of profile.services.offerings) expectText(offering.name, "offering");
      for (const provider of profile.hosting.providers) {
        expectText(provider.name, "hosting provider");
        expectText(provider.segmentation, "segmentation at " + provider.shortName);
      }
      if (profile.hosting.onPremise) expectText(profile.hosting.onPremise.location, "on-premise location");
      for (const [tool, value] of Object.entries(profile.tools))
        if (typeof value === "string") expectText(value, `tool ${tool}`);
      const sentences = set.policies.flatMap((p) => p.commitments.map((c) => c.text)).join(" ");
      const expectCommitted = (value: string, what: string) => {
        assert.ok(sentences.includes(value), `${name}: no commitment states ${what} (${value})`);
      };
      expectCommitted(`${profile.access.idleLogoffMinutes} minutes`, "the idle logoff");
      expectCommitted(hoursPhrase(profile.breach.customerNoticeHours), "the breach notice to customers");
      expectCommitted(`${profile.training.newHireDays} days`, "the new-hire training deadline");
      expectCommitted(`${profile.vulnerability.patchCriticalDays} days`, "the critical patch deadline");
      const review = profile.auditing.logReviewCadence;
      assert.ok(
        [cadencePhrase(review), cadenceAdjective(review)].some((p) => sentences.includes(p)),
        `${name}: the log review cadence is not stated`,
      );
    });
  }
});
