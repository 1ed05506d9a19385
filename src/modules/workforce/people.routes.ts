/** The roster: people, hires, updates, CSV import and export. */
import { z } from "zod";
import { notFound } from "../../server/errors.ts";
import { defineRoute } from "../../server/route.ts";
import { presentOccurrence } from "../obligations/obligations.presenter.ts";
import { listOccurrences } from "../obligations/occurrences.repo.ts";
import { exportRoster } from "./export.service.ts";
import { importPeople } from "./import.service.ts";
import { presentPerson } from "./people.presenter.ts";
import { findPerson, listPeople } from "./people.repo.ts";
import {
  HireBody,
  ImportBody,
  ImportResult,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  PersonParams,
  PersonView,
  UpdatePersonBody,
} from "./people.schema.ts";
import { hirePerson, updatePerson } from "./people.service.ts";
import { callerOf, sendCsv, terminationOf, today } from "./route-helpers.ts";

const closed = new Set(["done", "done-late", "waived", "superseded"]);

export const peopleRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/people",
    summary: "The roster, by name, a page at a time",
    tag: "workforce",
    access: "workforce:read",
    query: PeopleQuery,
    response: { status: 200, schema: PeoplePage },
    async handler(ctx, { query }) {
      const rows = await listPeople(ctx.deps.db, ctx.auth!.organizationId, {
        ...query,
        limit: query.limit + 1,
      });
      const day = await today(ctx);
      return {
        people: rows.slice(0, query.limit).map((row) => presentPerson(row, day)),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/people",
    summary: "Hire: add a person and start their new-hire work (workforce.hired)",
    tag: "workforce",
    access: "workforce:manage",
    body: HireBody,
    response: { status: 201, schema: PersonView },
    async handler(ctx, { body }) {
      const { person } = await hirePerson({
        db: ctx.deps.db,
        organizationId: ctx.auth!.organizationId,
        caller: callerOf(ctx),
        person: body,
        now: ctx.deps.clock.now(),
      });
      return presentPerson(person, await today(ctx));
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/people/export",
    summary: "The roster as CSV, in the import's columns",
    tag: "workforce",
    access: "workforce:read",
    query: z.strictObject({ status: PeopleQuery.shape.status.default("all") }),
    response: { status: 200, schema: null, contentType: "text/csv; charset=utf-8" },
    async handler(ctx, { query }) {
      const { deps, auth } = ctx;
      return sendCsv(
        ctx.reply,
        await exportRoster(deps.db, auth!.organizationId, query.status, deps.clock.now()),
      );
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/people/import",
    summary: "Import a roster CSV (text/csv or text/plain, or JSON with csv): all rows or none",
    tag: "workforce",
    access: "workforce:manage",
    body: ImportBody,
    response: { status: 200, schema: ImportResult },
    async handler(ctx, { body }) {
      return importPeople({
        db: ctx.deps.db,
        organizationId: ctx.auth!.organizationId,
        caller: callerOf(ctx),
        csv: typeof body === "string" ? body : body.csv,
        now: ctx.deps.clock.now(),
      });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/people/:personId",
    summary: "One person with their termination checklist and their open and past work",
    tag: "workforce",
    access: "workforce:read",
    params: PersonParams,
    response: { status: 200, schema: PersonDetail },
    async handler(ctx, { params }) {
      const { deps, auth } = ctx;
      const organizationId = auth!.organizationId;
      const person = await findPerson(deps.db, organizationId, params.personId);
      if (!person) throw notFound("person");
      const work = await listOccurrences(deps.db, organizationId, deps.clock.now(), {
        personId: person.id,
        limit: 500,
        offset: 0,
      });
      const views = work.map(presentOccurrence);
      return {
        ...presentPerson(person, await today(ctx)),
        termination: await terminationOf(ctx, person.id),
        openWork: views.filter((o) => !closed.has(o.status)),
        pastWork: views.filter((o) => closed.has(o.status)).reverse(),
      };
    },
  }),
  defineRoute({
    method: "PUT",
    url: "/api/v1/people/:personId",
    summary: "Change a person's details; a new job title raises workforce.role-changed",
    tag: "workforce",
    access: "workforce:manage",
    params: PersonParams,
    body: UpdatePersonBody,
    response: { status: 200, schema: PersonView },
    async handler(ctx, { params, body }) {
      const person = await updatePerson({
        db: ctx.deps.db,
        organizationId: ctx.auth!.organizationId,
        caller: callerOf(ctx),
        personId: params.personId,
        changes: body,
        now: ctx.deps.clock.now(),
      });
      return presentPerson(person, await today(ctx));
    },
  }),
];
