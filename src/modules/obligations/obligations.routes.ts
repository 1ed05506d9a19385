/** Obligations and occurrences: the schedule, personal inboxes, completing and waiving work, raising events. */
import { can } from "../../auth/permissions.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { defineRoute } from "../../server/route.ts";
import { organizationTimeZone } from "../policies/policies.repo.ts";
import { listAllObligations, listObligationsSince } from "./obligations.repo.ts";
import { presentObligation, presentOccurrence } from "./obligations.presenter.ts";
import {
  CompleteBody,
  ObligationList,
  ObligationsQuery,
  OccurrenceId,
  OccurrencePage,
  OccurrencesQuery,
  OccurrenceView,
  RaisedEventView,
  RaiseEventBody,
  WaiveBody,
} from "./obligations.schema.ts";
import { findOccurrence, listOccurrences } from "./occurrences.repo.ts";
import { callerOwes, completeOccurrence, waiveOccurrence } from "./occurrences.service.ts";
import { ownerRolesFor } from "./owner-roles.repo.ts";
import { raiseObligationEvent } from "./triggers.service.ts";

const forbiddenAll = () => new AppError("forbidden", "seeing everyone's work needs obligations:read");

export const obligationRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/obligations",
    summary: "The obligations the approved policies create: schedule, owner, rules and citations",
    tag: "obligations",
    access: "obligations:read",
    query: ObligationsQuery,
    response: { status: 200, schema: ObligationList },
    async handler({ deps, auth }, { query }) {
      const organizationId = auth!.organizationId;
      const rows =
        query.history === "true"
          ? await listAllObligations(deps.db, organizationId)
          : (await listObligationsSince(deps.db, organizationId, "0001-01-01")).filter(
              (o) => o.effectiveUntil === null,
            );
      return { obligations: rows.map(presentObligation) };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/occurrences",
    summary: "Work with deadlines: the caller's inbox and calendar, or everyone's",
    tag: "obligations",
    access: "authenticated",
    query: OccurrencesQuery,
    response: { status: 200, schema: OccurrencePage },
    async handler({ deps, auth }, { query }) {
      const { userId, organizationId, roles } = auth!;
      if (query.scope === "all" && !can(roles, "obligations:read")) throw forbiddenAll();
      const assignee =
        query.scope === "mine"
          ? { userId, ownerRoles: await ownerRolesFor(deps.db, organizationId, { userId, roles }) }
          : undefined;
      const rows = await listOccurrences(deps.db, organizationId, deps.clock.now(), {
        ...(assignee ? { assignee } : {}),
        ...(query.status ? { statuses: query.status } : {}),
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(query.to !== undefined ? { to: query.to } : {}),
        ...(query.commitmentId !== undefined ? { commitmentId: query.commitmentId } : {}),
        ...(query.personId !== undefined ? { personId: query.personId } : {}),
        limit: query.limit + 1,
        offset: query.offset,
      });
      const page = rows.slice(0, query.limit);
      return {
        occurrences: page.map(presentOccurrence),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/occurrences/:occurrenceId",
    summary: "One occurrence: the work, its deadline, status and who closed it",
    tag: "obligations",
    access: "authenticated",
    params: OccurrenceId,
    response: { status: 200, schema: OccurrenceView },
    async handler({ deps, auth }, { params }) {
      const { userId, organizationId, roles } = auth!;
      const found = await deps.db.transaction(async (tx) => {
        const occ = await findOccurrence(tx, organizationId, params.occurrenceId, deps.clock.now());
        if (!occ) return null;
        return can(roles, "obligations:read") ||
          (await callerOwes(tx, organizationId, { userId, roles }, occ))
          ? occ
          : null;
      });
      // Work owed by someone else reads like an unknown id to a member without obligations:read.
      if (!found) throw notFound("occurrence");
      return presentOccurrence(found);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/occurrences/:occurrenceId/complete",
    summary: "Record that the work was done, with its evidence",
    tag: "obligations",
    access: "authenticated",
    params: OccurrenceId,
    body: CompleteBody,
    response: { status: 204, schema: null },
    async handler({ deps, auth }, { params, body }) {
      await completeOccurrence({
        db: deps.db,
        organizationId: auth!.organizationId,
        occurrenceId: params.occurrenceId,
        caller: { userId: auth!.userId, roles: auth!.roles },
        note: body.note,
        evidenceIds: body.evidenceIds,
        now: deps.clock.now(),
      });
      return null;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/occurrences/:occurrenceId/waive",
    summary: "Waive one occurrence, with the reason; the caller is the approver",
    tag: "obligations",
    access: "obligations:manage",
    params: OccurrenceId,
    body: WaiveBody,
    response: { status: 204, schema: null },
    async handler({ deps, auth }, { params, body }) {
      await waiveOccurrence({
        db: deps.db,
        organizationId: auth!.organizationId,
        occurrenceId: params.occurrenceId,
        caller: { userId: auth!.userId, roles: auth!.roles },
        reason: body.reason,
        now: deps.clock.now(),
      });
      return null;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/obligation-events",
    summary: "Record an event that starts work (a lost key, a critical vulnerability...)",
    tag: "obligations",
    access: "obligations:manage",
    body: RaiseEventBody,
    response: { status: 201, schema: RaisedEventView },
    async handler({ deps, auth }, { body }) {
      const organizationId = auth!.organizationId;
      const now = deps.clock.now();
      const occurredAt = new Date(body.occurredAt);
      if (occurredAt > now) {
        throw new AppError("validation_failed", "the event cannot be in the future", [
          { field: "body.occurredAt", message: "expected a time at or before now" },
        ]);
      }
      const timeZone = await organizationTimeZone(deps.db, organizationId);
      return deps.db.transaction((tx) =>
        raiseObligationEvent(tx, {
          organizationId,
          event: body.event,
          occurredAt,
          subject: { type: body.subjectType, id: body.subjectId },
          personId: body.personId,
          subjectUserId: body.subjectUserId,
          timeZone,
          actor: { type: "user", id: auth!.userId },
          now,
        }),
      );
    },
  }),
];
