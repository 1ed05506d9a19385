/**
 * Turns the citations found in old policy sets into canonical catalog ids, so imported text and
 * crosswalks count toward coverage of the right paragraph. Anything that cannot be placed is
 * refused with the nearest catalog id as a suggestion: guessing silently would misreport coverage.
 */
import { loadCatalog, type Catalog } from "./catalog.ts";
import { cleanCitation, editDistance, expandCitation, parentParagraph } from "./syntax.ts";

/** The canonical ids a citation names, or why it names none. */
export type Normalized = { ok: true; ids: string[] } | { ok: false; error: string };

/**
 * Citations that exist in print but mean another paragraph (hipaa-facts.md 1.1 note 2, 1.3, 1.4).
 * "164.308(b)(1)" is deliberately absent: it still exists (the standard), so it stays itself.
 */
const aliases: ReadonlyMap<string, string> = new Map([
  // Before the 2013 Omnibus Rule the written-contract specification was (b)(4).
  ["164.308(b)(4)", "164.308(b)(3)"],
  // Before 2013 the 164.314 standard was numbered (a)(1)(i).
  ["164.314(a)(1)(i)", "164.314(a)(1)"],
  // The Interhack copy prints unique user identification under the standard's number.
  ["164.312(a)(1)(i)", "164.312(a)(2)(i)"],
]);

/**
 * Normalizes one citation as written in a policy or crosswalk. Accepts "45 CFR §", "45 C.F.R. §",
 * "§" prefixes, spaces, quoted letters, ranges ("(b-c)", "(B)-(E)"), the aliases above, a
 * standard cited without its "(i)" ("164.308(a)(1)"), and paragraphs below the catalog's level,
 * which map to their nearest catalog ancestor ("164.404(c)(1)(A)" -> "164.404(c)(1)").
 */
export function normalizeCitation(raw: string, catalog: Catalog = loadCatalog()): Normalized {
  const clean = cleanCitation(raw);
  const expanded = expandCitation(clean);
  if (!expanded) return { ok: false, error: notFound(raw, clean, catalog) };
  const ids: string[] = [];
  for (const id of expanded) {
    const resolved = resolve(id, catalog);
    if (resolved === null) return { ok: false, error: notFound(raw, id, catalog) };
    // Pre-2013 (a)(2)(i)(A)-(D) collapses into one id; report it once.
    if (!ids.includes(resolved)) ids.push(resolved);
  }
  return { ok: true, ids };
}

/**
 * The single canonical id for `raw`. Throws the normalizer's message when it names none, and an
 * error when it names several (a range), since the caller expects exactly one.
 */
export function canonicalCitation(raw: string, catalog: Catalog = loadCatalog()): string {
  let known = canonicalByCatalog.get(catalog);
  if (!known) canonicalByCatalog.set(catalog, (known = new Map<string, string>()));
  const cached = known.get(raw);
  if (cached !== undefined) return cached;
  const result = normalizeCitation(raw, catalog);
  if (!result.ok) throw new Error(result.error);
  if (result.ids.length !== 1) {
    throw new Error(`"${raw}" names ${result.ids.length} citations (${result.ids.join(", ")}); cite one`);
  }
  known.set(raw, result.ids[0]!);
  return result.ids[0]!;
}

/**
 * Citations already normalized, per catalog (catalogs are never changed once loaded). Every build
 * normalizes the same few hundred citations of the library; the startup snapshot fills this in
 * advance (src/snapshot/app.ts). Only successes are kept, so errors always come out fresh.
 */
const canonicalByCatalog = new WeakMap<Catalog, Map<string, string>>();

/** The catalog id `id` stands for, walking up to the nearest ancestor; null when none exists. */
function resolve(id: string, catalog: Catalog): string | null {
  let current: string | null = id;
  while (current !== null) {
    current = aliases.get(current) ?? current;
    if (catalog.citationById.has(current)) return current;
    // "164.308(a)(1)" is the usual way to cite the standard the regulation numbers (a)(1)(i).
    const standard = catalog.citationById.get(`${current}(i)`);
    if (standard?.kind === "standard") return standard.id;
    current = parentParagraph(current);
  }
  return null;
}

function notFound(raw: string, near: string, catalog: Catalog): string {
  return `"${raw}" is not a citation in the catalog; did you mean "${closestId(near, catalog)}"?`;
}

/**
 * The catalog id at the smallest edit distance; ties go to the named section, then to the
 * earlier id in regulation order.
 * A paragraph cited above the catalog's level ("164.404(c)") is first offered its first
 * subparagraph, which edit distance alone would rank below a sibling ("164.404(b)").
 */
function closestId(text: string, catalog: Catalog): string {
  const descendant = catalog.citations.find((c) => c.id.startsWith(`${text}(`));
  if (descendant) return descendant.id;
  let best = catalog.citations[0]!.id;
  let bestDistance = Infinity;
  for (const { id, section } of catalog.citations) {
    // Half a point breaks ties toward the section the writer named: "164.316(c)" -> "164.316(a)".
    const distance = editDistance(text, id) + (text.startsWith(section) ? 0 : 0.5);
    if (distance < bestDistance) [best, bestDistance] = [id, distance];
  }
  return best;
}
