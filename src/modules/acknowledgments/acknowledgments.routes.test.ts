/** Acknowledgments: bound to the published text's hash, idempotent, and visible to officers. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { roles, type Role } from "../../auth/permissions.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { countRows, eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import {
  governedProfile,
  publishFirstVersion,
  publishThroughChange,
} from "../governance/governance.test-support.ts";

interface Acknowledged {
  version: number;
  contentHash: string;
  acknowledgedAt: string;
  created: boolean;
}
interface Listed {
  version: number | null;
  contentHash: string | null;
  counts: { members: number; acknowledged: number; missing: number };
  members: { userId: string; roles: Role[]; acknowledged: boolean; acknowledgedAt: string | null }[];
}

const acknowledgers: Role[] = [
  "owner",
  "security-officer",
  "privacy-officer",
  "approver",
  "hr",
  "workforce-member",
];
const overseers: Role[] = ["owner", "security-officer", "privacy-officer", "hr", "auditor"];

/** The first version straight from the profile; later ones through an approved change (src/modules/governance). */
async function publish(server: TestServer, idleLogoffMinutes = 15): Promise<string> {
  const owner = await server.as("owner");
  if ((await owner.get("/api/v1/policies")).json<{ version: number | null }>().version !== null) {
    return publishThroughChange(server, {
      effectiveDate: "2026-03-02",
      profileChanges: [{ path: "access.idleLogoffMinutes", value: idleLogoffMinutes }],
    });
  }
  const body = governedProfile(server);
  body.access.idleLogoffMinutes = idleLogoffMinutes;
  return publishFirstVersion(server, body);
}

forEachDatabase("acknowledgments API", (context) => {
  it("binds an acknowledgment to the current text and records it once", async () => {
    const server = await startTestServer(context.db);
    const member = await server.as("workforce-member");
    const none = await member.post("/api/v1/acknowledgments", { contentHash: "ab".repeat(32) });
    assert.equal(none.statusCode, 409);
    assert.equal(none.json<ErrorBody>().error.message, "no policies are published yet");

    await publish(server);
    const { contentHash } = (await member.get("/api/v1/policies")).json<{ contentHash: string }>();
    const first = await member.post("/api/v1/acknowledgments", { contentHash });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json<Acknowledged>(), {
      version: 1,
      contentHash,
      acknowledgedAt: "2026-03-02T09:00:00.000Z",
      created: true,
    });
    server.clock.advanceMinutes(5);
    const again = (await member.post("/api/v1/acknowledgments", { contentHash })).json<Acknowledged>();
    assert.deepEqual([again.created, again.acknowledgedAt], [false, "2026-03-02T09:00:00.000Z"]);
    const list = (await member.get("/api/v1/policies")).json<{
      acknowledged: boolean;
      acknowledgedAt: string;
    }>();
    assert.deepEqual([list.acknowledged, list.acknowledgedAt], [true, "2026-03-02T09:00:00.000Z"]);

    const events = await eventsOf(context.db, server.organization.id, "policy.acknowledged");
    assert.equal(events.length, 23);
    assert.deepEqual(
      new Set(
        events.map(
          (e) => `${e.actorId} ${e.targetType} ${String(e.changes.version)} ${String(e.changes.contentHash)}`,
        ),
      ),
      new Set([`${server.members["workforce-member"].id} policy-version 1 ${contentHash}`]),
    );
    assert.equal(await countRows(context.db, "acknowledgments", server.organization.id), 1);
  });

  it("refuses a hash from before a new publish with 409, and a malformed one with 400", async () => {
    const server = await startTestServer(context.db);
    const stale = await publish(server, 15);
    const current = await publish(server, 10);
    assert.notEqual(stale, current);
    const member = await server.as("workforce-member");
    const refused = await member.post("/api/v1/acknowledgments", { contentHash: stale });
    assert.equal(refused.statusCode, 409);
    assert.deepEqual(refused.json<ErrorBody>().error, {
      code: "conflict",
      message: "the policies changed since you opened them; reload",
      fields: [],
    });
    const malformed = await member.post("/api/v1/acknowledgments", { contentHash: "abc", extra: 1 });
    assert.equal(malformed.statusCode, 400);
    assert.deepEqual(malformed.json<ErrorBody>().error.fields, [
      { field: "body.contentHash", message: "expected the policies' contentHash (64 hex characters)" },
      { field: "body", message: "unknown field(s): extra" },
    ]);
    assert.equal(await countRows(context.db, "acknowledgments", server.organization.id), 0);
    assert.deepEqual(await eventsOf(context.db, server.organization.id, "policy.acknowledged"), []);
    assert.equal((await member.post("/api/v1/acknowledgments", { contentHash: current })).statusCode, 200);
  });

  it("shows officers who has not acknowledged the current version", async () => {
    const server = await startTestServer(context.db);
    const before = (
      await (await server.as("security-officer")).get("/api/v1/acknowledgments")
    ).json<Listed>();
    assert.deepEqual([before.version, before.counts], [null, { members: 6, acknowledged: 0, missing: 6 }]);

    const hash = await publish(server);
    for (const role of ["workforce-member", "hr"] as const)
      await (await server.as(role)).post("/api/v1/acknowledgments", { contentHash: hash });

    const officer = await server.as("security-officer");
    const all = (await officer.get("/api/v1/acknowledgments")).json<Listed>();
    assert.deepEqual([all.version, all.contentHash], [1, hash]);
    assert.deepEqual(all.counts, { members: 6, acknowledged: 2, missing: 4 });
    // External auditors read policies but are not asked to acknowledge them.
    assert.ok(!all.members.some((m) => m.roles.includes("auditor")));

    const missing = (await officer.get("/api/v1/acknowledgments?status=missing")).json<Listed>();
    const missingIds = missing.members.map((m) => m.userId).sort();
    const expected = (["owner", "security-officer", "privacy-officer", "approver"] as const)
      .map((role) => server.members[role].id)
      .sort();
    assert.deepEqual(missingIds, expected);
    assert.ok(missing.members.every((m) => !m.acknowledged && m.acknowledgedAt === null));
    const done = (await officer.get("/api/v1/acknowledgments?status=acknowledged")).json<Listed>();
    assert.deepEqual(
      done.members.map((m) => m.userId).sort(),
      [server.members.hr.id, server.members["workforce-member"].id].sort(),
    );

    // A new version starts everyone over.
    await publish(server, 10);
    const fresh = (await officer.get("/api/v1/acknowledgments")).json<Listed>();
    assert.deepEqual([fresh.version, fresh.counts.acknowledged], [2, 0]);
    const bad = await officer.get("/api/v1/acknowledgments?status=late");
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<ErrorBody>().error.fields[0]!.field, "query.status");
  });

  it("lets every workforce role acknowledge and only overseers list", async () => {
    const server = await startTestServer(context.db);
    const hash = await publish(server);
    for (const role of roles) {
      const client = await server.as(role);
      const post = await client.post("/api/v1/acknowledgments", { contentHash: hash });
      assert.equal(post.statusCode, acknowledgers.includes(role) ? 200 : 403, `${role} POST`);
      const list = await client.get("/api/v1/acknowledgments?status=missing");
      assert.equal(list.statusCode, overseers.includes(role) ? 200 : 403, `${role} GET`);
    }
    assert.equal(
      await countRows(context.db, "acknowledgments", server.organization.id),
      acknowledgers.length,
    );
  });
});
