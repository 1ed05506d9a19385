/** Members of the caller's organization, and invitations. */
import { defineRoute } from "../../server/route.ts";
import { signedIn } from "../identity/session-cookie.ts";
import { acceptInvitation } from "./accept-invitation.service.ts";
import { inviteMember } from "./invitations.service.ts";
import {
  AcceptInvitationBody,
  AcceptInvitationView,
  InviteBody,
  InviteView,
  MemberList,
  MemberParams,
  MembersQuery,
  MemberView,
  UpdateRolesBody,
} from "./members.schema.ts";
import { listMembersOf, removeMember, updateMemberRoles } from "./members.service.ts";

export const membersRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/members",
    summary:
      "A page of members with their roles, second-factor status and last sign-in, searchable by name or email; every open invitation",
    tag: "members",
    access: "members:read",
    query: MembersQuery,
    cache: true,
    response: { status: 200, schema: MemberList },
    handler: ({ deps, auth }, { query }) => listMembersOf({ deps, auth: signedIn(auth), query }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/members/invitations",
    summary: "Invite a person by email with some roles",
    tag: "members",
    access: "members:invite",
    body: InviteBody,
    response: { status: 201, schema: InviteView },
    handler: ({ deps, auth }, { body }) => inviteMember({ deps, auth: signedIn(auth), ...body }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/v1/members/:userId/roles",
    summary: "Replace a member's roles",
    tag: "members",
    access: "members:update",
    params: MemberParams,
    body: UpdateRolesBody,
    response: { status: 200, schema: MemberView },
    handler: ({ deps, auth }, { params, body }) =>
      updateMemberRoles({ deps, auth: signedIn(auth), userId: params.userId, roles: body.roles }),
  }),
  defineRoute({
    method: "DELETE",
    url: "/api/v1/members/:userId",
    summary: "Remove a member from the organization and end their sessions",
    tag: "members",
    access: "members:remove",
    params: MemberParams,
    response: { status: 204, schema: null },
    async handler({ deps, auth }, { params }) {
      await removeMember({ deps, auth: signedIn(auth), userId: params.userId });
      return null;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/invitations/accept",
    summary: "Accept an invitation: set a password (or confirm yours) and join",
    tag: "members",
    access: "public",
    rateLimit: { max: 10, windowMs: 60_000 },
    body: AcceptInvitationBody,
    response: { status: 200, schema: AcceptInvitationView },
    handler: ({ deps }, { body }) => acceptInvitation({ deps, ...body }),
  }),
];
