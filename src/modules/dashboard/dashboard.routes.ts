/** The compliance dashboard and its CSV export. */
import { defineRoute } from "../../server/route.ts";
import { dashboardCsv, presentDashboard } from "./dashboard.presenter.ts";
import { DashboardExportQuery, DashboardView } from "./dashboard.schema.ts";
import { buildDashboard } from "./dashboard.service.ts";

export const dashboardRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/dashboard",
    summary: "Status per commitment and per citation, graded from the work done; what is due this week",
    tag: "dashboard",
    access: "obligations:read",
    cache: true,
    response: { status: 200, schema: DashboardView },
    async handler({ deps, auth }) {
      return presentDashboard(await buildDashboard(deps.db, auth!.organizationId, deps.clock.now()));
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/dashboard/export",
    summary: "The dashboard as CSV, one row per commitment or per citation",
    tag: "dashboard",
    access: "obligations:read",
    query: DashboardExportQuery,
    response: { status: 200, schema: null, contentType: "text/csv; charset=utf-8" },
    async handler({ deps, auth, reply }, { query }) {
      const dashboard = await buildDashboard(deps.db, auth!.organizationId, deps.clock.now());
      reply.type("text/csv; charset=utf-8");
      reply.header(
        "content-disposition",
        `attachment; filename="dashboard-by-${query.by}-${dashboard.today}.csv"`,
      );
      reply.header("cache-control", "no-store");
      return dashboardCsv(dashboard, query.by);
    },
  }),
];
