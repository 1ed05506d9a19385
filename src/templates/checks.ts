/** Final checks on rendered text: nothing unrendered, nothing left for a human to fill in. */
const forbidden: [RegExp, string][] = [
  [/\{\{|\}\}|\{%|%\}/, "unrendered template syntax"],
  [/\u27e6|\u27e7/, "an unresolved cross-reference"],
  [/\bTODO\b|\bTBD\b|\bTBA\b|\bFIXME\b|\bXXX\b/, "a placeholder (TODO/TBD)"],
  [/\b[XN] (minutes|hours|days|weeks|months|years)\b/, "a placeholder number"],
  [/\[(Name|Address|Company|Date|Insert)\b/i, "a bracketed placeholder"],
  [/\bfill in\b|\binsert (name|date|here)\b|\blorem ipsum\b/i, "placeholder wording"],
  [/\bundefined\b|\bnull\b|\[object Object\]|\bNaN\b/, "a value that did not render"],
];

/**
 * The patterns joined, one regular expression per flag set, for the usual answer (nothing found):
 * two scans of the text instead of one per pattern.
 */
const anyForbidden = [false, true].map(
  (caseless) =>
    new RegExp(
      forbidden
        .filter(([pattern]) => pattern.flags.includes("i") === caseless)
        .map(([pattern]) => pattern.source)
        .join("|"),
      caseless ? "i" : "",
    ),
);

/** Returns the description of the first forbidden pattern found, or null. */
export function findPlaceholder(text: string): { what: string; excerpt: string } | null {
  if (!anyForbidden.some((pattern) => pattern.test(text))) return null;
  for (const [pattern, what] of forbidden) {
    const match = pattern.exec(text);
    if (match) {
      const start = Math.max(0, match.index - 30);
      return {
        what,
        excerpt: text
          .slice(start, match.index + match[0].length + 30)
          .replace(/\s+/g, " ")
          .trim(),
      };
    }
  }
  return null;
}
