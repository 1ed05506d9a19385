/** User and membership events. PERSISTED SHAPES: see define.ts before changing anything. */
import { z } from "zod";
import { Change, defineEvent, Id, Role } from "./define.ts";

export const UserInvited = defineEvent("user.invited", "user", {
  email: z.email().max(320),
  role: Role,
});

export const UserSignedIn = defineEvent("user.signed-in", "user", {
  /** Whether a second factor was verified for this sign-in. */
  mfa: z.boolean(),
});

export const UserLockedOut = defineEvent("user.locked-out", "user", {
  /** Consecutive failed sign-ins that triggered the lockout (the profile's threshold). */
  failedAttempts: z.number().int().min(1),
  /** When the lockout ends (ISO 8601), or null until an administrator unlocks. */
  lockedUntil: z.iso.datetime().nullable(),
});

export const MembershipRoleChanged = defineEvent("membership.role-changed", "membership", {
  userId: Id,
  role: Change(Role),
});
