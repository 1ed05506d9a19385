/** The member list a page at a time: stable name order, totals, search by name or email, bad queries. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../support/databases.ts";
import { startTestServer, type Client } from "../support/server.ts";
import { renameMember, seedManyMembers } from "./many-members.ts";
import { errorOf } from "./support.ts";

interface MemberPage {
  members: { id: string; email: string; displayName: string }[];
  total: number;
  nextOffset: number | null;
  invitations: { email: string }[];
}

async function page(client: Client, search: string): Promise<MemberPage> {
  const response = await client.get(`/api/v1/members${search}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<MemberPage>();
}

const names = (list: MemberPage) => list.members.map((m) => m.displayName);
const q = (text: string) => `?q=${encodeURIComponent(text)}`;

forEachDatabase("member list paging", (context) => {
  it("pages through every member once, in name order, with the total and the next offset", async () => {
    const server = await startTestServer(context.db);
    const seeded = await seedManyMembers(context.db, server.organization.id, {
      count: 250,
      domain: `${server.organization.slug}.example`,
    });
    const hr = await server.as("hr");
    const invited = await hr.post("/api/v1/members/invitations", {
      email: "new.person@example.com",
      displayName: "New Person",
      roles: ["workforce-member"],
    });
    assert.equal(invited.statusCode, 201);

    const first = await page(hr, "");
    assert.equal(first.members.length, 100);
    assert.deepEqual([first.total, first.nextOffset], [257, 100]);
    assert.deepEqual(
      first.invitations.map((i) => i.email),
      ["new.person@example.com"],
    );

    const pages = [first];
    for (let offset = first.nextOffset; offset !== null; offset = pages.at(-1)!.nextOffset)
      pages.push(await page(hr, `?offset=${offset}&limit=100`));
    assert.deepEqual(
      pages.map((p) => [p.members.length, p.total, p.nextOffset]),
      [
        [100, 257, 100],
        [100, 257, 200],
        [57, 257, null],
      ],
    );
    // Open invitations are not paged: every page carries them.
    assert.ok(pages.every((p) => p.invitations.length === 1));

    const ids = pages.flatMap((p) => p.members.map((m) => m.id));
    assert.equal(new Set(ids).size, 257, "no member on two pages");
    const everyone = [...seeded.map((m) => m.id), ...Object.values(server.members).map((m) => m.id)];
    assert.deepEqual([...ids].sort(), everyone.sort());
    // "Member 001" ... "Member 250" come before "Test ..." and in their own order.
    assert.deepEqual(
      pages.flatMap(names).slice(0, 250),
      seeded.map((m) => m.displayName),
    );
    assert.equal(pages.flatMap(names)[0], "Member 001");

    // The same order whatever the page size.
    const whole = await page(hr, "?limit=500");
    assert.deepEqual([whole.members.length, whole.total, whole.nextOffset], [257, 257, null]);
    assert.deepEqual(
      whole.members.map((m) => m.id),
      ids,
    );
    const seven = await page(hr, "?limit=7&offset=14");
    assert.deepEqual(
      seven.members.map((m) => m.id),
      ids.slice(14, 21),
    );
    assert.equal(seven.nextOffset, 21);

    // Past the end: no rows, the total still right.
    const beyond = await page(hr, "?offset=300");
    assert.deepEqual([beyond.members, beyond.total, beyond.nextOffset], [[], 257, null]);
  });

  it("searches display names and emails, ignoring case, with %, _ and \\ taken literally", async () => {
    const server = await startTestServer(context.db);
    const seeded = await seedManyMembers(context.db, server.organization.id, {
      count: 120,
      domain: `${server.organization.slug}.example`,
    });
    await renameMember(context.db, seeded[0]!.id, "Dana 100% Sure");
    await renameMember(context.db, seeded[1]!.id, "Ivor_0 Literal");
    await renameMember(context.db, seeded[2]!.id, "Zed \\ Slash");
    // Two more people called "Member 004" and "Member 005": equal names go by user id.
    const twins = await seedManyMembers(context.db, server.organization.id, {
      count: 5,
      domain: `twins.${server.organization.slug}.example`,
    });
    for (const twin of twins.slice(0, 3)) await renameMember(context.db, twin.id, `Twin ${twin.email}`);
    const owner = await server.as("owner");

    const sameNames = await page(owner, q("member 00"));
    assert.deepEqual(names(sameNames), [
      "Member 004",
      "Member 004",
      "Member 005",
      "Member 005",
      "Member 006",
      "Member 007",
      "Member 008",
      "Member 009",
    ]);
    assert.deepEqual(
      sameNames.members.slice(0, 2).map((m) => m.id),
      [seeded[3]!.id, twins[3]!.id].sort(),
    );
    assert.deepEqual(
      sameNames.members.slice(2, 4).map((m) => m.id),
      [seeded[4]!.id, twins[4]!.id].sort(),
    );

    const byName = await page(owner, q("member 01"));
    assert.deepEqual(names(byName), [
      "Member 010",
      "Member 011",
      "Member 012",
      "Member 013",
      "Member 014",
      "Member 015",
      "Member 016",
      "Member 017",
      "Member 018",
      "Member 019",
    ]);
    assert.deepEqual([byName.total, byName.nextOffset], [10, null]);

    const byEmail = await page(owner, q("  M042@ "));
    assert.deepEqual(
      byEmail.members.map((m) => m.email),
      [`m042@${server.organization.slug}.example`],
    );
    assert.equal(byEmail.total, 1);
    const domain = await page(
      owner,
      `${q(`@${server.organization.slug.toUpperCase()}`)}&limit=50&offset=100`,
    );
    assert.deepEqual([domain.members.length, domain.total, domain.nextOffset], [27, 127, null]);
    const twinsByDomain = await page(owner, `${q("@TWINS.")}&limit=2`);
    assert.deepEqual(
      [twinsByDomain.members.length, twinsByDomain.total, twinsByDomain.nextOffset],
      [2, 5, 2],
    );

    // Unescaped, "100%" would match "Member 100" too; "r_0" every "Member 0.."; "\" nothing.
    assert.deepEqual(names(await page(owner, q("100%"))), ["Dana 100% Sure"]);
    assert.deepEqual(names(await page(owner, q("r_0"))), ["Ivor_0 Literal"]);
    assert.deepEqual(names(await page(owner, q("\\"))), ["Zed \\ Slash"]);
    assert.deepEqual(names(await page(owner, q("%"))), ["Dana 100% Sure"]);

    const none = await page(owner, q("nobody by this name"));
    assert.deepEqual([none.members, none.total, none.nextOffset], [[], 0, null]);
    // Blank text searches nothing away.
    assert.equal((await page(owner, q("   "))).total, 132);
  });

  it("answers a bad query with 400 naming the field", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const cases: [string, { field: string; message: string }[]][] = [
      ["limit=0", [{ field: "query.limit", message: "expected a whole number from 1 to 500" }]],
      ["limit=501", [{ field: "query.limit", message: "expected a whole number from 1 to 500" }]],
      ["limit=ten", [{ field: "query.limit", message: "expected a whole number from 1 to 500" }]],
      ["offset=-1", [{ field: "query.offset", message: "expected a whole number from 0 to 1000000" }]],
      ["offset=1.5", [{ field: "query.offset", message: "expected a whole number from 0 to 1000000" }]],
      [`q=${"x".repeat(201)}`, [{ field: "query.q", message: "expected at most 200 characters" }]],
      ["page=2", [{ field: "query", message: "unknown field(s): page" }]],
    ];
    for (const [search, fields] of cases) {
      const response = await owner.get(`/api/v1/members?${search}`);
      assert.equal(response.statusCode, 400, search);
      assert.deepEqual(errorOf(response).fields, fields, search);
    }
    const longest = await owner.get(`/api/v1/members?q=${"x".repeat(200)}`);
    assert.equal(longest.statusCode, 200);
  });
});
