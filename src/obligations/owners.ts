/**
 * Who owes work. Policies assign commitments to roles (security-officer, engineering-lead...); the
 * profile names the person in each role and the app gives members roles. A user holds an owner
 * role when the current profile names them by email, or when their membership has the role of the
 * same name. Supervisors and workforce members owe work about one person, resolved per occurrence.
 */
import type { Role } from "../auth/permissions.ts";
import type { PersonRole } from "../profile/primitives.ts";
import type { OwnerRole } from "../templates/frontmatter.ts";

/** The part of the profile that names people. */
export interface NamedPeople {
  securityOfficer: { email: string } | null;
  privacyOfficer: { email: string };
  engineeringLead: { email: string };
  executive: { email: string };
  policyApprovers: readonly PersonRole[];
  incidentResponseTeam: readonly { holder: string }[];
}

const personRoleOwner: Record<PersonRole, OwnerRole> = {
  securityOfficer: "security-officer",
  privacyOfficer: "privacy-officer",
  engineeringLead: "engineering-lead",
  executive: "executive",
};

/** Owner roles that follow from a membership role of the same meaning. */
const membershipOwner: Partial<Record<Role, OwnerRole[]>> = {
  "security-officer": ["security-officer", "incident-response-team"],
  "privacy-officer": ["privacy-officer", "incident-response-team"],
  approver: ["policy-approvers"],
  hr: ["hr"],
};

/** Roles whose work is shared by everyone who holds them (not per person). */
export function ownerRolesOf(
  user: { email: string; displayName: string; roles: readonly Role[] },
  people: NamedPeople | null,
): OwnerRole[] {
  const held = new Set<OwnerRole>();
  for (const role of user.roles) for (const owner of membershipOwner[role] ?? []) held.add(owner);
  if (people) {
    const email = user.email.toLowerCase();
    const named = (Object.keys(personRoleOwner) as PersonRole[]).filter(
      (r) => people[r]?.email.toLowerCase() === email,
    );
    for (const r of named) held.add(personRoleOwner[r]);
    if (named.some((r) => people.policyApprovers.includes(r))) held.add("policy-approvers");
    const name = user.displayName.trim().toLowerCase();
    if (people.incidentResponseTeam.some((m) => m.holder.trim().toLowerCase() === name))
      held.add("incident-response-team");
  }
  return [...held].sort();
}

/** A member as the inbox sees them: their id and the owner roles they hold. */
export interface Assignee {
  userId: string;
  ownerRoles: readonly string[];
}

/** What deciding who owes one piece of work needs to know about it. */
export interface AssignableWork {
  ownerRole: string;
  personUserId: string | null;
  supervisorUserId: string | null;
}

/**
 * Whether the member owes the work: as the person (workforce-member work), as that person's
 * supervisor, or as a holder of its owner role. `assignedToSql` in occurrences.repo.ts is the
 * same rule in SQL; the inbox, reminders and completion all use one of the two.
 */
export function owesWork(assignee: Assignee, work: AssignableWork): boolean {
  if (work.ownerRole === "workforce-member") return work.personUserId === assignee.userId;
  if (work.ownerRole === "supervisor") return work.supervisorUserId === assignee.userId;
  return assignee.ownerRoles.includes(work.ownerRole);
}
