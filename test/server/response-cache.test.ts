/**
 * Kept read answers (src/server/response-cache.ts) as people see them: a change made in the app
 * shows at once, one made outside the organization's audit trail within seconds, and time-bound
 * answers move with the clock; authorization is never skipped.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../support/databases.ts";
import { publishFirstVersion } from "../../src/modules/governance/governance.test-support.ts";
import { startTestServer, type Client } from "../support/server.ts";

interface MemberList {
  members: { id: string; displayName: string; roles: string[] }[];
  invitations: { email: string }[];
}

forEachDatabase("kept read answers", (context) => {
  it("shows a change made through the app on the next read", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const approver = server.members.approver.id;
    const rolesOf = async () =>
      (await owner.get("/api/v1/members")).json<MemberList>().members.find((m) => m.id === approver)!.roles;
    assert.deepEqual(await rolesOf(), ["approver"]);
    const changed = await owner.put(`/api/v1/members/${approver}/roles`, { roles: ["approver", "auditor"] });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(await rolesOf(), ["approver", "auditor"]);
  });

  it("shows a change no event of this organization records within seconds", async () => {
    const server = await startTestServer(context.db);
    const hr = await server.as("hr");
    const nameOf = async () =>
      (await hr.get("/api/v1/members"))
        .json<MemberList>()
        .members.find((m) => m.id === server.members.approver.id)!.displayName;
    assert.equal(await nameOf(), "Test approver");
    // As when the person renames themselves while working in another organization.
    await context.db.query("UPDATE users SET display_name = 'Renamed elsewhere' WHERE id = $1", [
      server.members.approver.id,
    ]);
    assert.equal(await nameOf(), "Test approver", "the kept answer, at an unchanged version");
    server.clock.advanceMinutes(5 / 60);
    assert.equal(await nameOf(), "Renamed elsewhere");
  });

  it("drops an invitation from the list once it expires", async () => {
    const server = await startTestServer(context.db);
    const hr = await server.as("hr");
    const invited = await hr.post("/api/v1/members/invitations", {
      email: "late@example.com",
      displayName: "Late Joiner",
      roles: ["workforce-member"],
    });
    assert.equal(invited.statusCode, 201, invited.body);
    const invitations = async () =>
      (await hr.get("/api/v1/members")).json<MemberList>().invitations.map((i) => i.email);
    assert.deepEqual(await invitations(), ["late@example.com"]);
    server.clock.advanceMinutes(7 * 24 * 60 + 1);
    const again = await server.as("hr");
    assert.deepEqual(
      (await again.get("/api/v1/members")).json<MemberList>().invitations,
      [],
      "expired a minute ago",
    );
  });

  it("checks the caller's roles on every request, kept answer or not", async () => {
    const server = await startTestServer(context.db);
    const auditor = await server.as("auditor");
    const owner = await server.as("owner");
    assert.equal((await auditor.get("/api/v1/audit-events?limit=5")).statusCode, 200);
    const demoted = await owner.put(`/api/v1/members/${server.members.auditor.id}/roles`, {
      roles: ["workforce-member"],
    });
    assert.equal(demoted.statusCode, 200, demoted.body);
    assert.equal((await auditor.get("/api/v1/audit-events?limit=5")).statusCode, 403);
  });

  it("keeps answers apart per caller", async () => {
    const server = await startTestServer(context.db);
    const contentHash = await publishFirstVersion(server);
    // Two people with the same roles, so only the person tells their answers apart.
    const owner = await server.as("owner");
    const same = await owner.put(`/api/v1/members/${server.members.approver.id}/roles`, {
      roles: ["workforce-member"],
    });
    assert.equal(same.statusCode, 200, same.body);
    const [reader, other] = [await server.as("workforce-member"), await server.as("approver")];
    const acked = await reader.post("/api/v1/acknowledgments", { contentHash });
    assert.equal(acked.statusCode, 200, acked.body);
    const acknowledged = async (client: Client) =>
      (await client.get("/api/v1/policies")).json<{ acknowledged: boolean }>().acknowledged;
    // Same route, same data version, one after the other: each gets the answer computed for them.
    assert.equal(await acknowledged(reader), true);
    assert.equal(await acknowledged(other), false);
    assert.equal(await acknowledged(reader), true);
  });
});
