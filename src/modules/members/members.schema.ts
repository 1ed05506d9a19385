/** Request and response shapes of the member list, role changes, removal and invitations. */
import { z } from "zod";
import { roles, type Role } from "../../auth/permissions.ts";
import { DisplayName, Email, Password } from "../identity/identity.schema.ts";

/** Roles in the matrix's order, each once (a repeated role is accepted and kept once). */
export const RoleList = z
  .array(z.enum(roles, { error: `expected one of: ${roles.join(", ")}` }), {
    error: "expected a list of roles",
  })
  .min(1, { error: "expected at least one role (to take every role away, remove the member)" })
  .max(roles.length, { error: `expected at most ${roles.length} roles` })
  .transform((list): Role[] => roles.filter((role) => list.includes(role)))
  .describe("The member's roles.");

export const MemberParams = z.strictObject({
  userId: z.string().min(1).max(100).describe("The member's user id (`usr_...`)."),
});

export const MemberView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  mfaEnrolled: z.boolean().describe("Whether the member has set up an authenticator app."),
  lastSignedInAt: z.iso
    .datetime()
    .nullable()
    .describe("When the member last signed in to this organization; null if never."),
});
export type MemberView = z.infer<typeof MemberView>;

export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  expiresAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const MemberList = z.object({
  members: z.array(MemberView),
  invitations: z.array(InvitationView).describe("Invitations sent and not yet accepted or expired."),
});

export const InviteBody = z.strictObject({
  email: Email,
  displayName: DisplayName,
  roles: RoleList,
});

export const InviteView = z.object({
  invitation: InvitationView,
  emailSent: z
    .boolean()
    .describe("False when the email could not be sent; check the SMTP settings and invite again."),
});

export const UpdateRolesBody = z.strictObject({ roles: RoleList });

export const AcceptInvitationBody = z.strictObject({
  token: z
    .string({ error: "expected the token from the invitation link" })
    .min(1, { error: "expected the token from the invitation link" })
    .max(200, { error: "expected at most 200 characters" }),
  password: Password,
  displayName: DisplayName.optional(),
});

export const AcceptInvitationView = z.object({
  email: z.string(),
  organization: z.object({ slug: z.string(), name: z.string() }),
});
