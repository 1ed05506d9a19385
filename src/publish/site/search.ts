/**
 * Client-side search without a library or a network request: the index lists every section's words,
 * and a small script filters it as the reader types. The same script filters the citations table.
 */
import { markdownToText } from "../markdown-it.ts";
import type { PolicySet } from "../../templates/model.ts";

/** One searchable entry: a section, or a policy's summary and introduction (then `section` is the policy label). */
export interface SearchEntry {
  href: string;
  policy: string;
  section: string;
  text: string;
}

/** Every section of every policy, as plain text. */
export function buildSearchIndex(set: PolicySet): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const policy of set.policies) {
    const policyLabel = `${policy.number}. ${policy.title}`;
    entries.push({
      href: `${policy.id}.html`,
      policy: policyLabel,
      section: policyLabel,
      text: `${policy.summary} ${markdownToText(policy.intro)}`.trim(),
    });
    for (const section of policy.sections) {
      entries.push({
        href: `${policy.id}.html#${section.id}`,
        policy: policyLabel,
        section: `${section.number} ${section.title}`,
        text: `${markdownToText(section.markdown)} ${section.citations.join(" ")}`.trim(),
      });
    }
  }
  return entries;
}

// Runs in the reader's browser. Written as plain ES2017 and builds results with textContent only,
// so index text can never become markup. Accents are folded so "cafe" finds "café".
const client = `
  function fold(s) { return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); }
  var docs = INDEX.map(function (e) { return { e: e, hay: fold(e.section + " " + e.policy + " " + e.text) }; });
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function snippet(text, word) {
    var at = Math.max(0, fold(text).indexOf(word) - 60);
    if (at > 0) at = text.indexOf(" ", at) + 1; // start on a whole word
    return (at > 0 ? "…" : "") + text.slice(at, at + 160) + (text.length > at + 160 ? "…" : "");
  }
  function init() {
    var input = document.getElementById("site--search");
    var out = document.getElementById("site--search-results");
    if (!input || !out) return;
    function render() {
      var words = fold(input.value).split(/\\s+/).filter(Boolean);
      out.textContent = "";
      if (words.length === 0) { out.hidden = true; return; }
      var hits = docs.filter(function (d) { return words.every(function (w) { return d.hay.indexOf(w) !== -1; }); });
      var count = hits.length === 1 ? "1 section matches" : hits.length + " sections match";
      out.appendChild(el("p", "search-status", hits.length === 0 ? "No section matches these words." : count + (hits.length > 30 ? "; showing the first 30." : ".")));
      var list = el("ul", "plain");
      hits.slice(0, 30).forEach(function (d) {
        var item = el("li");
        var link = el("a", "", d.e.section);
        link.href = d.e.href;
        item.appendChild(link);
        item.appendChild(el("p", "", (d.e.section === d.e.policy ? "" : d.e.policy + ": ") + snippet(d.e.text, words[0])));
        list.appendChild(item);
      });
      out.appendChild(list);
      out.hidden = false;
    }
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; render(); }
    });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = out.querySelector("a");
      if (first) first.focus();
    });
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) { input.value = asked; render(); }
  }
  function initFilter() {
    var input = document.getElementById("site--filter");
    var status = document.getElementById("site--filter-status");
    if (!input || !status) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.coverage tbody tr"));
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var hay = fold(row.textContent);
        row.hidden = !words.every(function (w) { return hay.indexOf(w) !== -1; });
        if (!row.hidden) shown++;
      });
      status.textContent = words.length === 0 ? "" : shown + " of " + rows.length + " citations shown.";
    });
  }
  function start() { init(); initFilter(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
`;

/**
 * The text of `search.js`. The index is embedded because browsers refuse `fetch` of a local file,
 * and the site must search when opened straight from disk; `search-index.json` carries the same
 * entries for other tools.
 */
export function searchScript(entries: SearchEntry[]): string {
  return `// Steward policy search: filters the sections below by the words typed. No network.\n(function () {\n  "use strict";\n  var INDEX = ${JSON.stringify(entries)};\n${client}})();\n`;
}
