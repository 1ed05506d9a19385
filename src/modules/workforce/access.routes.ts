/** Access requests, decisions, grants, revocations and the grants that need attention. */
import { z } from "zod";
import { can } from "../../auth/permissions.ts";
import { addDays, localDateOf } from "../../obligations/deadlines.ts";
import { defineRoute, type RouteContext } from "../../server/route.ts";
import { exportGrants } from "./export.service.ts";
import { presentGrant, presentRequest } from "./access.presenter.ts";
import { findGrant, findRequest, listGrants, listRequests } from "./access.repo.ts";
import {
  AccessRequestPage,
  AccessRequestView,
  DecideBody,
  GrantBody,
  GrantPage,
  GrantParams,
  GrantsQuery,
  GrantView,
  LastUsedBody,
  RequestAccessBody,
  RequestParams,
  RequestsQuery,
  RevokeBody,
} from "./access.schema.ts";
import {
  decideAccessRequest,
  grantAccess,
  recordLastUsed,
  requestAccess,
  revokeAccess,
} from "./access.service.ts";
import { callerOf, sendCsv } from "./route-helpers.ts";
import { workforceSettings } from "./settings.repo.ts";

const base = (ctx: RouteContext) => ({
  db: ctx.deps.db,
  organizationId: ctx.auth!.organizationId,
  caller: callerOf(ctx),
  now: ctx.deps.clock.now(),
});

async function requestView(ctx: RouteContext, requestId: string) {
  return presentRequest((await findRequest(ctx.deps.db, ctx.auth!.organizationId, requestId))!);
}
async function grantView(ctx: RouteContext, grantId: string) {
  return presentGrant((await findGrant(ctx.deps.db, ctx.auth!.organizationId, grantId))!);
}

const decide = (decision: "approved" | "rejected") =>
  defineRoute({
    method: "POST",
    url: `/api/v1/access/requests/:requestId/${decision === "approved" ? "approve" : "reject"}`,
    summary: `${decision === "approved" ? "Approve" : "Reject"} an access request (not the requester's or the person's own)`,
    tag: "access",
    access: "access:decide",
    params: RequestParams,
    body: DecideBody,
    response: { status: 200, schema: AccessRequestView },
    async handler(ctx, { params, body }) {
      await decideAccessRequest({ ...base(ctx), requestId: params.requestId, decision, note: body.note });
      return requestView(ctx, params.requestId);
    },
  });

export const accessRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/v1/access/requests",
    summary: "Request access to a system for a person (any member; raises access.requested)",
    tag: "access",
    access: "authenticated",
    body: RequestAccessBody,
    response: { status: 201, schema: AccessRequestView },
    async handler(ctx, { body }) {
      return requestView(ctx, await requestAccess({ ...base(ctx), request: body }));
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/access/requests",
    summary: "Access requests, newest first: all of them with access:decide, else the caller's own",
    tag: "access",
    access: "authenticated",
    query: RequestsQuery,
    response: { status: 200, schema: AccessRequestPage },
    async handler(ctx, { query }) {
      const { auth } = ctx;
      const mine = can(auth!.roles, "access:decide") ? {} : { requestedBy: auth!.userId };
      const rows = await listRequests(ctx.deps.db, auth!.organizationId, {
        ...query,
        ...mine,
        limit: query.limit + 1,
      });
      return {
        requests: rows.slice(0, query.limit).map(presentRequest),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },
  }),
  decide("approved"),
  decide("rejected"),
  defineRoute({
    method: "POST",
    url: "/api/v1/access/requests/:requestId/grant",
    summary: "Grant an approved request, recording how the person's identity was verified",
    tag: "access",
    access: "access:decide",
    params: RequestParams,
    body: GrantBody,
    response: { status: 201, schema: GrantView },
    async handler(ctx, { params, body }) {
      const id = await grantAccess({ ...base(ctx), requestId: params.requestId, ...body });
      return grantView(ctx, id);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/access/grants",
    summary: "Grants; attention=expired|inactive lists active grants past their end or unused for `days`",
    tag: "access",
    access: "workforce:read",
    query: GrantsQuery,
    response: { status: 200, schema: GrantPage },
    async handler(ctx, { query }) {
      const organizationId = ctx.auth!.organizationId;
      const settings = await workforceSettings(ctx.deps.db, organizationId);
      const today = localDateOf(ctx.deps.clock.now(), settings.timeZone);
      const days = query.days ?? settings.inactiveAccountDays;
      const rows = await listGrants(ctx.deps.db, organizationId, {
        status: query.status,
        personId: query.personId,
        ...(query.attention === "expired" ? { expiredBefore: today } : {}),
        ...(query.attention === "inactive"
          ? { unusedSince: { date: addDays(today, -days), timeZone: settings.timeZone } }
          : {}),
        limit: query.limit + 1,
        offset: query.offset,
      });
      return {
        grants: rows.slice(0, query.limit).map(presentGrant),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/access/grants/export",
    summary: "Access grants as CSV",
    tag: "access",
    access: "workforce:read",
    query: z.strictObject({ status: GrantsQuery.shape.status.default("all") }),
    response: { status: 200, schema: null, contentType: "text/csv; charset=utf-8" },
    async handler(ctx, { query }) {
      const file = await exportGrants(
        ctx.deps.db,
        ctx.auth!.organizationId,
        query.status,
        ctx.deps.clock.now(),
      );
      return sendCsv(ctx.reply, file);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/access/grants/:grantId/revoke",
    summary: "Revoke a grant (completes its termination task, if its holder is leaving)",
    tag: "access",
    access: "access:decide",
    params: GrantParams,
    body: RevokeBody,
    response: { status: 200, schema: GrantView },
    async handler(ctx, { params, body }) {
      await revokeAccess({ ...base(ctx), grantId: params.grantId, reason: body.reason });
      return grantView(ctx, params.grantId);
    },
  }),
  defineRoute({
    method: "PUT",
    url: "/api/v1/access/grants/:grantId/last-used",
    summary: "Record the last day the account was used (from the system's own records)",
    tag: "access",
    access: "access:decide",
    params: GrantParams,
    body: LastUsedBody,
    response: { status: 200, schema: GrantView },
    async handler(ctx, { params, body }) {
      await recordLastUsed({ ...base(ctx), grantId: params.grantId, lastUsedOn: body.lastUsedOn });
      return grantView(ctx, params.grantId);
    },
  }),
];
