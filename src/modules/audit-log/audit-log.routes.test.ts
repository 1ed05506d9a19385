/** The audit-trail API: filters and pages, CSV and JSON export, chain verification, roles. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { it } from "node:test";
import { recordEvent } from "../../audit/index.ts";
import { roles, type Role } from "../../auth/permissions.ts";
import { AppError } from "../../server/errors.ts";
import { tamper } from "../../../test/db/fixtures.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { brightpathBody, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer, type TestServer } from "../../../test/support/server.ts";
import { exportAuditEvents } from "./audit-log.service.ts";

interface Page {
  events: {
    seq: number;
    occurredAt: string;
    actor: { type: string; id: string; displayName: string | null };
    action: string;
    target: { type: string; id: string };
    changes: Record<string, unknown>;
    hashVersion: number;
  }[];
  nextBefore: number | null;
}

const readers: Role[] = ["owner", "security-officer", "privacy-officer", "auditor"];
const DAY = 24 * 60;

/**
 * A profile save on 2026-03-02, a publish on 03-03 (23 policies, then the schedule recomputed and the
 * publication raised as an event: 25 events) and an acknowledgment (23) on 03-04: 49 events.
 */
async function history(server: TestServer): Promise<void> {
  assert.equal((await (await server.as("owner")).put("/api/v1/profile", brightpathBody())).statusCode, 200);
  server.clock.advanceMinutes(DAY);
  const published = await (await server.as("security-officer")).post("/api/v1/policies/publish");
  server.clock.advanceMinutes(DAY);
  const { contentHash } = published.json<{ contentHash: string }>();
  await (await server.as("workforce-member")).post("/api/v1/acknowledgments", { contentHash });
}

/** RFC 4180 records of a CSV text (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") [cells, cell] = [[...cells, cell], ""];
    else if (c === "\r" && text[i + 1] === "\n") {
      records.push([...cells, cell]);
      [cells, cell, i] = [[], "", i + 1];
    } else cell += c;
  }
  return records;
}

forEachDatabase("audit-trail API", (context) => {
  it("lists events newest first, a page at a time, with filters", async () => {
    const server = await startTestServer(context.db);
    await history(server);
    const auditor = await server.as("auditor");
    const get = async (query: string) => {
      const response = await auditor.get(`/api/v1/audit-events${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json<Page>();
    };
    const first = await get("?limit=10");
    assert.deepEqual(
      first.events.map((e) => e.seq),
      [49, 48, 47, 46, 45, 44, 43, 42, 41, 40],
    );
    assert.equal(first.nextBefore, 40);
    const second = await get("?limit=10&before=40");
    assert.deepEqual([second.events[0]!.seq, second.events.at(-1)!.seq, second.nextBefore], [39, 30, 30]);
    assert.equal((await get("?before=3")).nextBefore, null);

    const saved = await get("?action=profile.version-created");
    assert.equal(saved.events.length, 1);
    assert.deepEqual(saved.events[0]!.actor, {
      type: "user",
      id: server.members.owner.id,
      displayName: "Test owner",
    });
    assert.equal(saved.events[0]!.occurredAt, "2026-03-02T09:00:00.000Z");
    assert.equal(
      saved.events[0]!.hashVersion,
      2,
      "the encoding its hash covers, for API clients that check it",
    );
    const target = saved.events[0]!.target;
    assert.equal((await get(`?targetType=profile-version&targetId=${target.id}`)).events.length, 1);
    const byMember = await get(`?actorId=${server.members["workforce-member"].id}`);
    assert.equal(byMember.events.length, 23);
    assert.ok(byMember.events.every((e) => e.action === "policy.acknowledged"));

    const publishDay = (await get("?from=2026-03-03&to=2026-03-03")).events.map((e) => e.action);
    assert.equal(publishDay.filter((action) => action === "policy.published").length, 23);
    assert.deepEqual(publishDay.filter((action) => action !== "policy.published").sort(), [
      "obligation.event-raised",
      "obligations.recomputed",
    ]);
    assert.equal((await get("?from=2026-03-04T00:00:00Z")).events.length, 23);
    assert.deepEqual(
      (await get("?to=2026-03-02T09:00:00.000Z")).events.map((e) => e.seq),
      [1],
    );
    assert.deepEqual((await get("?to=2026-03-02T08:59:59.999Z")).events, []);
  });

  it("answers bad filters with 400 naming the field", async () => {
    const server = await startTestServer(context.db);
    const officer = await server.as("security-officer");
    const fields = async (query: string) => {
      const response = await officer.get(`/api/v1/audit-events${query}`);
      assert.equal(response.statusCode, 400, query);
      return response.json<ErrorBody>().error.fields;
    };
    assert.deepEqual(await fields("?limit=501"), [
      { field: "query.limit", message: "Too big: expected number to be <=500" },
    ]);
    assert.deepEqual(await fields("?from=2026-02-31"), [
      { field: "query.from", message: "expected a date that exists in the calendar" },
    ]);
    assert.deepEqual(await fields("?to=yesterday"), [
      {
        field: "query.to",
        message: "expected a date (YYYY-MM-DD) or a date and time with a zone (2026-03-02T09:00:00Z)",
      },
    ]);
    assert.deepEqual(await fields("?from=2026-03-05&to=2026-03-04"), [
      { field: "query.to", message: "expected a time after from" },
    ]);
    assert.deepEqual(await fields("?colour=red"), [{ field: "query", message: "unknown field(s): colour" }]);
    assert.deepEqual(await fields("?before=0"), [
      { field: "query.before", message: "Too small: expected number to be >=1" },
    ]);
  });

  it("exports the filtered trail as RFC 4180 CSV and as JSON", async () => {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    // Ids cannot hold line breaks (the schema refuses control characters); a name change can, and
    // its JSON escapes it. Raw line breaks in cells are covered by csv.test.ts.
    const awkward = 'ops, "night" shift';
    await context.db.transaction((tx) =>
      recordEvent(tx, {
        organizationId,
        actor: { type: "cli", id: awkward },
        at: server.clock.now(),
        event: {
          action: "organization.renamed",
          target: { type: "organization", id: organizationId },
          changes: { name: { from: "Old, Inc.", to: 'New "Quoted"\nCo' } },
        },
      }),
    );
    await history(server);
    const exporter = await server.as("auditor");
    const csv = await exporter.get("/api/v1/audit-events/export?format=csv");
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert.equal(csv.headers["content-disposition"], 'attachment; filename="audit-events-2026-03-04.csv"');
    assert.ok(
      csv.body.startsWith(
        "seq,occurred_at,actor_type,actor_id,action,target_type,target_id,changes,hash,prev_hash,hash_version\r\n",
      ),
    );
    assert.ok(
      csv.body.includes('1,2026-03-02T09:00:00.000Z,cli,"ops, ""night"" shift",organization.renamed,'),
    );
    const records = parseCsv(csv.body);
    assert.equal(records.length, 1 + 50);
    const first = records[1]!;
    assert.deepEqual(first.slice(0, 7), [
      "1",
      "2026-03-02T09:00:00.000Z",
      "cli",
      awkward,
      "organization.renamed",
      "organization",
      organizationId,
    ]);
    assert.equal(first[7], '{"name":{"from":"Old, Inc.","to":"New \\"Quoted\\"\\nCo"}}');
    assert.match(first[8]!, /^[0-9a-f]{64}$/);
    assert.equal(first[9], "0".repeat(64));
    assert.equal(records[2]![9], first[8]); // the chain: each row's prev_hash is the row before's hash
    // An auditor recomputes the first hash from the export alone, with the recipe of hash version 2
    // (docs/ARCHITECTURE.md): the timestamp as PostgreSQL prints it in UTC, fields joined by U+001F.
    assert.equal(first[10], "2");
    const input = [
      "steward-audit-v2",
      organizationId,
      "1",
      "2026-03-02 09:00:00+00",
      ...first.slice(2, 8),
      first[9],
    ];
    assert.equal(createHash("sha256").update(input.join("\x1f")).digest("hex"), first[8]);

    const filtered = parseCsv(
      (await exporter.get("/api/v1/audit-events/export?action=policy.published")).body,
    );
    assert.equal(filtered.length, 1 + 23);
    const json = await exporter.get("/api/v1/audit-events/export?format=json&actorId=cli");
    assert.equal(json.headers["content-type"], "application/json; charset=utf-8");
    assert.deepEqual(json.json(), {
      organizationId,
      exportedAt: "2026-03-04T09:00:00.000Z",
      count: 0,
      events: [],
    });
    type Exported = { count: number; events: { seq: number; actor: { id: string } }[] };
    const all = (await exporter.get("/api/v1/audit-events/export?format=json")).json<Exported>();
    assert.equal(all.count, 50);
    assert.deepEqual([all.events[0]!.seq, all.events[0]!.actor.id], [1, awkward]);
    const bad = await exporter.get("/api/v1/audit-events/export?format=xml");
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<ErrorBody>().error.fields[0]!.field, "query.format");
  });

  it("verifies the organization's chain and locates tampering", async () => {
    const server = await startTestServer(context.db);
    await history(server);
    const officer = await server.as("privacy-officer");
    assert.deepEqual((await officer.get("/api/v1/audit-events/verify")).json(), { ok: true, count: 49 });
    await tamper(
      context.db,
      `UPDATE audit_events SET changes = '{"policyId":"roles","version":9,"contentHash":"${"0".repeat(64)}"}'
        WHERE organization_id = $1 AND seq = 5`,
      [server.organization.id],
    );
    const broken = (await officer.get("/api/v1/audit-events/verify")).json<{
      ok: boolean;
      seq: number;
      problem: string;
    }>();
    assert.deepEqual([broken.ok, broken.seq, broken.problem], [false, 5, "altered"]);
  });

  it("lets owners, officers and auditors read, export and verify, and no one else", async () => {
    const server = await startTestServer(context.db);
    for (const role of roles) {
      const client = await server.as(role);
      for (const url of [
        "/api/v1/audit-events",
        "/api/v1/audit-events/export",
        "/api/v1/audit-events/verify",
      ]) {
        assert.equal(
          (await client.get(url)).statusCode,
          readers.includes(role) ? 200 : 403,
          `${role} ${url}`,
        );
      }
    }
  });
});

forEachDatabase("exportAuditEvents", (context) => {
  it("refuses an export larger than its limit instead of cutting it short", async () => {
    const server = await startTestServer(context.db);
    await history(server);
    const options = {
      db: context.db,
      organizationId: server.organization.id,
      format: "csv" as const,
      now: server.clock.now(),
    };
    const fits = await exportAuditEvents({ ...options, filter: {}, limit: 49 });
    assert.equal(fits.count, 49);
    await assert.rejects(exportAuditEvents({ ...options, filter: {}, limit: 48 }), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.status, 400);
      assert.deepEqual(error.fields, [
        { field: "query.from", message: "more than 48 events match; narrow the period with from and to" },
      ]);
      return true;
    });
  });
});
