/** The audit trail for people: browse with filters, export (CSV or JSON), verify the chain. */
import { verifyAuditChain } from "../../audit/index.ts";
import { defineRoute } from "../../server/route.ts";
import { presentAuditEvent } from "./audit-log.presenter.ts";
import { listAuditEvents } from "./audit-log.repo.ts";
import { AuditEventPage, AuditEventsQuery, ExportQuery, VerifyView } from "./audit-log.schema.ts";
import { exportAuditEvents, resolveFilter } from "./audit-log.service.ts";

export const auditLogRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/audit-events",
    summary: "The organization's audit events, newest first, filtered, a page at a time",
    tag: "audit",
    access: "audit:read",
    query: AuditEventsQuery,
    cache: true,
    response: { status: 200, schema: AuditEventPage },
    async handler({ deps, auth }, { query }) {
      const { limit, before, ...filters } = query;
      // One more than asked tells whether an older page exists.
      const rows = await listAuditEvents(deps.db, auth!.organizationId, resolveFilter(filters), {
        limit: limit + 1,
        before,
      });
      const page = rows.slice(0, limit);
      return {
        events: page.map(presentAuditEvent),
        nextBefore: rows.length > limit ? page.at(-1)!.seq : null,
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/audit-events/export",
    summary: "The filtered audit trail as a CSV or JSON download, oldest first (at most 100,000 events)",
    tag: "audit",
    access: "audit:export",
    query: ExportQuery,
    // The content type depends on `format`, so the handler sets it.
    response: { status: 200, schema: null },
    async handler({ deps, auth, reply }, { query }) {
      const { format, ...filters } = query;
      const file = await exportAuditEvents({
        db: deps.db,
        organizationId: auth!.organizationId,
        filter: resolveFilter(filters),
        format,
        now: deps.clock.now(),
      });
      reply.type(file.contentType);
      reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
      reply.header("cache-control", "no-store");
      return file.body;
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/audit-events/verify",
    summary: "Recompute the organization's hash chain and report the first broken event, if any",
    tag: "audit",
    access: "audit:read",
    response: { status: 200, schema: VerifyView },
    async handler({ deps, auth }) {
      const result = await verifyAuditChain(deps.db, { organizationId: auth!.organizationId });
      if (result.ok) return { ok: true as const, count: result.count };
      const { seq, eventId, problem, detail } = result;
      return { ok: false as const, seq, eventId, problem, detail };
    },
  }),
];
