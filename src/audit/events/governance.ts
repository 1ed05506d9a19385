/**
 * Policy governance events: a change to the policies proposed, approved, rejected, withdrawn and
 * published. PERSISTED SHAPES: see define.ts before changing anything. Free text (the summary, a
 * rejection's reason, section wording) stays on the change's row, out of the trail.
 */
import { z } from "zod";
import { ContentHash, defineEvent, Id } from "./define.ts";

const ChangeNumber = z.number().int().min(1);
const ApproverRole = z.enum(["securityOfficer", "privacyOfficer", "engineeringLead", "executive"]);

export const ChangeProposed = defineEvent("change.proposed", "policy-change", {
  number: ChangeNumber,
  /** SHA-256 of the draft's text, which approvals bind to. */
  contentHash: ContentHash,
  effectiveDate: z.iso.date(),
  /** Profile fields the change sets (paths only: values stay on the change's row). */
  profilePaths: z.array(z.string().min(1).max(300)).max(100),
  /** Sections whose wording the change sets, as `policy-id#section-id`. */
  sections: z.array(Id).max(50),
});

export const ChangeApproved = defineEvent("change.approved", "policy-change", {
  number: ChangeNumber,
  contentHash: ContentHash,
  /** The approver slots (people.policyApprovers roles) this approval filled. */
  roles: z.array(ApproverRole).min(1).max(4),
});

export const ChangeRejected = defineEvent("change.rejected", "policy-change", {
  number: ChangeNumber,
  contentHash: ContentHash,
});

export const ChangeWithdrawn = defineEvent("change.withdrawn", "policy-change", {
  number: ChangeNumber,
  contentHash: ContentHash,
});

export const ChangePublished = defineEvent("change.published", "policy-change", {
  number: ChangeNumber,
  contentHash: ContentHash,
  /** The policy version it became, and the profile version behind it. */
  policyVersion: ChangeNumber,
  profileVersion: ChangeNumber,
  effectiveDate: z.iso.date(),
});
