/** The policies API: publish from the stored profile, read the set and one policy, versions by date. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { roles, type Role } from "../../auth/permissions.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { brightpathBody, countRows, eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { publishFirstVersion, publishThroughChange } from "../governance/governance.test-support.ts";

interface Published {
  version: number;
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
  profileVersion: number;
  created: boolean;
  counts: { policies: number; sections: number; commitments: number };
}
interface List {
  version: number | null;
  contentHash: string | null;
  acknowledged: boolean;
  policies: { id: string; number: number; title: string; summary: string }[];
}
interface Detail {
  id: string;
  number: number;
  title: string;
  version: number;
  introHtml: string;
  sections: { id: string; number: string; title: string; html: string }[];
}

const publishers: Role[] = ["owner", "security-officer", "privacy-officer", "approver"];

async function withProfile(server: TestServer, change?: (body: ReturnType<typeof brightpathBody>) => void) {
  const body = brightpathBody();
  change?.(body);
  const saved = await (await server.as("owner")).put("/api/v1/profile", body);
  assert.equal(saved.statusCode, 200, saved.body);
}

forEachDatabase("policies API", (context) => {
  it("publishes the current profile once per change, with one event per policy", async () => {
    const server = await startTestServer(context.db);
    const officer = await server.as("security-officer");
    const early = await officer.post("/api/v1/policies/publish");
    assert.equal(early.statusCode, 409);
    assert.equal(
      early.json<ErrorBody>().error.message,
      "save the organization profile before publishing policies",
    );

    await withProfile(server);
    const response = await officer.post("/api/v1/policies/publish");
    assert.equal(response.statusCode, 200, response.body);
    const published = response.json<Published>();
    assert.equal(published.version, 1);
    assert.equal(published.created, true);
    assert.equal(published.profileVersion, 1);
    assert.equal(published.publishedBy, server.members["security-officer"].id);
    assert.equal(published.publishedAt, "2026-03-02T09:00:00.000Z");
    assert.match(published.contentHash, /^[0-9a-f]{64}$/);
    assert.equal(published.counts.policies, 23);
    assert.ok(published.counts.sections > published.counts.policies);

    const events = await eventsOf(context.db, server.organization.id, "policy.published");
    assert.equal(events.length, 23);
    const { rows } = await context.db.query<{ id: string }>(
      "SELECT id FROM policy_versions WHERE organization_id = $1",
      [server.organization.id],
    );
    assert.deepEqual(events[0], {
      seq: events[0]!.seq,
      actorId: server.members["security-officer"].id,
      action: "policy.published",
      targetType: "policy-version",
      targetId: rows[0]!.id,
      changes: { policyId: "introduction", version: 1, contentHash: published.contentHash },
    });

    // Publishing an unchanged profile again is a no-op: the workforce keeps its acknowledgments.
    const again = (await officer.post("/api/v1/policies/publish")).json<Published>();
    assert.deepEqual([again.version, again.created, again.contentHash], [1, false, published.contentHash]);
    assert.equal((await eventsOf(context.db, server.organization.id, "policy.published")).length, 23);
  });

  it("lists the current policies for every member and serves one policy as HTML", async () => {
    const server = await startTestServer(context.db);
    const member = await server.as("workforce-member");
    const empty = (await member.get("/api/v1/policies")).json<List>();
    assert.deepEqual([empty.version, empty.contentHash, empty.policies], [null, null, []]);

    await withProfile(server);
    const published = (await (await server.as("owner")).post("/api/v1/policies/publish")).json<Published>();
    const list = (await member.get("/api/v1/policies")).json<List>();
    assert.deepEqual([list.version, list.contentHash, list.acknowledged], [1, published.contentHash, false]);
    assert.equal(list.policies.length, 23);
    assert.deepEqual(
      list.policies.map((p) => p.number),
      list.policies.map((_, i) => i + 1),
    );
    const access = list.policies.find((p) => p.id === "system-access")!;
    assert.ok(access.title.length > 0 && access.summary.length > 0);

    const detail = await member.get("/api/v1/policies/system-access");
    assert.equal(detail.statusCode, 200);
    const policy = detail.json<Detail>();
    assert.deepEqual(
      [policy.id, policy.number, policy.title, policy.version],
      ["system-access", access.number, access.title, 1],
    );
    const html = policy.introHtml + policy.sections.map((s) => s.html).join("");
    assert.doesNotMatch(html, /steward-ref:/);
    assert.match(html, /<a href="\/policies\/[a-z0-9-]+(#[a-z0-9-]+)?">/);
    assert.match(policy.sections[0]!.html, /^<(p|ul|ol|h[3-6])/);

    const unknown = await member.get("/api/v1/policies/no-such-policy");
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json<ErrorBody>().error, {
      code: "not_found",
      message: "policy not found",
      fields: [],
    });
    const bad = await member.get("/api/v1/policies/Bad_Id");
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json<ErrorBody>().error.fields, [
      { field: "params.policyId", message: "expected a policy id such as access-control" },
    ]);
  });

  it("answers template problems with 400 naming the file, and publishes nothing", async () => {
    const server = await startTestServer(context.db);
    await withProfile(server, (body) => (body.organization.description = "TBD"));
    const response = await (await server.as("owner")).post("/api/v1/policies/publish");
    assert.equal(response.statusCode, 400);
    const { error } = response.json<ErrorBody>();
    assert.equal(error.message, "the policies could not be built from this profile");
    assert.equal(error.fields[0]!.field, "content/policies/introduction.md");
    assert.match(error.fields[0]!.message, /^introduction contains a placeholder \(TODO\/TBD\)/);
    assert.equal(await countRows(context.db, "policy_versions", server.organization.id), 0);
  });

  it("lists versions and says which was in effect on a date, in the organization's time zone", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server); // 2026-03-02 01:00 in Los Angeles
    server.clock.advanceMinutes(44 * 60); // 2026-03-04T05:00Z, still 2026-03-03 in Los Angeles
    // Versions after the first are published through an approved change (src/modules/governance).
    await publishThroughChange(server, {
      effectiveDate: "2026-03-03",
      profileChanges: [{ path: "access.idleLogoffMinutes", value: 10 }],
    });
    const second = (await (await server.as("owner")).get("/api/v1/policies")).json<Published>();
    assert.deepEqual([second.version, second.profileVersion], [2, 2]);

    const reader = await server.as("auditor");
    type Versions = {
      versions: { version: number; isCurrent: boolean; counts: { policies: number } }[];
      inEffect: { date: string; timeZone: string; version: number | null } | null;
    };
    const all = (await reader.get("/api/v1/policies/versions")).json<Versions>();
    assert.deepEqual(
      all.versions.map((v) => [v.version, v.isCurrent, v.counts.policies]),
      [
        [2, true, 23],
        [1, false, 23],
      ],
    );
    assert.equal(all.inEffect, null);
    const on = async (date: string) =>
      (await reader.get(`/api/v1/policies/versions?date=${date}`)).json<Versions>().inEffect;
    assert.deepEqual(await on("2026-03-01"), {
      date: "2026-03-01",
      timeZone: "America/Los_Angeles",
      version: null,
    });
    assert.equal((await on("2026-03-02"))!.version, 1);
    assert.equal((await on("2026-03-03"))!.version, 2);
    const bad = await reader.get("/api/v1/policies/versions?date=03/02/2026");
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json<ErrorBody>().error.fields, [
      { field: "query.date", message: "expected a date as YYYY-MM-DD" },
    ]);
  });

  it("allows publishing to owners, officers and approvers and reading to every member", async () => {
    const server = await startTestServer(context.db);
    await withProfile(server);
    for (const role of roles) {
      const client = await server.as(role);
      const publish = await client.post("/api/v1/policies/publish");
      assert.equal(publish.statusCode, publishers.includes(role) ? 200 : 403, `${role} publish`);
      for (const url of ["/api/v1/policies", "/api/v1/policies/versions", "/api/v1/policies/roles"]) {
        assert.equal((await client.get(url)).statusCode, 200, `${role} GET ${url}`);
      }
    }
    assert.equal(await countRows(context.db, "policy_versions", server.organization.id), 1);
  });
});
