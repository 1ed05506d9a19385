import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fixtureSet, hostileName } from "./fixture.test-support.ts";
import {
  cssString,
  findChromium,
  pdfChromiumArgs,
  playwrightDisabledFeatures,
  renderPdfHtml,
  writePdf,
} from "./pdf.ts";

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

/** A copy of the fixture whose legal name, printed in every footer, is `legalName`. */
const withLegalName = (legalName: string) => ({
  ...fixtureSet,
  profile: {
    ...fixtureSet.profile,
    organization: { ...fixtureSet.profile.organization, legalName },
  },
});
const awkwardName = `"Zürich" Café \\ Co </style><script>alert(1)</script> 50% & more`;

test("the footer's CSS string holds any organization name without ending early", () => {
  const literal = cssString(awkwardName);
  // Only the closing quote ends the string; every backslash starts a hex escape.
  assert.match(literal, /^"([^"\\<>]|\\[0-9a-f]{1,6} )*"$/);
  assert.equal(cssString("Zürich Café, Inc. · 2.1"), `"Zürich Café, Inc. · 2.1"`);
  const html = renderPdfHtml(withLegalName(awkwardName));
  assert.equal(html.match(/<\/style>/g)?.length, 1);
  assert.doesNotMatch(html, /<script/);
  assert.match(
    html,
    /@bottom-center \{ content: "\\22 Zürich\\22 {2}Café [^"]*" counter\(page\) " of " counter\(pages\)/,
  );
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
    // Every page carries its footer, numbered in order out of the right total.
    const numbers = [...all.matchAll(/ · Page (\d+) of (\d+)/g)];
    assert.deepEqual(
      numbers.map((m) => `${m[1]}/${m[2]}`),
      Array.from({ length: pages }, (_, i) => `${i + 1}/${pages}`),
    );
    // The outline (bookmarks) lists the cover, the contents and each policy with its sections.
    const xml = execFileSync("pdftohtml", ["-xml", "-stdout", "-i", "-f", "1", "-l", "1", out], {
      encoding: "utf8",
    });
    const outline = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => m[2]);
    assert.deepEqual(outline.slice(0, 2), ["HIPAA Policies", "Contents"]);
    for (const policy of fixtureSet.policies)
      assert.ok(
        outline.includes(`${policy.number}.${policy.title}`),
        `the outline lacks ${policy.title}: ${outline.join(" | ")}`,
      );
    assert.ok(!existsSync(`${out}.partial`));
  },
);

test(
  "the footer prints an organization name with quotes, backslashes and markup as typed",
  { skip: noChromium, timeout: 60_000 },
  async () => {
    const out = join(dir, "awkward.pdf");
    await writePdf(withLegalName(awkwardName), out);
    const first = execFileSync("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", out, "-"], {
      encoding: "utf8",
    });
    assert.ok(
      first.includes(`${awkwardName} HIPAA Policies · Version 2.1 · Effective 2026-09-01 · Page 1 of`),
      first,
    );
  },
);

test(
  "the PDF browser keeps Playwright's disabled features and opens no browser-UI pages",
  { skip: noChromium, timeout: 60_000 },
  async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: findChromium()!,
      // --enable-automation lets Browser.getBrowserCommandLine answer.
      args: [...pdfChromiumArgs, "--enable-automation"],
    });
    try {
      await (await browser.newPage()).setContent("<p>x</p>");
      const cdp = await browser.newBrowserCDPSession();
      const { arguments: args } = await cdp.send("Browser.getBrowserCommandLine");
      // Chromium honours the last --disable-features: it must still hold everything Playwright
      // disables in its own, earlier one.
      const lists = args
        .filter((a) => a.startsWith("--disable-features="))
        .map((a) => a.slice("--disable-features=".length).split(","));
      const effective = new Set(lists.at(-1));
      for (const feature of [...lists.flat(), ...playwrightDisabledFeatures])
        assert.ok(effective.has(feature), `--disable-features lost ${feature}`);
      const { targetInfos } = await cdp.send("Target.getTargets");
      assert.deepEqual(
        targetInfos.filter((t) => t.type === "browser_ui").map((t) => t.url),
        [],
      );
    } finally {
      await browser.close();
    }
  },
);
