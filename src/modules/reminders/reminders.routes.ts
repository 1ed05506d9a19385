/** The caller's inbox in numbers, for the badge in the navigation. */
import { defineRoute } from "../../server/route.ts";
import { ownerRolesFor } from "../obligations/owner-roles.repo.ts";
import { organizationTimeZone } from "../policies/policies.repo.ts";
import { countInbox } from "./inbox-summary.repo.ts";
import { InboxSummaryView } from "./inbox-summary.schema.ts";

export const reminderRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/inbox/summary",
    summary: "How much of the caller's work is due or overdue, and the next due date",
    tag: "obligations",
    access: "authenticated",
    cache: true,
    response: { status: 200, schema: InboxSummaryView },
    async handler({ deps, auth }) {
      const { userId, organizationId, roles } = auth!;
      const ownerRoles = await ownerRolesFor(deps.db, organizationId, { userId, roles });
      const counts = await countInbox(deps.db, organizationId, deps.clock.now(), { userId, ownerRoles });
      return { ...counts, timeZone: await organizationTimeZone(deps.db, organizationId) };
    },
  }),
];
