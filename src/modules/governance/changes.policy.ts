/**
 * Who approves a change, as pure rules. The slots are the roles of people.policyApprovers in the
 * profile the change was drafted on (the current one: a change drafted on an older profile cannot
 * be approved or published). A member fills a slot when their account email is that person's
 * email there; one person may fill several slots.
 *
 * Two-person rule: the proposer may approve the slots they hold, but a change is published only
 * when at least one slot was approved by someone other than the proposer. An organization whose
 * only approver is the proposer therefore needs another approver, or another member to propose.
 */
import type { PersonRole } from "../../profile/primitives.ts";
import type { ApprovalRow, ChangeRow, MemberContact } from "./changes.repo.ts";

export const approverRoleLabels: Record<PersonRole, string> = {
  securityOfficer: "Security Officer",
  privacyOfficer: "Privacy Officer",
  engineeringLead: "Engineering lead",
  executive: "Executive",
};

export interface ApprovalSlot {
  role: PersonRole;
  /** The person the profile names for the role; null when the role is empty (a Security Officer may be). */
  person: { name: string; email: string } | null;
  /** Members whose account email is the person's. */
  holders: MemberContact[];
  approval: ApprovalRow | null;
}

/** The person a profile names for a role, read from stored (validated) profile data. */
export function personFor(
  profile: Record<string, unknown>,
  role: PersonRole,
): { name: string; email: string } | null {
  const people = profile.people as Record<string, unknown> | undefined;
  const person = people?.[role] as { name?: unknown; email?: unknown } | null | undefined;
  if (!person || typeof person.email !== "string" || typeof person.name !== "string") return null;
  return { name: person.name, email: person.email.toLowerCase() };
}

export function approvalSlots(
  roles: readonly PersonRole[],
  profile: Record<string, unknown>,
  members: readonly MemberContact[],
  approvals: readonly ApprovalRow[],
): ApprovalSlot[] {
  return roles.map((role) => {
    const person = personFor(profile, role);
    return {
      role,
      person,
      holders: person ? members.filter((m) => m.email === person.email) : [],
      approval: approvals.find((a) => a.role === role) ?? null,
    };
  });
}

/** The slots a member holds. */
export const slotsOf = (slots: readonly ApprovalSlot[], userId: string): PersonRole[] =>
  slots.filter((s) => s.holders.some((h) => h.userId === userId)).map((s) => s.role);

/** Why the change cannot be published yet (in words for the people deciding); empty when it can. */
export function publishBlockers(change: ChangeRow, slots: readonly ApprovalSlot[], stale: boolean): string[] {
  if (change.status !== "proposed") return [`the change is ${change.status}`];
  const blockers: string[] = [];
  if (stale) blockers.push("the profile changed since this proposal was drafted; propose again");
  for (const slot of slots) {
    if (slot.approval) continue;
    const label = approverRoleLabels[slot.role];
    blockers.push(
      slot.person === null
        ? `the profile names no ${label}, whose approval people.policyApprovers requires`
        : slot.holders.length === 0
          ? `no member's account email matches the ${label}'s email in the profile, so nobody can approve as ${label}`
          : `waiting for the ${label}'s approval`,
    );
  }
  const approvers = slots.flatMap((s) => (s.approval ? [s.approval.userId] : []));
  if (slots.every((s) => s.approval) && approvers.every((id) => id === change.proposedBy))
    blockers.push("two-person rule: someone other than the proposer must approve before publishing");
  return blockers;
}
