/** The profile API: versions, validation with `steward profile check`'s words, the form, roles. */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Role } from "../../auth/permissions.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { brightpathBody, countRows, eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";

interface Saved {
  version: number;
  created: boolean;
  contentHash: string;
  createdBy: string;
  createdByName: string | null;
  data: { access: { idleLogoffMinutes: number }; organization: { name: string } };
  warnings: { field: string; message: string; citation?: string }[];
}

const readers: Role[] = ["owner", "security-officer", "privacy-officer", "approver", "auditor"];
const editors: Role[] = ["owner", "security-officer", "privacy-officer"];

forEachDatabase("profile API", (context) => {
  it("saves versions, skips unchanged saves, and records what changed", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const first = await owner.put("/api/v1/profile", brightpathBody());
    assert.equal(first.statusCode, 200, first.body);
    const saved = first.json<Saved>();
    assert.deepEqual([saved.version, saved.created, saved.warnings], [1, true, []]);
    assert.equal(saved.createdBy, server.members.owner.id);
    assert.equal(saved.createdByName, "Test owner");
    assert.equal(saved.data.access.idleLogoffMinutes, 15);

    const again = (await owner.put("/api/v1/profile", brightpathBody())).json<Saved>();
    assert.deepEqual([again.version, again.created], [1, false]);

    const body = brightpathBody();
    body.access.idleLogoffMinutes = 10;
    const second = (await owner.put("/api/v1/profile?baseVersion=1", body)).json<Saved>();
    assert.deepEqual([second.version, second.created], [2, true]);

    const current = await (await server.as("auditor")).get("/api/v1/profile");
    assert.equal(current.statusCode, 200);
    assert.equal(current.json<Saved>().version, 2);
    assert.equal(current.json<Saved>().data.access.idleLogoffMinutes, 10);

    const list = await owner.get("/api/v1/profile/versions");
    const versions = list.json<{ versions: { version: number; isCurrent: boolean }[] }>().versions;
    assert.deepEqual(
      versions.map((v) => [v.version, v.isCurrent]),
      [
        [2, true],
        [1, false],
      ],
    );

    const events = await eventsOf(context.db, server.organization.id, "profile.version-created");
    assert.deepEqual(
      events.map((e) => [e.actorId, e.targetType, e.changes.version, e.changes.changedPaths]),
      [
        [server.members.owner.id, "profile-version", 1, []],
        [server.members.owner.id, "profile-version", 2, ["access.idleLogoffMinutes"]],
      ],
    );
    assert.equal(events[1]!.changes.contentHash, second.contentHash);
  });

  it("accepts the stored profile back unchanged (what the form sends after a load)", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    await owner.put("/api/v1/profile", brightpathBody());
    const stored = (await owner.get("/api/v1/profile")).json<Saved>();
    const resent = await owner.put("/api/v1/profile", stored.data);
    assert.equal(resent.statusCode, 200, resent.body);
    assert.deepEqual([resent.json<Saved>().version, resent.json<Saved>().created], [1, false]);
  });

  it("answers bad profiles with 400 and every field in `steward profile check`'s words, storing nothing", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const body = brightpathBody();
    body.access.idleLogoffMinutes = "ten";
    body.access.idleLogofMinutes = 10;
    body.governance.retentionYears = 3;
    const wrong = await owner.put("/api/v1/profile", body);
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(wrong.json<ErrorBody>().error, {
      code: "validation_failed",
      message: "the profile has 2 errors; fix the fields listed",
      fields: [
        { field: "access.idleLogoffMinutes", message: 'expected a whole number, got "ten" (text)' },
        { field: "access.idleLogofMinutes", message: 'unknown field; did you mean "idleLogoffMinutes"?' },
      ],
    });

    // Lint errors only show once the schema passes, and they block the save too.
    const lint = brightpathBody();
    lint.governance.retentionYears = 3;
    const refused = await owner.put("/api/v1/profile", lint);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(refused.json<ErrorBody>().error.fields, [
      {
        field: "governance.retentionYears",
        message:
          "documentation must be kept at least 6 years from creation or last effective date (45 CFR 164.316(b)(2)(i)), got 3",
      },
    ]);

    const missing = brightpathBody();
    delete missing.organization.name;
    assert.deepEqual((await owner.put("/api/v1/profile", missing)).json<ErrorBody>().error.fields, [
      {
        field: "organization.name",
        message:
          "required field is missing (expected short name used throughout the policy text, for example 'Northwind')",
      },
    ]);

    const list = await owner.put("/api/v1/profile", [1]);
    assert.equal(list.statusCode, 400);
    assert.deepEqual(list.json<ErrorBody>().error.fields, [
      {
        field: "profile",
        message:
          "expected a mapping of profile sections such as organization, services and hosting, got a list of 1 item",
      },
    ]);
    assert.equal(await countRows(context.db, "profile_versions", server.organization.id), 0);
    assert.deepEqual(await eventsOf(context.db, server.organization.id), []);
  });

  it("saves with lint warnings and returns them", async () => {
    const server = await startTestServer(context.db);
    const body = brightpathBody();
    body.access.idleLogoffMinutes = 45;
    const response = await (await server.as("security-officer")).put("/api/v1/profile", body);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json<Saved>().warnings, [
      {
        field: "access.idleLogoffMinutes",
        message:
          "automatic logoff should end idle sessions on systems with ePHI within 30 minutes (45 CFR 164.312(a)(2)(iii)), got 45",
        citation: "45 CFR 164.312(a)(2)(iii)",
      },
    ]);
  });

  it("refuses a save based on an older version, and a bad baseVersion", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    await owner.put("/api/v1/profile", brightpathBody());
    const body = brightpathBody();
    body.access.idleLogoffMinutes = 12;
    const stale = await owner.put("/api/v1/profile?baseVersion=2", body);
    assert.equal(stale.statusCode, 409);
    assert.deepEqual(stale.json<ErrorBody>().error, {
      code: "conflict",
      message: "the profile changed since you opened it; reload",
      fields: [],
    });
    const bad = await owner.put("/api/v1/profile?baseVersion=zero", body);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<ErrorBody>().error.fields[0]!.field, "query.baseVersion");
    assert.equal(await countRows(context.db, "profile_versions", server.organization.id), 1);
  });

  it("answers 404 before the first save, and serves the form schema with field descriptions", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const none = await owner.get("/api/v1/profile");
    assert.equal(none.statusCode, 404);
    assert.equal(none.json<ErrorBody>().error.message, "profile not found");
    assert.deepEqual((await owner.get("/api/v1/profile/versions")).json(), { versions: [] });

    type Node = { description?: string; properties?: Record<string, Node> };
    const form = (await owner.get("/api/v1/profile/form")).json<{ schema: Node & { $schema?: string } }>();
    const field = form.schema.properties!.access!.properties!.idleLogoffMinutes!;
    assert.equal(field.description, "Minutes of inactivity after which sessions on systems with ePHI end.");
    assert.equal(form.schema.$schema, undefined);
  });

  it("allows exactly the roles that read or edit the profile", async () => {
    const server = await startTestServer(context.db);
    await (await server.as("owner")).put("/api/v1/profile", brightpathBody());
    for (const role of [
      "owner",
      "security-officer",
      "privacy-officer",
      "approver",
      "hr",
      "workforce-member",
      "auditor",
    ] as const) {
      const client = await server.as(role);
      for (const url of ["/api/v1/profile", "/api/v1/profile/versions", "/api/v1/profile/form"]) {
        assert.equal(
          (await client.get(url)).statusCode,
          readers.includes(role) ? 200 : 403,
          `${role} GET ${url}`,
        );
      }
      const body = brightpathBody();
      body.access.idleLogoffMinutes = 20 + editors.indexOf(role);
      const save = await client.put("/api/v1/profile", body);
      assert.equal(save.statusCode, editors.includes(role) ? 200 : 403, `${role} PUT`);
    }
    assert.equal(await countRows(context.db, "profile_versions", server.organization.id), 1 + editors.length);
  });
});
