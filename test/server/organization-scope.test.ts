/**
 * Profile, policies, acknowledgments and the audit trail never cross organizations: with data
 * written in two organizations, each sees only its own, and asking for the other's records gets
 * the same answer as asking for records that do not exist.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../support/databases.ts";
import { brightpathBody, clientFor, countRows, type ErrorBody } from "../support/org-data.ts";
import { startTestServer } from "../support/server.ts";

interface Policies {
  version: number | null;
  contentHash: string | null;
  policies: unknown[];
}
interface Events {
  events: { actor: { id: string }; target: { id: string } }[];
}

forEachDatabase("organization scope of profile, policies and audit trail", (context) => {
  it("shows each organization only its own profile, policies, acknowledgments and events", async () => {
    const server = await startTestServer(context.db);
    const other = await server.otherOrganization();
    const otherOwner = await clientFor(server, context.db, other.ownerId, other.id);
    const theirs = brightpathBody();
    theirs.organization.name = "Zephyrine";
    theirs.organization.legalName = "Zephyrine Health, LLC";
    assert.equal((await otherOwner.put("/api/v1/profile", theirs)).statusCode, 200);
    const publishedResponse = await otherOwner.post("/api/v1/policies/publish");
    assert.equal(publishedResponse.statusCode, 200, publishedResponse.body);
    const published = { contentHash: publishedResponse.json<{ contentHash: string }>().contentHash };
    assert.equal((await otherOwner.post("/api/v1/acknowledgments", published)).statusCode, 200);
    const otherIntro = (await otherOwner.get("/api/v1/policies/introduction")).json<{ introHtml: string }>();
    assert.match(otherIntro.introHtml, /Zephyrine/);
    const { rows } = await context.db.query<{ id: string }>(
      "SELECT id FROM policy_versions WHERE organization_id = $1",
      [other.id],
    );
    const otherVersionId = rows[0]!.id;

    // Nothing of the other organization's is visible before this one has data of its own.
    const owner = await server.as("owner");
    const profile = await owner.get("/api/v1/profile");
    assert.deepEqual(
      [profile.statusCode, profile.json<ErrorBody>().error.message],
      [404, "profile not found"],
    );
    assert.deepEqual((await owner.get("/api/v1/profile/versions")).json(), { versions: [] });
    const list = (await owner.get("/api/v1/policies")).json<Policies>();
    assert.deepEqual([list.version, list.contentHash, list.policies], [null, null, []]);
    const policy = await owner.get("/api/v1/policies/introduction");
    assert.deepEqual([policy.statusCode, policy.json<ErrorBody>().error.message], [404, "policy not found"]);
    const versions = await owner.get("/api/v1/policies/versions?date=2026-03-02");
    assert.deepEqual(versions.json(), {
      versions: [],
      inEffect: { date: "2026-03-02", timeZone: "UTC", version: null },
    });
    const acks = (await owner.get("/api/v1/acknowledgments")).json<{ members: { userId: string }[] }>();
    assert.equal(acks.members.length, 6);
    assert.ok(!acks.members.some((m) => m.userId === other.ownerId));
    assert.deepEqual((await owner.get("/api/v1/audit-events")).json(), { events: [], nextBefore: null });
    assert.deepEqual(
      (await owner.get(`/api/v1/audit-events?targetId=${otherVersionId}`)).json<Events>().events,
      [],
    );
    const csv = (await owner.get("/api/v1/audit-events/export")).body;
    assert.equal(csv.split("\r\n").filter(Boolean).length, 1);
    assert.deepEqual((await owner.get("/api/v1/audit-events/verify")).json(), { ok: true, count: 0 });
    const member = await server.as("workforce-member");
    const borrowed = await member.post("/api/v1/acknowledgments", published);
    assert.deepEqual(
      [borrowed.statusCode, borrowed.json<ErrorBody>().error.message],
      [409, "no policies are published yet"],
    );

    // With data in both, each still sees only its own.
    assert.equal((await owner.put("/api/v1/profile", brightpathBody())).statusCode, 200);
    const ours = (await owner.post("/api/v1/policies/publish")).json<{
      version: number;
      contentHash: string;
    }>();
    assert.equal(ours.version, 1);
    assert.notEqual(ours.contentHash, published.contentHash);
    const intro = (await member.get("/api/v1/policies/introduction")).json<{ introHtml: string }>();
    assert.doesNotMatch(intro.introHtml, /Zephyrine/);
    const stale = await member.post("/api/v1/acknowledgments", published);
    assert.equal(stale.json<ErrorBody>().error.message, "the policies changed since you opened them; reload");
    const events = (await owner.get("/api/v1/audit-events?limit=500")).json<Events>().events;
    // A save, a publish (23 policies, the schedule, the publication as an event).
    assert.equal(events.length, 26);
    const ourMembers = new Set(Object.values(server.members).map((m) => m.id));
    assert.ok(events.every((e) => ourMembers.has(e.actor.id) && e.target.id !== otherVersionId));
    assert.equal(await countRows(context.db, "acknowledgments", server.organization.id), 0);
    assert.equal(await countRows(context.db, "acknowledgments", other.id), 1);
  });

  it("gives a session opened in an organization where the user has no role nothing at all", async () => {
    const server = await startTestServer(context.db);
    const other = await server.otherOrganization();
    const otherOwner = await clientFor(server, context.db, other.ownerId, other.id);
    assert.equal((await otherOwner.put("/api/v1/profile", brightpathBody())).statusCode, 200);
    const stray = await server.as("owner", other.id);
    for (const url of [
      "/api/v1/profile",
      "/api/v1/policies",
      "/api/v1/acknowledgments",
      "/api/v1/audit-events",
    ]) {
      assert.equal((await stray.get(url)).statusCode, 403, url);
    }
  });
});
