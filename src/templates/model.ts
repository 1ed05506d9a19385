/** What the template engine produces and every publisher (site, Markdown, PDF, coverage) consumes. */
import type { Cadence } from "../profile/primitives.ts";
import type { Profile } from "../profile/schema.ts";
import type { SharedResponsibilityRow } from "./shared-responsibility.ts";
import type { OwnerRole, triggerEvents } from "./frontmatter.ts";

export interface RenderedSection {
  id: string;
  title: string;
  /** 2 for a section, 3 for a subsection. */
  level: 2 | 3;
  /** "7.4" or "7.4.2". */
  number: string;
  /** Canonical citation ids addressed by this section, including its commitments'. */
  citations: string[];
  /** Markdown of the body below the heading; cross-references are links with a `steward-ref:` href. */
  markdown: string;
}

export type ResolvedSchedule =
  | { kind: "recurring"; cadence: Cadence; cadenceParam: string | null }
  | {
      kind: "triggered";
      event: (typeof triggerEvents)[number];
      within: { amount: number; unit: "hours" | "days"; param: string | null };
    }
  | { kind: "standing" };

export interface RenderedCommitment {
  id: string;
  policyId: string;
  sectionId: string;
  sectionNumber: string;
  owner: OwnerRole;
  /** The sentence exactly as published. */
  text: string;
  schedule: ResolvedSchedule;
  evidence: string;
  citations: string[];
  rules: string[];
  /** Profile paths the commitment reads, with their values: its typed parameters. */
  parameters: Record<string, unknown>;
}

export interface RenderedPolicy {
  id: string;
  title: string;
  number: number;
  summary: string;
  /** Markdown between the title and the first section. */
  intro: string;
  sections: RenderedSection[];
  commitments: RenderedCommitment[];
  citations: string[];
  hitrust: string[];
  nist: string[];
}

export interface PolicySet {
  profile: Profile;
  version: string;
  effectiveDate: string;
  policies: RenderedPolicy[];
  /** Who secures what per offering, when the shared-responsibility module is on. */
  sharedResponsibility: SharedResponsibilityRow[] | null;
  /** SHA-256 over the rendered Markdown of every policy: what approvals and acknowledgments bind to. */
  contentHash: string;
}
