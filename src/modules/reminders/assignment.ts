/**
 * Who owes a piece of work, for work already read into memory: the same rule as the inbox
 * (listOccurrences with `assignee`), so a reminder goes to exactly the people whose inbox shows
 * the work. reminders.service.test.ts compares the two.
 */
import { ownerRolesOf, type Assignee, type NamedPeople } from "../../obligations/owners.ts";
import type { MemberRow } from "./reminders.repo.ts";

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
