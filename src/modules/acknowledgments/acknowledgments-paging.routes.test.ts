/** The acknowledgment list a page at a time: filters and search in the query, counts over everyone. */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Database } from "../../db/index.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer, type Client, type TestServer } from "../../../test/support/server.ts";
import { renameMember, seedManyMembers, type SeededMember } from "../../../test/identity/many-members.ts";
import { governedProfile, publishFirstVersion } from "../governance/governance.test-support.ts";

interface Listed {
  version: number | null;
  counts: { members: number; acknowledged: number; missing: number };
  members: { userId: string; displayName: string; email: string; acknowledged: boolean }[];
  total: number;
  nextOffset: number | null;
}

async function list(client: Client, search: string): Promise<Listed> {
  const response = await client.get(`/api/v1/acknowledgments${search}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<Listed>();
}

/** Records acknowledgments of the current version for these users directly, as test data. */
async function acknowledged(db: Database, organizationId: string, userIds: string[]): Promise<void> {
  await db.query(
    `INSERT INTO acknowledgments (organization_id, user_id, policy_version_id, content_hash, acknowledged_at)
     SELECT $1, u, id, content_hash, '2026-03-02T10:00:00Z' FROM policy_versions, unnest($2::text[]) AS u
      WHERE organization_id = $1 AND is_current`,
    [organizationId, userIds],
  );
}

/**
 * 150 seeded workforce members, every third of them acknowledged, plus the test server's members
 * (HR and the workforce member acknowledged through the API); one seeded member is also an auditor
 * (still asked), three seeded auditors are not asked at all.
 */
async function organizationWithAcknowledgments(db: Database) {
  const server = await startTestServer(db);
  const domain = `${server.organization.slug}.example`;
  const seeded = await seedManyMembers(db, server.organization.id, { count: 150, domain });
  await seedManyMembers(db, server.organization.id, {
    count: 3,
    domain: `auditors.${domain}`,
    role: "auditor",
  });
  await db.query("INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'auditor')", [
    server.organization.id,
    seeded[5]!.id,
  ]);
  const hash = await publishFirstVersion(server, governedProfile(server));
  const thirds = seeded.filter((_, index) => index % 3 === 2);
  await acknowledged(
    db,
    server.organization.id,
    thirds.map((m) => m.id),
  );
  for (const role of ["hr", "workforce-member"] as const) {
    const done = await (await server.as(role)).post("/api/v1/acknowledgments", { contentHash: hash });
    assert.equal(done.statusCode, 200);
  }
  return { server, seeded, thirds };
}

const everyone = { members: 156, acknowledged: 52, missing: 104 };
const idsOf = (listed: Listed) => listed.members.map((m) => m.userId);

/** Follows nextOffset from the first page; checks that every page has the same counts and total. */
async function allPages(client: Client, search: string): Promise<Listed[]> {
  const pages = [await list(client, `${search}&offset=0`)];
  while (pages.at(-1)!.nextOffset !== null)
    pages.push(await list(client, `${search}&offset=${pages.at(-1)!.nextOffset}`));
  for (const page of pages) {
    assert.deepEqual(page.counts, everyone);
    assert.equal(page.total, pages[0]!.total);
  }
  return pages;
}

function expectedIds(server: TestServer, seeded: SeededMember[], roles: string[]): string[] {
  return [...seeded.map((m) => m.id), ...roles.map((role) => server.members[role as "hr"].id)];
}

forEachDatabase("acknowledgment list paging", (context) => {
  it("pages each status in name order, with counts over everyone on every page", async () => {
    const { server, seeded, thirds } = await organizationWithAcknowledgments(context.db);
    const officer = await server.as("security-officer");

    const missing = await allPages(officer, "?status=missing&limit=50");
    assert.deepEqual(
      missing.map((p) => [p.members.length, p.total, p.nextOffset]),
      [
        [50, 104, 50],
        [50, 104, 100],
        [4, 104, null],
      ],
    );
    const missingIds = missing.flatMap(idsOf);
    assert.equal(new Set(missingIds).size, 104, "no member on two pages");
    const unacknowledged = seeded.filter((m) => !thirds.includes(m));
    assert.deepEqual(
      [...missingIds].sort(),
      expectedIds(server, unacknowledged, [
        "owner",
        "security-officer",
        "privacy-officer",
        "approver",
      ]).sort(),
    );
    // The seeded "Member ..." names come first, in order, then the "Test ..." members.
    assert.deepEqual(
      missing.flatMap((p) => p.members.map((m) => m.displayName)).slice(0, 100),
      unacknowledged.map((m) => m.displayName),
    );
    assert.ok(missing.every((p) => p.members.every((m) => !m.acknowledged)));

    const done = await allPages(officer, "?status=acknowledged&limit=20");
    assert.deepEqual(
      done.map((p) => [p.members.length, p.nextOffset]),
      [
        [20, 20],
        [20, 40],
        [12, null],
      ],
    );
    assert.deepEqual(
      done.flatMap(idsOf).sort(),
      expectedIds(server, thirds, ["hr", "workforce-member"]).sort(),
    );

    // Default: every status, 100 a page. Auditors are not asked; a member who is also one is.
    const all = await allPages(officer, "?status=all");
    assert.deepEqual(
      all.map((p) => [p.members.length, p.total, p.nextOffset]),
      [
        [100, 156, 100],
        [56, 156, null],
      ],
    );
    const allIds = all.flatMap(idsOf);
    assert.ok(allIds.includes(seeded[5]!.id));
    assert.ok(!allIds.includes(server.members.auditor.id));
    assert.deepEqual(idsOf(await list(officer, "")), idsOf(all[0]!));

    const beyond = await list(officer, "?status=missing&offset=500");
    assert.deepEqual([beyond.members, beyond.total, beyond.nextOffset], [[], 104, null]);
    assert.deepEqual(beyond.counts, everyone);
  });

  it("searches names and emails within the status, leaving the counts alone", async () => {
    const { server, seeded } = await organizationWithAcknowledgments(context.db);
    await renameMember(context.db, seeded[10]!.id, "Ada 50% Ready");
    const officer = await server.as("privacy-officer");

    const names = (listed: Listed) => listed.members.map((m) => m.displayName);
    const byName = await list(officer, "?status=all&q=member%2000");
    assert.deepEqual(names(byName), [
      "Member 001",
      "Member 002",
      "Member 003",
      "Member 004",
      "Member 005",
      "Member 006",
      "Member 007",
      "Member 008",
      "Member 009",
    ]);
    assert.deepEqual([byName.total, byName.nextOffset, byName.counts], [9, null, everyone]);
    const acknowledgedByName = await list(officer, "?status=acknowledged&q=MEMBER%2000");
    assert.deepEqual(names(acknowledgedByName), ["Member 003", "Member 006", "Member 009"]);
    assert.deepEqual(acknowledgedByName.counts, everyone);

    const byEmail = await list(
      officer,
      `?status=acknowledged&q=${encodeURIComponent(server.members.hr.email)}`,
    );
    assert.deepEqual(idsOf(byEmail), [server.members.hr.id]);
    assert.equal(byEmail.total, 1);
    // 99: the seeded members not acknowledged, less the one renamed (workforce-member@ has acknowledged).
    const paged = await list(officer, "?status=missing&q=member&limit=30&offset=90");
    assert.deepEqual([paged.members.length, paged.total, paged.nextOffset], [9, 99, null]);

    // Unescaped, "50%" would also match "Member 050" (not acknowledged either).
    const literal = await list(officer, `?status=missing&q=${encodeURIComponent("50%")}`);
    assert.deepEqual(names(literal), ["Ada 50% Ready"]);
    const nobody = await list(officer, "?q=nobody");
    assert.deepEqual(
      [nobody.members, nobody.total, nobody.nextOffset, nobody.counts],
      [[], 0, null, everyone],
    );
  });

  it("pages everyone as missing before the first publish", async () => {
    const server = await startTestServer(context.db);
    await seedManyMembers(context.db, server.organization.id, {
      count: 120,
      domain: `${server.organization.slug}.example`,
    });
    const officer = await server.as("security-officer");
    const first = await list(officer, "?status=missing");
    assert.deepEqual(
      [first.version, first.counts, first.members.length, first.total, first.nextOffset],
      [null, { members: 126, acknowledged: 0, missing: 126 }, 100, 126, 100],
    );
    const none = await list(officer, "?status=acknowledged");
    assert.deepEqual([none.members, none.total, none.nextOffset], [[], 0, null]);
  });

  it("answers a bad query with 400 naming the field", async () => {
    const server = await startTestServer(context.db);
    const officer = await server.as("security-officer");
    const cases: [string, string, string][] = [
      ["limit=0", "query.limit", "expected a whole number from 1 to 500"],
      ["limit=501", "query.limit", "expected a whole number from 1 to 500"],
      ["offset=-1", "query.offset", "expected a whole number from 0 to 1000000"],
      [`q=${"y".repeat(201)}`, "query.q", "expected at most 200 characters"],
      ["status=missing&sort=name", "query", "unknown field(s): sort"],
    ];
    for (const [search, field, message] of cases) {
      const response = await officer.get(`/api/v1/acknowledgments?${search}`);
      assert.equal(response.statusCode, 400, search);
      assert.deepEqual(response.json<ErrorBody>().error.fields, [{ field, message }], search);
    }
  });
});
