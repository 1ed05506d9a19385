/**
 * Rules about roles that the permission matrix cannot express, as pure functions. The matrix says
 * who may manage members at all; these rules stop that permission from becoming an escalation.
 */
import type { Role } from "../../auth/permissions.ts";

export interface RoleChange {
  actorId: string;
  actorRoles: readonly Role[];
  targetId: string;
  /** The target's roles before (empty for an invitation). */
  from: readonly Role[];
  /** The target's roles after (empty for a removal). */
  to: readonly Role[];
}

/**
 * Why the actor may not make this change, or null. Only an owner grants or takes away the owner
 * role (otherwise HR could make anyone, themselves included, an owner), and only an owner changes
 * their own roles.
 */
export function roleChangeRefusal(change: RoleChange): string | null {
  const actorIsOwner = change.actorRoles.includes("owner");
  if (actorIsOwner) return null;
  if (change.from.includes("owner") !== change.to.includes("owner"))
    return "only an owner can grant or take away the owner role";
  const removal = change.to.length === 0;
  if (change.actorId === change.targetId && !removal) return "only an owner can change their own roles";
  return null;
}

/** An organization always keeps an owner: someone must be able to manage it. */
export const lastOwnerMessage = "the organization must keep at least one owner";
