/**
 * GET /api/v1/inbox/summary: every member's counts agree with their inbox (listOccurrences with the
 * same assignment), overdue work moves from one count to the other, and callers need a session.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { roles } from "../../auth/permissions.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { publishedOrganization } from "../../../test/support/obligations.ts";
import type { TestServer } from "../../../test/support/server.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { listOccurrences } from "../obligations/occurrences.repo.ts";
import { ownerRolesFor } from "../obligations/owner-roles.repo.ts";
import type { InboxSummaryView } from "./inbox-summary.schema.ts";

forEachDatabase("inbox summary", (context) => {
  async function summary(server: TestServer, role: (typeof roles)[number]): Promise<InboxSummaryView> {
    const response = await (await server.as(role)).get("/api/v1/inbox/summary");
    assert.equal(response.statusCode, 200, response.body);
    return response.json<InboxSummaryView>();
  }

  async function fromInbox(server: TestServer, role: (typeof roles)[number]) {
    const userId = server.members[role].id;
    const ownerRoles = await ownerRolesFor(context.db, server.organization.id, { userId, roles: [role] });
    const rows = await listOccurrences(context.db, server.organization.id, server.clock.now(), {
      assignee: { userId, ownerRoles },
      statuses: ["upcoming", "due", "overdue"],
      limit: 5000,
      offset: 0,
    });
    const open = rows
      .filter((r) => r.status !== "overdue")
      .map((r) => r.dueOn)
      .sort();
    return {
      due: rows.filter((r) => r.status === "due").length,
      overdue: rows.filter((r) => r.status === "overdue").length,
      nextDueOn: open[0] ?? null,
      timeZone: "America/Los_Angeles",
    };
  }

  it("counts each member's due and overdue work as their inbox lists it", async () => {
    const server = await publishedOrganization(context.db);
    for (const instant of ["2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z"]) {
      server.clock.setTo(instant);
      for (const role of roles)
        assert.deepEqual(await summary(server, role), await fromInbox(server, role), role);
    }
    // Wednesday: the publication notice (due Tuesday) is overdue, the weekly reviews are due on Sunday.
    assert.deepEqual(await summary(server, "security-officer"), {
      due: 4,
      overdue: 1,
      nextDueOn: "2026-03-08",
      timeZone: "America/Los_Angeles",
    });
  });

  it("answers zeros before anything is published, and 401 without a session", async () => {
    const server = await startTestServer(context.db);
    assert.deepEqual(await summary(server, "workforce-member"), {
      due: 0,
      overdue: 0,
      nextDueOn: null,
      timeZone: "UTC",
    });
    assert.equal((await server.anonymous.get("/api/v1/inbox/summary")).statusCode, 401);
  });
});
