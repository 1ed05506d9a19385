/** Request and response shapes of the member list, role changes, removal and invitations. */
import { z } from "zod";
import { pageFields, pagingParams } from "../../server/paging.ts";
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

/**
 * Paging and search of a list of members, the same for the member list and the acknowledgments:
 * pages of `limit` from `offset`, in name order, `q` matching names and emails.
 */
export const memberPagingShape = {
  q: z
    .string({ error: "expected text to search for" })
    .trim()
    .max(200, { error: "expected at most 200 characters" })
    .optional()
    .describe(
      "Only members whose display name or email contains this text (ignoring case; %, _ and \\ match themselves).",
    ),
  ...pagingParams("members"),
};

/** What one page of a member list answers besides its rows. */
export const memberPageShape = pageFields("members");

export const MembersQuery = z.strictObject(memberPagingShape);
export type MembersQuery = z.infer<typeof MembersQuery>;

export const MemberList = z.object({
  members: z
    .array(MemberView)
    .describe("One page of the members matching q, by display name (ignoring case), then user id."),
  ...memberPageShape,
  invitations: z
    .array(InvitationView)
    .describe(
      "Every invitation sent and not yet accepted or expired: open invitations are few, so they are not paged and neither q, limit nor offset applies to them.",
    ),
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
