import assert from "node:assert/strict";
import { test } from "node:test";
import { Script } from "node:vm";
import { fixtureExtras, fixtureSet, hostileName } from "./fixture.test-support.ts";
import { renderSite } from "./site/index.ts";

const site = renderSite(fixtureSet, fixtureExtras);
const htmlPages = [...site.keys()].filter((file) => file.endsWith(".html"));
const website = "https://zurich-cafe.example";

/** Attribute values as the browser reads them. */
function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
const attributes = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, "g"))].map((m) => decode(m[1]!));

test("the site has the index, a page per policy, citations, shared responsibility, search and styles", () => {
  const expected = [
    "index.html",
    "system-access.html",
    "incident-response.html",
    "citations.html",
    "responsibility-matrix.html",
    "search-index.json",
    "search.js",
    "style.css",
  ];
  assert.deepEqual([...site.keys()].sort(), expected.sort());
});

test("every internal link resolves to an existing file and anchor", () => {
  let checked = 0;
  for (const file of htmlPages) {
    for (const href of attributes(site.get(file)!, "href")) {
      if (href.startsWith(website)) continue;
      const [target = "", fragment] = href.split("#", 2);
      const targetFile = target === "" ? file : target;
      assert.ok(site.has(targetFile), `${file}: link to missing file ${href}`);
      if (fragment !== undefined)
        assert.ok(
          attributes(site.get(targetFile)!, "id").includes(fragment),
          `${file}: link to missing anchor ${href}`,
        );
      checked++;
    }
  }
  assert.ok(checked > 40, `only ${checked} links checked`);
});

test("search results link to existing pages and anchors", () => {
  const index = JSON.parse(site.get("search-index.json")!) as { entries: { href: string; text: string }[] };
  assert.equal(index.entries.length, 7);
  for (const { href } of index.entries) {
    const [file = "", fragment] = href.split("#", 2);
    assert.ok(site.has(file), href);
    if (fragment !== undefined) assert.ok(attributes(site.get(file)!, "id").includes(fragment), href);
  }
  assert.ok(index.entries.some((e) => e.text.includes("┌─┐") && e.text.includes("Automatic logoff")));
  assert.doesNotThrow(() => new Script(site.get("search.js")!), "search.js is valid JavaScript");
});

test("profile text cannot inject markup", () => {
  for (const file of htmlPages) {
    const html = site.get(file)!;
    assert.ok(!html.includes(hostileName), `${file} contains the raw organization name`);
    assert.equal(html.match(/<script/g)?.length, 1, `${file} has a script other than search.js`);
    assert.doesNotMatch(html, /<img/, file);
  }
  assert.match(
    site.get("index.html")!,
    /Grüner &lt;script&gt;alert\(&quot;owned&quot;\)&lt;\/script&gt; Café HIPAA Policies/,
  );
});

test("no page reaches the network: the only web address is the organization's website", () => {
  for (const [file, content] of site) {
    const urls = content.match(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*/gi) ?? [];
    for (const url of urls) assert.ok(url.startsWith(website), `${file} references ${url}`);
  }
  assert.match(site.get("index.html")!, /<a href="https:\/\/zurich-cafe\.example" rel="noopener">/);
});

test("every page is in English, has a skip link, the navigation and a labelled search box", () => {
  for (const file of htmlPages) {
    const html = site.get(file)!;
    assert.match(html, /<html lang="en">/, file);
    assert.match(html, /<a class="skip-link" href="#site--main">/, file);
    assert.match(html, /<main id="site--main"/, file);
    assert.match(
      html,
      /<label for="site--search">Search the policies<\/label>\s*<input id="site--search"/,
      file,
    );
    for (const target of ["index.html", "citations.html", "responsibility-matrix.html"])
      assert.ok(html.includes(`<li><a href="${target}"`), `${file} lacks nav to ${target}`);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1, `${file} has one h1`);
  }
});

test("a policy page shows citations, anchored sections and the commitments table", () => {
  const html = site.get("system-access.html")!;
  assert.match(html, /<h1><span class="num">1\.<\/span>System Access Policy<\/h1>/);
  assert.match(
    html,
    /<a href="citations\.html#cite--164\.312\(a\)\(2\)\(iii\)">164\.312\(a\)\(2\)\(iii\)<\/a>/,
  );
  assert.match(html, /<h3 id="automatic-logoff"><span class="num">1\.1\.1<\/span>Automatic logoff<\/h3>/);
  assert.match(html, /<h2 id="policy--commitments">Commitments in this policy<\/h2>/);
  assert.match(html, /<td>Security Officer \(Léa Müller\)<\/td>\s*<td>Every 3 months<\/td>/);
  assert.match(
    html,
    /<a href="incident-response\.html#breach-notification">section 2\.2 \(Breach notification\)<\/a>/,
  );
  assert.match(site.get("incident-response.html")!, /Within 72 hours of discovery of a breach/);
  assert.match(site.get("incident-response.html")!, /“smart quotes”/);
});

test("citations page states each status in words", () => {
  const html = site.get("citations.html")!;
  assert.match(html, /<tr id="cite--164\.312\(a\)\(2\)\(iii\)">[\s\S]*?<td>Addressable<\/td>/);
  assert.match(html, /<tr id="cite--164\.504\(e\)\(2\)\(ii\)\(C\)">[\s\S]*?Not addressed/);
});

test("without shared-responsibility rows the page and its link are left out", () => {
  const plain = renderSite(fixtureSet, { ...fixtureExtras, sharedResponsibility: null });
  assert.ok(!plain.has("responsibility-matrix.html"));
  for (const [file, content] of plain) assert.ok(!content.includes("responsibility-matrix.html"), file);
});

test("the style sheet prints black on white without navigation, each policy on a new page", () => {
  const print = /@media print \{([\s\S]*)\}\s*$/.exec(site.get("style.css")!)?.[1] ?? "";
  assert.match(print, /\.site-nav, \.search[^{]*\{ display: none/);
  assert.match(print, /color: #000; background: #fff/);
  assert.match(print, /article\.policy \{ break-before: page; \}/);
});

test("a policy id that names a site page is refused", () => {
  const clash = { ...fixtureSet, policies: [{ ...fixtureSet.policies[0]!, id: "citations" }] };
  assert.throws(() => renderSite(clash, fixtureExtras), /collides with the site page citations\.html/);
});
