/** Departures: record a termination, complete its checklist task by task. */
import { defineRoute } from "../../server/route.ts";
import {
  CompleteTaskBody,
  PersonParams,
  TaskParams,
  TerminateBody,
  TerminationView,
} from "./people.schema.ts";
import { callerOf, terminationOf } from "./route-helpers.ts";
import { completeTerminationTask, terminatePerson } from "./termination.service.ts";

export const terminationRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/v1/people/:personId/termination",
    summary: "Record a departure: end date, workforce.terminated and the termination checklist",
    tag: "workforce",
    access: "workforce:manage",
    params: PersonParams,
    body: TerminateBody,
    response: { status: 201, schema: TerminationView },
    async handler(ctx, { params, body }) {
      await terminatePerson({
        db: ctx.deps.db,
        organizationId: ctx.auth!.organizationId,
        caller: callerOf(ctx),
        personId: params.personId,
        lastDay: body.lastDay,
        terminatedAt: body.terminatedAt === undefined ? undefined : new Date(body.terminatedAt),
        now: ctx.deps.clock.now(),
      });
      return (await terminationOf(ctx, params.personId))!;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/people/:personId/termination-tasks/:taskId/complete",
    summary: "Complete one task of a termination checklist (revoking access needs access:decide)",
    tag: "workforce",
    access: "workforce:manage",
    params: TaskParams,
    body: CompleteTaskBody,
    response: { status: 200, schema: TerminationView },
    async handler(ctx, { params, body }) {
      await completeTerminationTask({
        db: ctx.deps.db,
        organizationId: ctx.auth!.organizationId,
        caller: callerOf(ctx),
        personId: params.personId,
        taskId: params.taskId,
        note: body.note,
        now: ctx.deps.clock.now(),
      });
      return (await terminationOf(ctx, params.personId))!;
    },
  }),
];
