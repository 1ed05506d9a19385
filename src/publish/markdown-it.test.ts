import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeHtml, markdownToText, parseStewardRef, renderMarkdown } from "./markdown-it.ts";

test("parseStewardRef reads policy and optional section, and ignores other hrefs", () => {
  assert.deepEqual(parseStewardRef("steward-ref:system-access#automatic-logoff"), {
    policyId: "system-access",
    sectionId: "automatic-logoff",
  });
  assert.deepEqual(parseStewardRef("steward-ref:system-access"), {
    policyId: "system-access",
    sectionId: null,
  });
  assert.equal(parseStewardRef("https://example.org/#x"), null);
  assert.equal(parseStewardRef("steward-ref:"), null);
});

test("renderMarkdown rewrites only steward-ref hrefs through the callback", () => {
  const seen: string[] = [];
  const html = renderMarkdown(
    "See [section 1.1 (Access)](steward-ref:a#b) and [HHS](https://www.hhs.gov/).",
    (href) => {
      seen.push(href);
      return "a.html#b";
    },
  );
  assert.deepEqual(seen, ["steward-ref:a#b"]);
  assert.match(html, /<a href="a\.html#b">section 1\.1 \(Access\)<\/a>/);
  assert.match(html, /<a href="https:\/\/www\.hhs\.gov\/">HHS<\/a>/);
});

test("renderMarkdown shows raw HTML as text and applies smart quotes", () => {
  const html = renderMarkdown(
    `Use "Jira" <img src=x onerror=alert(1)> <script>alert(1)</script>`,
    (href) => href,
  );
  assert.doesNotMatch(html, /<img|<script/);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /“Jira”/);
});

test("renderMarkdown refuses javascript: links", () => {
  assert.doesNotMatch(
    renderMarkdown("[x](javascript:alert(1))", (href) => href),
    /href="javascript/,
  );
});

test("markdownToText keeps words and punctuation together, without markup", () => {
  assert.equal(markdownToText("A *b* `c` [link](steward-ref:p).\n\n```\n┌─┐\n```"), "A b c link. ┌─┐");
});

test("escapeHtml escapes markup and quotes", () => {
  assert.equal(escapeHtml(`<a href="x">&`), "&lt;a href=&quot;x&quot;&gt;&amp;");
});
