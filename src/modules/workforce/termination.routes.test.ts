/** Terminations: the revocation work with its hour deadline, the checklist and its completion. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { grantFor, hire, publishBrightpath } from "./workforce.fixtures.ts";

interface Task {
  id: string;
  kind: string;
  grant: { id: string } | null;
  dueAt: string;
  status: string;
}
interface Termination {
  lastDay: string;
  terminatedAt: string;
  dueAt: string;
  completedAt: string | null;
  tasks: Task[];
}

forEachDatabase("terminations", (context) => {
  it("creates the revocation work due terminationRevocationHours later, and the checklist", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const person = await hire(server, { email: "leaver@example.com", startDate: "2026-01-05" });
    const { grantId } = await grantFor(server, person.id);
    const hr = await server.as("hr");
    const response = await hr.post(`/api/v1/people/${person.id}/termination`, {
      lastDay: "2026-03-02",
      terminatedAt: "2026-03-02T08:30:00Z",
    });
    assert.equal(response.statusCode, 201, response.body);
    const termination = response.json<Termination>();
    assert.deepEqual(
      [termination.lastDay, termination.terminatedAt, termination.dueAt],
      ["2026-03-02", "2026-03-02T08:30:00.000Z", "2026-03-03T08:30:00.000Z"],
    );
    assert.deepEqual(
      termination.tasks.map((t) => [t.kind, t.grant?.id ?? null, t.dueAt, t.status]),
      [
        ["revoke-access", grantId, "2026-03-03T08:30:00.000Z", "open"],
        ["return-devices", null, "2026-03-03T08:30:00.000Z", "open"],
        ["remove-shared-accounts", null, "2026-03-03T08:30:00.000Z", "open"],
        ["retrieve-keys-badges", null, "2026-03-03T08:30:00.000Z", "open"],
      ],
    );
    const detail = (await hr.get(`/api/v1/people/${person.id}`)).json<{
      status: string;
      endDate: string;
      openWork: { commitmentId: string; dueAt: string; dueOn: string }[];
    }>();
    assert.deepEqual([detail.status, detail.endDate], ["leaving", "2026-03-02"]);
    const revoke = detail.openWork.find((w) => w.commitmentId === "revoke-on-termination")!;
    assert.deepEqual([revoke.dueAt, revoke.dueOn], ["2026-03-03T08:30:00.000Z", "2026-03-03"]);
    const [terminated] = await eventsOf(context.db, server.organization.id, "person.terminated");
    assert.equal(terminated!.changes.tasks, 4);

    const again = await hr.post(`/api/v1/people/${person.id}/termination`, { lastDay: "2026-03-02" });
    assert.equal(again.statusCode, 409);
  });

  it("refuses new access once a termination is recorded, even before the last day", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const person = await hire(server, { email: "soon-gone@example.com", startDate: "2026-01-05" });
    const hr = await server.as("hr");
    const terminated = await hr.post(`/api/v1/people/${person.id}/termination`, { lastDay: "2026-03-20" });
    assert.equal(terminated.statusCode, 201, terminated.body);
    const officer = await server.as("security-officer");
    const request = await officer.post("/api/v1/access/requests", {
      personId: person.id,
      system: "Billing console",
      level: "read-only",
      justification: "Covers month-end reports",
    });
    assert.equal(request.statusCode, 409, request.body);
    assert.equal(
      request.json<ErrorBody>().error.message,
      "this person is leaving or has left the organization",
    );
  });

  it("completes tasks one by one; revoking access needs access:decide and revokes the grant", async () => {
    const server = await startTestServer(context.db);
    const person = await hire(server, { email: "leaver@example.com", startDate: "2026-01-05" });
    const { grantId } = await grantFor(server, person.id);
    let hr = await server.as("hr");
    const { tasks } = (
      await hr.post(`/api/v1/people/${person.id}/termination`, { lastDay: "2026-03-02" })
    ).json<Termination>();
    const url = (task: Task) => `/api/v1/people/${person.id}/termination-tasks/${task.id}/complete`;
    const refused = await hr.post(url(tasks[0]!), {});
    assert.equal(refused.statusCode, 403);
    assert.equal(
      refused.json<ErrorBody>().error.message,
      "revoking access needs access:decide; ask an officer",
    );

    // A day later (sessions idle out meanwhile): every task is now late.
    server.clock.advanceMinutes(25 * 60);
    hr = await server.as("hr");
    const officer = await server.as("security-officer");
    const revoked = await officer.post(url(tasks[0]!), { note: "Disabled in the console" });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json<Termination>().tasks[0]!.status, "done-late");
    const grants = (await hr.get(`/api/v1/access/grants?status=revoked&personId=${person.id}`)).json<{
      grants: { id: string; revokeReason: string }[];
    }>();
    assert.deepEqual(
      grants.grants.map((g) => [g.id, g.revokeReason]),
      [[grantId, "termination"]],
    );
    assert.equal((await officer.post(url(tasks[0]!), {})).statusCode, 409);

    for (const task of tasks.slice(1, 3)) assert.equal((await hr.post(url(task), {})).statusCode, 200);
    const last = (await hr.post(url(tasks[3]!), {})).json<Termination>();
    assert.equal(last.completedAt, server.clock.now().toISOString());
    const done = await eventsOf(context.db, server.organization.id, "termination-task.completed");
    assert.deepEqual(
      done.map((e) => [e.changes.kind, e.changes.late, e.changes.checklistComplete]),
      [
        ["revoke-access", true, false],
        ["return-devices", true, false],
        ["remove-shared-accounts", true, false],
        ["retrieve-keys-badges", true, true],
      ],
    );
    const [revokedEvent] = await eventsOf(context.db, server.organization.id, "access.revoked");
    assert.deepEqual(revokedEvent!.changes, { personId: person.id, reason: "termination" });
  });

  it("completes a checklist task when its grant is revoked another way", async () => {
    const server = await startTestServer(context.db);
    const person = await hire(server, { email: "leaver@example.com", startDate: "2026-01-05" });
    const { grantId } = await grantFor(server, person.id);
    const hr = await server.as("hr");
    await hr.post(`/api/v1/people/${person.id}/termination`, { lastDay: "2026-03-02" });
    const officer = await server.as("privacy-officer");
    const response = await officer.post(`/api/v1/access/grants/${grantId}/revoke`, {
      reason: "no-longer-needed",
    });
    assert.equal(response.statusCode, 200, response.body);
    const detail = (await hr.get(`/api/v1/people/${person.id}`)).json<{ termination: Termination }>();
    assert.equal(detail.termination.tasks[0]!.status, "done");
  });
});
