/** Rows to API shapes: roles in the matrix's order, times as ISO 8601. */
import { roles as allRoles, type Role } from "../../auth/permissions.ts";
import type { InvitationRow } from "./invitations.repo.ts";
import type { MemberRow } from "./members.repo.ts";
import type { InvitationView, MemberView } from "./members.schema.ts";

export const orderRoles = (list: readonly Role[]): Role[] => allRoles.filter((role) => list.includes(role));

export function presentMember(row: MemberRow): MemberView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: orderRoles(row.roles),
    mfaEnrolled: row.mfaEnrolled,
    lastSignedInAt: row.lastSignedInAt?.toISOString() ?? null,
  };
}

export function presentInvitation(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: orderRoles(row.roles),
    expiresAt: row.expiresAt.toISOString(),
  };
}
