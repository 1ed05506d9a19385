/** The member list, role changes and removal: last-owner protection and cross-organization ids. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../support/databases.ts";
import { startTestServer } from "../support/server.ts";
import { auditEvents, errorOf } from "./support.ts";

interface Member {
  id: string;
  email: string;
  roles: string[];
  mfaEnrolled: boolean;
  lastSignedInAt: string | null;
}
const lastOwner = { code: "conflict", message: "the organization must keep at least one owner", fields: [] };
const notFound = { code: "not_found", message: "member not found", fields: [] };

forEachDatabase("members", (context) => {
  it("lists members with roles, second-factor status and last sign-in", async () => {
    const server = await startTestServer(context.db);
    const auditor = await server.as("auditor");
    const response = await auditor.get("/api/v1/members");
    assert.equal(response.statusCode, 200);
    const { members, total, nextOffset } = response.json<{
      members: Member[];
      total: number;
      nextOffset: number | null;
    }>();
    assert.equal(members.length, 7);
    assert.deepEqual([total, nextOffset], [7, null]);
    const byRole = (role: string) => members.find((m) => m.roles.includes(role))!;
    assert.deepEqual(byRole("auditor"), {
      id: server.members.auditor.id,
      email: server.members.auditor.email,
      displayName: "Test auditor",
      roles: ["auditor"],
      mfaEnrolled: false,
      lastSignedInAt: "2026-03-02T09:00:00.000Z",
    });
    assert.equal(byRole("approver").lastSignedInAt, null);
    const workforce = await server.as("workforce-member");
    assert.equal((await workforce.get("/api/v1/members")).statusCode, 403);
  });

  it("changes roles and records the change", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const target = server.members.approver.id;
    const changed = await owner.put(`/api/v1/members/${target}/roles`, {
      roles: ["workforce-member", "approver"],
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json<Member>().roles, ["approver", "workforce-member"]);
    const events = await auditEvents(context.db, server.organization.id, "membership.roles-changed");
    assert.deepEqual(
      events.map((e) => [e.targetId, e.changes]),
      [[target, { userId: target, roles: { from: ["approver"], to: ["approver", "workforce-member"] } }]],
    );
    // Setting the same roles again changes nothing and records nothing.
    await owner.put(`/api/v1/members/${target}/roles`, { roles: ["approver", "workforce-member"] });
    assert.equal(
      (await auditEvents(context.db, server.organization.id, "membership.roles-changed")).length,
      1,
    );
  });

  it("never removes or demotes the last owner, and only owners touch the owner role", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const ownerId = server.members.owner.id;
    const demote = await owner.put(`/api/v1/members/${ownerId}/roles`, { roles: ["security-officer"] });
    assert.equal(demote.statusCode, 409);
    assert.deepEqual(errorOf(demote), lastOwner);
    const leave = await owner.delete(`/api/v1/members/${ownerId}`);
    assert.deepEqual(errorOf(leave), lastOwner);

    const hr = await server.as("hr");
    const byHr = await hr.delete(`/api/v1/members/${ownerId}`);
    assert.equal(byHr.statusCode, 403);
    assert.deepEqual(errorOf(byHr), {
      code: "forbidden",
      message: "only an owner can grant or take away the owner role",
      fields: [],
    });
    const selfPromotion = await hr.put(`/api/v1/members/${server.members.hr.id}/roles`, {
      roles: ["hr", "auditor"],
    });
    assert.equal(errorOf(selfPromotion).message, "only an owner can change their own roles");

    const second = server.members["privacy-officer"].id;
    const promoted = await owner.put(`/api/v1/members/${second}/roles`, {
      roles: ["owner", "privacy-officer"],
    });
    assert.deepEqual(promoted.json<Member>().roles, ["owner", "privacy-officer"]);
    const stepDown = await owner.put(`/api/v1/members/${ownerId}/roles`, { roles: ["security-officer"] });
    assert.equal(stepDown.statusCode, 200);
    const { rows } = await context.db.query<{ role: string }>(
      "SELECT role FROM memberships WHERE organization_id = $1 AND role = 'owner'",
      [server.organization.id],
    );
    assert.equal(rows.length, 1);
  });

  it("removes a member: their memberships go and their sessions end", async () => {
    const server = await startTestServer(context.db);
    const approver = await server.as("approver");
    assert.equal((await approver.get("/api/v1/session")).statusCode, 200);
    const hr = await server.as("hr");
    const target = server.members.approver.id;
    const removed = await hr.delete(`/api/v1/members/${target}`);
    assert.equal(removed.statusCode, 204);
    assert.equal((await approver.get("/api/v1/session")).statusCode, 401);
    const { members } = (await hr.get("/api/v1/members")).json<{ members: Member[] }>();
    assert.ok(!members.some((m) => m.id === target));
    const events = await auditEvents(context.db, server.organization.id, "membership.removed");
    assert.deepEqual(
      events.map((e) => [e.actorId, e.changes]),
      [[server.members.hr.id, { userId: target, roles: ["approver"], sessionsEnded: 1 }]],
    );
    assert.deepEqual(errorOf(await hr.delete(`/api/v1/members/${target}`)), notFound);
  });

  it("answers ids of other organizations exactly like unknown ids", async () => {
    const server = await startTestServer(context.db);
    const other = await server.otherOrganization();
    const owner = await server.as("owner");
    for (const id of [other.ownerId, "usr_00000000000000000000000000000000", "not-an-id"]) {
      const put = await owner.put(`/api/v1/members/${id}/roles`, { roles: ["auditor"] });
      assert.equal(put.statusCode, 404, id);
      assert.deepEqual(errorOf(put), notFound);
      assert.deepEqual(errorOf(await owner.delete(`/api/v1/members/${id}`)), notFound);
    }
    const { rows } = await context.db.query<{ role: string }>(
      "SELECT role FROM memberships WHERE user_id = $1",
      [other.ownerId],
    );
    assert.deepEqual(rows, [{ role: "owner" }]);
    // And the other organization's members do not appear in this one's list.
    const { members } = (await owner.get("/api/v1/members")).json<{ members: Member[] }>();
    assert.ok(!members.some((m) => m.id === other.ownerId));
  });

  it("answers each bad body with the field and the problem", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const url = `/api/v1/members/${server.members.hr.id}/roles`;
    const cases: [unknown, { field: string; message: string }[]][] = [
      [{}, [{ field: "body.roles", message: "expected a list of roles" }]],
      [
        { roles: [] },
        [
          {
            field: "body.roles",
            message: "expected at least one role (to take every role away, remove the member)",
          },
        ],
      ],
      [
        { roles: ["hr", "boss"] },
        [
          {
            field: "body.roles.1",
            message:
              "expected one of: owner, security-officer, privacy-officer, approver, hr, workforce-member, auditor",
          },
        ],
      ],
      [{ roles: ["hr"], extra: 1 }, [{ field: "body", message: "unknown field(s): extra" }]],
    ];
    for (const [body, fields] of cases) {
      const response = await owner.put(url, body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(errorOf(response).fields, fields, JSON.stringify(body));
    }
  });
});
