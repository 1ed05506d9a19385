/** The sanctions log: record, list, export (sanctions:manage throughout: it names people's misconduct). */
import { defineRoute } from "../../server/route.ts";
import { exportSanctions } from "./export.service.ts";
import { callerOf, sendCsv } from "./route-helpers.ts";
import { presentSanction } from "./sanctions.presenter.ts";
import { listSanctions } from "./sanctions.repo.ts";
import { RecordSanctionBody, SanctionPage, SanctionsQuery, SanctionView } from "./sanctions.schema.ts";
import { recordSanction } from "./sanctions.service.ts";

export const sanctionRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/v1/sanctions",
    summary: "Record a sanction: person, date, category of violation, action taken, policy",
    tag: "workforce",
    access: "sanctions:manage",
    body: RecordSanctionBody,
    response: { status: 201, schema: SanctionView },
    async handler(ctx, { body }) {
      const organizationId = ctx.auth!.organizationId;
      const id = await recordSanction({
        db: ctx.deps.db,
        organizationId,
        caller: callerOf(ctx),
        sanction: body,
        now: ctx.deps.clock.now(),
      });
      const [row] = await listSanctions(ctx.deps.db, organizationId, { id, limit: 1, offset: 0 });
      return presentSanction(row!);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/sanctions",
    summary: "The sanctions log, newest first",
    tag: "workforce",
    access: "sanctions:manage",
    query: SanctionsQuery,
    response: { status: 200, schema: SanctionPage },
    async handler(ctx, { query }) {
      const rows = await listSanctions(ctx.deps.db, ctx.auth!.organizationId, {
        ...query,
        limit: query.limit + 1,
      });
      return {
        sanctions: rows.slice(0, query.limit).map(presentSanction),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/sanctions/export",
    summary: "The sanctions log as CSV",
    tag: "workforce",
    access: "sanctions:manage",
    response: { status: 200, schema: null, contentType: "text/csv; charset=utf-8" },
    async handler(ctx) {
      return sendCsv(
        ctx.reply,
        await exportSanctions(ctx.deps.db, ctx.auth!.organizationId, ctx.deps.clock.now()),
      );
    },
  }),
];
