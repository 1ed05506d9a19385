import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureSet, hostileName } from "./fixture.test-support.ts";
import { renderIndexMarkdown, renderPolicyMarkdown, rewriteMarkdownRefs } from "./markdown.ts";

const [access, incident] = fixtureSet.policies as [
  (typeof fixtureSet.policies)[0],
  (typeof fixtureSet.policies)[0],
];

test("a policy file has a numbered title, the version line and numbered, anchored sections", () => {
  const text = renderPolicyMarkdown(fixtureSet, access);
  assert.ok(text.startsWith("# 1. System Access Policy\n\nVersion 2.1 · Effective 2026-09-01\n\n"));
  assert.match(text, /<a id="access-control"><\/a>\n## 1\.1 Access control\n/);
  assert.match(text, /<a id="automatic-logoff"><\/a>\n### 1\.1\.1 Automatic logoff\n/);
  assert.ok(
    text.indexOf("## 1.1 ") < text.indexOf("### 1.1.1 ") &&
      text.indexOf("### 1.1.1 ") < text.indexOf("## 1.2 "),
  );
});

test("cross-references point at the other Markdown files", () => {
  const text = renderPolicyMarkdown(fixtureSet, access) + renderPolicyMarkdown(fixtureSet, incident);
  assert.doesNotMatch(text, /steward-ref:/);
  assert.match(text, /\[section 2\.2 \(Breach notification\)\]\(incident-response\.md#breach-notification\)/);
  assert.match(text, /\[the System Access Policy \(policy 1\)\]\(system-access\.md\)/);
  assert.match(text, /\[section 1\.1\.1 \(Automatic logoff\)\]\(system-access\.md#automatic-logoff\)/);
});

test("only link destinations are rewritten", () => {
  assert.equal(rewriteMarkdownRefs("[a](steward-ref:p#s) [b](<steward-ref:q>)"), "[a](p.md#s) [b](<q.md>)");
  assert.equal(rewriteMarkdownRefs("[a]: steward-ref:p"), "[a]: p.md");
  assert.equal(rewriteMarkdownRefs("write steward-ref:p by hand"), "write steward-ref:p by hand");
});

test("the README lists every policy and section, and escapes profile text", () => {
  const text = renderIndexMarkdown(fixtureSet);
  assert.ok(!text.includes(hostileName), "the organization name is escaped");
  assert.match(text, /^# Grüner \\<script\\>alert\("owned"\)\\<\/script\\> Café HIPAA Policies$/m);
  assert.match(text, /^1\. \[System Access Policy\]\(system-access\.md\): How people/m);
  assert.match(text, /^ {8}- \[1\.1\.1 Automatic logoff\]\(system-access\.md#automatic-logoff\)$/m);
  assert.match(text, /^2\. \[Incident Response Policy\]\(incident-response\.md\)/m);
  assert.match(text, /9f2c4e0b/);
});
