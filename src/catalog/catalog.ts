/**
 * The regulation catalog: every HIPAA citation Steward's policies may cite (Security Rule, Breach
 * Notification Rule, business-associate items of the Privacy Rule) and the HITRUST CSF and NIST
 * SP 800-53 rev5 ids their front matter may name. The facts live in content/catalog/*.yaml; this
 * module only loads, checks and indexes them, so a regulatory change is a data change.
 */
import { readFileSync } from "node:fs";
import { contentDir } from "../paths.ts";
import { HitrustEntry, NistEntry, RequirementEntry, SecurityEntry, parseEntries } from "./schema.ts";

/** Which part of HIPAA a citation comes from. */
export type CatalogSource = "security" | "breach" | "privacy";

/** One citable HIPAA paragraph. */
export interface CitationEntry {
  /** Canonical citation, e.g. "164.308(a)(1)(ii)(A)". */
  id: string;
  title: string;
  /** standard-part: 164.308(b)(2), part of the (b)(1) standard; requirement: breach and privacy items. */
  kind: "standard" | "standard-part" | "implementation-specification" | "requirement";
  /** Required or Addressable; null where the notion does not apply. */
  ra: "R" | "A" | null;
  /** The standard of an implementation specification; null otherwise. */
  parent: string | null;
  source: CatalogSource;
  /** The CFR section, e.g. "164.308". */
  section: string;
  /** The legal time limit in a few words, for breach items that carry one. */
  deadline: string | null;
  note: string | null;
}

/** A HITRUST CSF control reference or a NIST SP 800-53 control. */
export interface ControlEntry {
  id: string;
  title: string;
}

/** The loaded catalog. Treat it as read-only: it is shared by every caller. */
export interface Catalog {
  /** In file order: security, breach, privacy, each in regulation order. */
  citations: CitationEntry[];
  citationById: Map<string, CitationEntry>;
  hitrust: Map<string, ControlEntry>;
  nist: Map<string, ControlEntry>;
}

let cached: Catalog | null = null;

/** Loads content/catalog/ once (synchronously) and returns the same Catalog on later calls. */
export function loadCatalog(): Catalog {
  cached ??= buildCatalog();
  return cached;
}

function read(file: string): string {
  return readFileSync(contentDir("catalog", file), "utf8");
}

function buildCatalog(): Catalog {
  const security = parseEntries("hipaa-security.yaml", read("hipaa-security.yaml"), SecurityEntry);
  checkParents("hipaa-security.yaml", security);
  const citations: CitationEntry[] = [
    ...security.map((e) => toCitation(e, "security")),
    ...parseEntries("hipaa-breach.yaml", read("hipaa-breach.yaml"), RequirementEntry).map((e) =>
      toCitation(e, "breach"),
    ),
    ...parseEntries("hipaa-privacy-ba.yaml", read("hipaa-privacy-ba.yaml"), RequirementEntry).map((e) =>
      toCitation(e, "privacy"),
    ),
  ];
  const citationById = new Map<string, CitationEntry>();
  for (const entry of citations) {
    // Each file checks its own ids; this catches the same citation filed under two sources.
    if (citationById.has(entry.id)) throw new Error(`content/catalog: ${entry.id} appears in two files`);
    citationById.set(entry.id, entry);
  }
  return {
    citations,
    citationById,
    hitrust: byId(parseEntries("hitrust-csf.yaml", read("hitrust-csf.yaml"), HitrustEntry)),
    nist: byId(parseEntries("nist-800-53r5.yaml", read("nist-800-53r5.yaml"), NistEntry)),
  };
}

/** Every implementation specification must point at a standard of its own section in the same file. */
export function checkParents(file: string, entries: readonly SecurityEntry[]): void {
  const standards = new Map(entries.filter((e) => e.kind === "standard").map((e) => [e.id, e]));
  entries.forEach((entry, index) => {
    if (entry.parent === null) return;
    const parent = standards.get(entry.parent);
    if (!parent || sectionOf(parent.id) !== sectionOf(entry.id)) {
      throw new Error(
        `${file}: entry ${index} (${entry.id}): parent ${entry.parent} is not a standard of the same section`,
      );
    }
  });
}

function toCitation(entry: SecurityEntry | RequirementEntry, source: CatalogSource): CitationEntry {
  return {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    ra: entry.ra,
    parent: entry.parent,
    source,
    section: sectionOf(entry.id),
    deadline: "deadline" in entry ? (entry.deadline ?? null) : null,
    note: entry.note ?? null,
  };
}

/** "164.308(a)(1)(i)" -> "164.308". The schema guarantees the id starts with a section number. */
export function sectionOf(id: string): string {
  return /^\d{3}\.\d{3}/.exec(id)![0];
}

function byId(entries: ControlEntry[]): Map<string, ControlEntry> {
  return new Map(entries.map((e) => [e.id, { id: e.id, title: e.title }]));
}
