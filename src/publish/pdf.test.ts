import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fixtureSet, hostileName } from "./fixture.test-support.ts";
import { findChromium, renderPdfHtml, writePdf } from "./pdf.ts";

const dir = mkdtempSync(join(tmpdir(), "steward-pdf-"));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test("the PDF document links every contents entry and cross-reference to an anchor it has", () => {
  const html = renderPdfHtml(fixtureSet);
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
  const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
  assert.ok(hrefs.length >= 9);
  for (const href of hrefs)
    assert.ok(href.startsWith("#") && ids.has(href.slice(1)), `dangling link ${href}`);
  assert.ok(hrefs.includes("#incident-response--breach-notification") && hrefs.includes("#system-access"));
  assert.match(html, /<h3 id="system-access--automatic-logoff">/);
  assert.doesNotMatch(html, /steward-ref:|<link|<script|@import|https?:\/\//);
  assert.ok(!html.includes(hostileName));
});

test("findChromium uses only an explicit path when one is given", () => {
  assert.equal(findChromium("/nonexistent/chromium"), null);
  assert.equal(findChromium(process.execPath), process.execPath);
});

test("findChromium returns the first executable candidate, or null", () => {
  assert.equal(findChromium(undefined, []), null);
  assert.equal(findChromium(undefined, ["/nonexistent/a", "/nonexistent/b"]), null);
  assert.equal(findChromium(undefined, ["/nonexistent/a", process.execPath]), process.execPath);
});

test("writePdf says how to install Chromium when it is missing, and writes nothing", async () => {
  const out = join(dir, "missing.pdf");
  await assert.rejects(writePdf(fixtureSet, out, { chromiumPath: "/nonexistent/chromium" }), {
    message:
      "Chromium was not found (looked in /nonexistent/chromium). Install it with 'apt-get install chromium' (Debian/Ubuntu) or pass its path with --chromium PATH.",
  });
  assert.ok(!existsSync(out));
});

const noChromium = findChromium() === null ? "Chromium is not installed" : false;

test(
  "writePdf prints the whole set with cover, contents, footer and intact characters",
  { skip: noChromium, timeout: 60_000 },
  async () => {
    const out = join(dir, "policies.pdf");
    await writePdf(fixtureSet, out);
    const text = (...args: string[]) =>
      execFileSync("pdftotext", ["-enc", "UTF-8", ...args, out, "-"], { encoding: "utf8" });
    const first = text("-f", "1", "-l", "1");
    assert.match(first, /Zürich Café Health Systems, Inc\./);
    assert.match(first, /HIPAA Policies/);
    assert.match(
      first,
      /Zürich Café Health Systems, Inc\. HIPAA Policies · Version 2\.1 · Effective 2026-09-01 · Page 1 of \d+/,
    );
    const all = text();
    assert.match(all, /Contents\s+1\. System Access Policy\s+1\.1\s+Access control/);
    for (const fragment of [
      "café",
      "Zürich",
      "“smart quotes”",
      "┌─┐",
      "Grüner <script>alert(“owned”)</script> Café",
    ])
      assert.ok(all.includes(fragment), `PDF text lacks ${fragment}`);
    const info = execFileSync("pdfinfo", [out], { encoding: "utf8" });
    assert.match(info, /^Tagged:\s+yes/m);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    assert.ok(pages > 1, `expected several pages, got ${pages}`);
    assert.ok(!existsSync(`${out}.partial`));
  },
);
