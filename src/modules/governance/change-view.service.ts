/** `readChange`: one proposal with its diff against the version it was drafted on, its slots and what the caller may do. */
import { can } from "../../auth/permissions.ts";
import type { AuthContext } from "../../auth/session.ts";
import type { Database } from "../../db/index.ts";
import { notFound } from "../../server/errors.ts";
import { deliverySummary } from "../outbox/outbox.repo.ts";
import { findPolicyVersion, findStoredSet } from "../policies/policies.repo.ts";
import { diffProposal } from "./changes.diff.ts";
import { publishBlockers, slotsOf } from "./changes.policy.ts";
import { presentChangeSummary, presentSlot } from "./changes.presenter.ts";
import { findChange, findChangeDocuments } from "./changes.repo.ts";
import type { ChangeDetail } from "./changes.schema.ts";
import { findProfileData } from "./profile-data.repo.ts";
import { announcementsOf } from "./publish-email.ts";
import { isStale, loadApprovalSlots } from "./slots.ts";

const snapshot = { readOnly: true, isolation: "repeatable read" } as const;

export async function readChange(
  db: Database,
  auth: Pick<AuthContext, "organizationId" | "userId" | "roles">,
  changeId: string,
): Promise<ChangeDetail> {
  const { organizationId, userId, roles } = auth;
  return db.transaction(async (tx) => {
    const change = await findChange(tx, organizationId, changeId);
    if (!change) throw notFound("change");
    const slots = await loadApprovalSlots(tx, organizationId, change);
    const open = change.status === "proposed";
    const stale = open && (await isStale(tx, organizationId, change));
    const draft = (await findChangeDocuments(tx, organizationId, change.id))!;
    const base = (await findPolicyVersion(tx, organizationId, change.basePolicyVersionId))!;
    const diff = diffProposal(
      {
        profile: await findProfileData(tx, organizationId, base.profileVersionId),
        set: (await findStoredSet(tx, organizationId, base.id))!,
      },
      { profile: draft.profileData, set: draft.rendered },
    );
    const blockers = publishBlockers(change, slots, stale);
    const held = slotsOf(slots, userId);
    const announced = change.publishedPolicyVersionId;
    return {
      ...presentChangeSummary(change),
      request: change.request,
      slots: slots.map(presentSlot),
      diff,
      blockers,
      announcements: announced ? await deliverySummary(tx, organizationId, announcementsOf(announced)) : null,
      actions: {
        approve:
          open &&
          !stale &&
          can(roles, "changes:approve") &&
          slots.some((s) => held.includes(s.role) && !s.approval),
        reject: open && can(roles, "changes:approve") && held.length > 0 && change.proposedBy !== userId,
        withdraw: open && can(roles, "changes:propose") && change.proposedBy === userId,
        publish: can(roles, "policies:publish") && blockers.length === 0,
      },
    };
  }, snapshot);
}
