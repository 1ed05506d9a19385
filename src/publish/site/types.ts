/**
 * What the static site needs beyond the PolicySet: the citation coverage and the optional
 * shared-responsibility table. The template engine computes both; the site only lays them out.
 */
import type { SharedResponsibilityRow } from "../../templates/shared-responsibility.ts";

/** One regulation citation and the policy sections and commitments that address it. */
export interface CoverageRow {
  id: string;
  title: string;
  source: "security" | "breach" | "privacy";
  kind: string;
  ra: "R" | "A" | null;
  sections: {
    policyId: string;
    policyTitle: string;
    sectionId: string;
    sectionNumber: string;
    sectionTitle: string;
  }[];
  commitments: { id: string; policyId: string; sectionId: string }[];
}

/** One area of the shared-responsibility table (defined by the engine that builds it). */
export type { SharedResponsibilityRow };

/** Inputs of `renderSite` that do not come from the PolicySet. */
export interface SiteExtras {
  coverage: CoverageRow[];
  sharedResponsibility: SharedResponsibilityRow[] | null;
}
