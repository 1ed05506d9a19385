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
  const citations = catalog.citations.map((entry) => {
    const sections = set.policies.flatMap((policy) =>
      policy.sections
        .filter((s) => s.citations.includes(entry.id))
        .map((s) => ({
          policyId: policy.id,
          policyTitle: policy.title,
          sectionId: s.id,
          sectionNumber: s.number,
          sectionTitle: s.title,
        })),
    );
    const commitments = set.policies.flatMap((policy) =>
      policy.commitments
        .filter((c) => c.citations.includes(entry.id))
        .map((c) => ({ id: c.id, policyId: policy.id, sectionId: c.sectionId })),
    );
    return {
      id: entry.id,
      title: entry.title,
      source: entry.source,
      kind: entry.kind,
      ra: entry.ra,
      parent: entry.parent,
      deadline: entry.deadline,
      sections,
      commitments,
    };
  });
  const crosswalk = (
    controls: Map<string, ControlEntry>,
    pick: (p: PolicySet["policies"][number]) => string[],
  ) =>
    [...controls.values()].map((control) => ({
      id: control.id,
      title: control.title,
      policies: set.policies.filter((p) => pick(p).includes(control.id)).map((p) => p.id),
    }));
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
