/** Small pieces the workforce routes share: the caller, the organization's day, CSV downloads, checklists. */
import type { FastifyReply } from "fastify";
import { localDateOf } from "../../obligations/deadlines.ts";
import type { RouteContext } from "../../server/route.ts";
import { organizationTimeZone } from "../policies/policies.repo.ts";
import type { CsvFile } from "./export.service.ts";
import { presentTermination } from "./people.presenter.ts";
import type { TerminationView } from "./people.schema.ts";
import { findTermination, listTasks } from "./termination.repo.ts";

/** Sends a CSV download (never cached: registers hold personal data). */
export function sendCsv(reply: FastifyReply, file: CsvFile): string {
  reply.type("text/csv; charset=utf-8");
  reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
  reply.header("cache-control", "no-store");
  return file.body;
}

/** The signed-in caller of a route that needs a permission (auth is never null there). */
export const callerOf = ({ auth }: RouteContext) => ({ userId: auth!.userId, roles: auth!.roles });

/** Today in the organization's time zone. */
export async function today({ deps, auth }: RouteContext): Promise<string> {
  return localDateOf(deps.clock.now(), await organizationTimeZone(deps.db, auth!.organizationId));
}

/** A person's termination checklist, or null when none was recorded. */
export async function terminationOf(ctx: RouteContext, personId: string): Promise<TerminationView | null> {
  const organizationId = ctx.auth!.organizationId;
  const row = await findTermination(ctx.deps.db, organizationId, personId);
  if (!row) return null;
  return presentTermination(row, await listTasks(ctx.deps.db, organizationId, row.id), ctx.deps.clock.now());
}
