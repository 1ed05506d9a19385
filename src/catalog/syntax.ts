/**
 * The spelling of HIPAA citations as old policy sets and crosswalks write them: "45 C.F.R. §
 * 164.312(c)(1)", "164.312('c')(1)", "164.310(b-c)", "164.308(a)(7)(ii)(B)-(E)". This module only
 * reads the spelling; which ids exist is the catalog's business (see normalize.ts).
 */

/** Roman numerals as paragraph labels go; i..xx covers every level of Part 164 Subparts C to E. */
const romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
const romanLabels = [...romans, ...romans.map((r) => "x" + r)];

/**
 * Removes what is decoration rather than citation: the "45 CFR" prefix in its spellings, section
 * signs, quotes around letters, spaces, and typographic dashes (turned into "-").
 */
export function cleanCitation(raw: string): string {
  return raw
    .replace(/45\s*C\.?\s*F\.?\s*R\.?/gi, "")
    .replace(/§/g, "")
    .replace(/^\s*(?:sec(?:tion)?\.?\s)/i, "")
    .replace(/['"`\u2018\u2019\u201c\u201d]/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+through\s+/gi, "-")
    .replace(/\s+/g, "");
}

/**
 * Expands a cleaned citation into the citations it names: one, or several for a range written
 * "(b-c)" or "(B)-(E)". Returns null when the text is not a citation or its range cannot be read.
 * At most one range per citation: "(a)(1-2)(i-ii)" is too ambiguous to guess at.
 */
export function expandCitation(clean: string): string[] | null {
  const head = /^(\d{3}\.\d{3})(.*)$/.exec(clean);
  if (!head) return null;
  const labels: string[] = [];
  let rest = head[2]!;
  while (rest.length > 0) {
    const step = /^(?:\(([0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)\)|-\(([0-9A-Za-z]+)\))/.exec(rest);
    if (!step) return null;
    if (step[1] !== undefined) labels.push(step[1]);
    else {
      // "(B)-(E)": the dash joins the previous label to this one.
      const previous = labels.pop();
      if (previous === undefined || previous.includes("-")) return null;
      labels.push(`${previous}-${step[2]!}`);
    }
    rest = rest.slice(step[0].length);
  }
  if (labels.filter((l) => l.includes("-")).length > 1) return null;
  let ids = [head[1]!];
  for (const label of labels) {
    const [from, to] = label.split("-");
    const options = to === undefined ? [from!] : expandRange(from!, to);
    if (!options) return null;
    ids = ids.flatMap((id) => options.map((o) => `${id}(${o})`));
  }
  return ids;
}

/** "b".."c", "B".."E", "i".."iv", "1".."3", inclusive; null when the ends do not form a range. */
export function expandRange(from: string, to: string): string[] | null {
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const [a, b] = [Number(from), Number(to)];
    return a < b ? Array.from({ length: b - a + 1 }, (_, i) => String(a + i)) : null;
  }
  // Roman first: at the levels where "(i)" appears, "(i-iv)" means four paragraphs, not fourteen.
  const [ra, rb] = [romanLabels.indexOf(from), romanLabels.indexOf(to)];
  if (ra >= 0 && rb >= 0) return ra < rb ? romanLabels.slice(ra, rb + 1) : null;
  const sameCase = /^[a-z]$/.test(from) === /^[a-z]$/.test(to);
  if (/^[a-zA-Z]$/.test(from) && /^[a-zA-Z]$/.test(to) && sameCase && from < to) {
    const start = from.charCodeAt(0);
    return Array.from({ length: to.charCodeAt(0) - start + 1 }, (_, i) => String.fromCharCode(start + i));
  }
  return null;
}

/** "164.404(c)(1)(A)" -> "164.404(c)(1)"; null when no paragraph is left to remove. */
export function parentParagraph(id: string): string | null {
  const match = /^(.+)\([^()]+\)$/.exec(id);
  return match ? match[1]! : null;
}

/** Levenshtein distance, for suggesting the nearest catalog id. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
