/**
 * Who owes a piece of work, for work already read into memory: the same rule as the inbox
 * (listOccurrences with `assignee`), so a reminder goes to exactly the people whose inbox shows
 * the work. reminders.service.test.ts compares the two.
 */
import { ownerRolesOf, type NamedPeople } from "../../obligations/owners.ts";
import type { MemberRow } from "./reminders.repo.ts";

export interface Assignee {
  userId: string;
  ownerRoles: readonly string[];
}

export interface AssignableWork {
  ownerRole: string;
  personUserId: string | null;
  supervisorUserId: string | null;
}

/** The member as the inbox sees them: their id and the owner roles they hold. */
export function assigneeOf(member: MemberRow, people: NamedPeople | null): Assignee {
  return {
    userId: member.userId,
    ownerRoles: ownerRolesOf(
      { email: member.email, displayName: member.displayName, roles: member.roles },
      people,
    ),
  };
}

export function owes(assignee: Assignee, work: AssignableWork): boolean {
  if (work.ownerRole === "workforce-member") return work.personUserId === assignee.userId;
  if (work.ownerRole === "supervisor") return work.supervisorUserId === assignee.userId;
  return assignee.ownerRoles.includes(work.ownerRole);
}
