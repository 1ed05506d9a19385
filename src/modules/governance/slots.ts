/** Reads what the approval rules need: a change's slots with their holders and approvals, and staleness. */
import type { Queryable } from "../../db/index.ts";
import { findCurrentPolicyVersion } from "../policies/policies.repo.ts";
import { findCurrentProfile } from "../profile/profile.repo.ts";
import { approvalSlots, personFor, type ApprovalSlot } from "./changes.policy.ts";
import { listApprovals, membersWithEmails, type ChangeRow } from "./changes.repo.ts";
import { findProfileData } from "./profile-data.repo.ts";

export async function loadApprovalSlots(
  q: Queryable,
  organizationId: string,
  change: ChangeRow,
): Promise<ApprovalSlot[]> {
  const profile = await findProfileData(q, organizationId, change.baseProfileVersionId);
  const emails = change.requiredRoles.flatMap((role) => personFor(profile, role)?.email ?? []);
  const members = await membersWithEmails(q, organizationId, emails);
  const approvals = await listApprovals(q, organizationId, change.id);
  return approvalSlots(change.requiredRoles, profile, members, approvals);
}

/** True when the profile or the policies in force are no longer the ones the change was drafted on. */
export async function isStale(q: Queryable, organizationId: string, change: ChangeRow): Promise<boolean> {
  const profile = await findCurrentProfile(q, organizationId);
  const version = await findCurrentPolicyVersion(q, organizationId);
  return profile?.id !== change.baseProfileVersionId || version?.id !== change.basePolicyVersionId;
}

export const staleMessage = "the profile changed since this proposal was drafted; propose again";
