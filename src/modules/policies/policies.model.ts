/**
 * PERSISTED SHAPE: what `policy_versions.rendered` holds (migrations/20261122110000_profiles.sql).
 * Stored versions are read for years ("what did the policies say on that date"), so changing this
 * shape needs a migration that rewrites the stored documents.
 */
import type { PolicySet, RenderedPolicy } from "../../templates/model.ts";
import type { SharedResponsibilityRow } from "../../templates/shared-responsibility.ts";

/** One published set without the profile it came from (that is the row behind profile_version_id). */
export interface StoredPolicySet {
  /** The profile's governance.version: the label printed on the documents. */
  documentVersion: string;
  effectiveDate: string;
  policies: RenderedPolicy[];
  sharedResponsibility: SharedResponsibilityRow[] | null;
}

export function toStoredPolicySet(set: PolicySet): StoredPolicySet {
  return {
    documentVersion: set.version,
    effectiveDate: set.effectiveDate,
    policies: set.policies,
    sharedResponsibility: set.sharedResponsibility,
  };
}

/** How much a set holds, for the publish answer and the version list. */
export interface PolicyCounts {
  policies: number;
  sections: number;
  commitments: number;
}

export function countPolicies(policies: readonly RenderedPolicy[]): PolicyCounts {
  return {
    policies: policies.length,
    sections: policies.reduce((n, p) => n + p.sections.length, 0),
    commitments: policies.reduce((n, p) => n + p.commitments.length, 0),
  };
}
