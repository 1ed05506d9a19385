import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fixtureExtras, fixtureSet } from "./fixture.test-support.ts";
import { findChromium } from "./pdf.ts";
import { renderSite } from "./site/index.ts";

const dir = mkdtempSync(join(tmpdir(), "steward-site-"));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
for (const [file, content] of renderSite(fixtureSet, fixtureExtras)) writeFileSync(join(dir, file), content);
const chromiumPath = findChromium();

// Opened from disk on purpose: that is how an auditor reads a copied site, and where fetch() fails.
test(
  "search and the citations filter work in a browser opened from disk",
  { skip: chromiumPath === null ? "Chromium is not installed" : false, timeout: 60_000 },
  async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: chromiumPath!,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.route(/^https?:/, (route) => {
        errors.push(`network request to ${route.request().url()}`);
        return route.abort();
      });
      await page.goto(`file://${join(dir, "index.html")}`);
      await page.fill("#site--search", "office zurich cafe");
      const results = page.locator("#site--search-results a");
      assert.deepEqual(await results.evaluateAll((links) => links.map((a) => a.getAttribute("href"))), [
        "system-access.html",
      ]);
      await page.fill("#site--search", "no such words here");
      assert.match((await page.locator("#site--search-results").textContent()) ?? "", /No section matches/);

      await page.goto(`file://${join(dir, "citations.html")}`);
      await page.fill("#site--filter", "logoff");
      assert.equal(await page.locator("table.coverage tbody tr:not([hidden])").count(), 1);
      assert.equal(await page.locator("#site--filter-status").textContent(), "1 of 5 citations shown.");
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
);
