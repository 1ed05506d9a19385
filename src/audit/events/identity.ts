/**
 * Sign-in, second factor, invitation and membership events. PERSISTED SHAPES: see define.ts before
 * changing anything. Nothing here carries a password, token, TOTP secret or recovery code.
 */
import { z } from "zod";
import { Change, defineEvent, Id, Role } from "./define.ts";

const Roles = z.array(Role).min(1).max(7);

/** A failed sign-in step for a known user (unknown emails leave no event: there is no organization). */
export const UserSignInFailed = defineEvent("user.sign-in-failed", "user", {
  /** Which factor was wrong. */
  factor: z.enum(["password", "totp", "recovery-code"]),
  /** Consecutive failures so far, the count that the lockout threshold is compared with. */
  failedAttempts: z.number().int().min(1),
});

export const UserSignedOut = defineEvent("user.signed-out", "user", {
  sessionId: Id,
});

/** TOTP confirmed and recovery codes issued. */
export const UserMfaEnrolled = defineEvent("user.mfa-enrolled", "user", {
  method: z.literal("totp"),
  /** How many one-time recovery codes were issued (the codes themselves are never recorded). */
  recoveryCount: z.number().int().min(0),
});

/** A recovery code replaced the TOTP code once; it cannot be used again. */
export const UserRecoveryCodeUsed = defineEvent("user.recovery-code-used", "user", {
  /** Unused recovery codes left after this one. */
  remaining: z.number().int().min(0),
});

/** An invitation sent by email; the person becomes a member when they accept it. */
export const InvitationCreated = defineEvent("invitation.created", "invitation", {
  userId: Id,
  email: z.email().max(320),
  roles: Roles,
});

export const InvitationAccepted = defineEvent("invitation.accepted", "invitation", {
  userId: Id,
  roles: Roles,
});

/** A membership created directly, without an invitation (organization setup, `steward init`). */
export const MembershipCreated = defineEvent("membership.created", "membership", {
  userId: Id,
  email: z.email().max(320),
  roles: Roles,
});

/** The set of roles a member holds, before and after. */
export const MembershipRolesChanged = defineEvent("membership.roles-changed", "membership", {
  userId: Id,
  roles: Change(Roles),
});

/** Every role of a member removed and their sessions in the organization ended. */
export const MembershipRemoved = defineEvent("membership.removed", "membership", {
  userId: Id,
  roles: Roles,
  sessionsEnded: z.number().int().min(0),
});
