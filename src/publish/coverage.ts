/**
 * coverage.json: every citation of the catalog with the published sections and commitments that
 * address it (empty where none), and the HITRUST and NIST crosswalk. Deterministic: no timestamps,
 * so two builds of the same profile produce the same file.
 */
import { loadCatalog, type ControlEntry } from "../catalog/catalog.ts";
import type { PolicySet } from "../templates/model.ts";
import type { CoverageRow } from "./site/types.ts";

export interface CoverageDocument {
  organization: string;
  version: string;
  effectiveDate: string;
  contentHash: string;
  summary: { citations: number; addressed: number; unaddressed: string[] };
  citations: (CoverageRow & { deadline: string | null; parent: string | null })[];
  hitrust: { id: string; title: string; policies: string[] }[];
  nist: { id: string; title: string; policies: string[] }[];
}

export function computeCoverage(set: PolicySet): CoverageDocument {
  const catalog = loadCatalog();
  // One pass over the set indexes what cites each id, in policy then section order; looking each
  // of the catalog's ids up in every section instead was most of this function's time.
  const sectionsCiting = new Map<string, CoverageRow["sections"]>();
  const commitmentsCiting = new Map<string, CoverageRow["commitments"]>();
  const add = <T>(index: Map<string, T[]>, id: string, item: T) => {
    const list = index.get(id);
    if (list) list.push(item);
    else index.set(id, [item]);
  };
  for (const policy of set.policies) {
    for (const s of policy.sections) {
      const row = {
        policyId: policy.id,
        policyTitle: policy.title,
        sectionId: s.id,
        sectionNumber: s.number,
        sectionTitle: s.title,
      };
      for (const id of new Set(s.citations)) add(sectionsCiting, id, { ...row });
    }
    for (const c of policy.commitments)
      for (const id of new Set(c.citations))
        add(commitmentsCiting, id, { id: c.id, policyId: policy.id, sectionId: c.sectionId });
  }
  const citations = catalog.citations.map((entry) => ({
    id: entry.id,
    title: entry.title,
    source: entry.source,
    kind: entry.kind,
    ra: entry.ra,
    parent: entry.parent,
    deadline: entry.deadline,
    sections: sectionsCiting.get(entry.id) ?? [],
    commitments: commitmentsCiting.get(entry.id) ?? [],
  }));
  const crosswalk = (
    controls: Map<string, ControlEntry>,
    pick: (p: PolicySet["policies"][number]) => string[],
  ) => {
    const citing = new Map<string, string[]>();
    for (const policy of set.policies) for (const id of new Set(pick(policy))) add(citing, id, policy.id);
    return [...controls.values()].map((control) => ({
      id: control.id,
      title: control.title,
      policies: citing.get(control.id) ?? [],
    }));
  };
  const unaddressed = citations.filter((c) => c.sections.length === 0).map((c) => c.id);
  return {
    organization: set.profile.organization.legalName,
    version: set.version,
    effectiveDate: set.effectiveDate,
    contentHash: set.contentHash,
    summary: { citations: citations.length, addressed: citations.length - unaddressed.length, unaddressed },
    citations,
    hitrust: crosswalk(catalog.hitrust, (p) => p.hitrust),
    nist: crosswalk(catalog.nist, (p) => p.nist),
  };
}
