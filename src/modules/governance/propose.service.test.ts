/** Proposing: every problem answers 400 naming the field (the profile path for values), storing nothing. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { publishFirstVersion } from "./governance.test-support.ts";

forEachDatabase("proposing policy changes", (context) => {
  const count = async (organizationId: string) =>
    (
      await context.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM policy_changes WHERE organization_id = $1",
        [organizationId],
      )
    ).rows[0]!.n;

  it("needs a published first version", async () => {
    const server = await startTestServer(context.db);
    const early = await (
      await server.as("security-officer")
    ).post("/api/v1/changes", {
      summary: "Too early",
      effectiveDate: "2026-03-10",
      profileChanges: [{ path: "access.idleLogoffMinutes", value: 10 }],
    });
    assert.equal(early.statusCode, 409);
    assert.match(early.json<ErrorBody>().error.message, /^no policies are published yet/);
  });

  it("names the profile path of a bad value, the field of a bad request, and the file of a template problem", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const officer = await server.as("security-officer");
    const send = async (body: Record<string, unknown>) => {
      const response = await officer.post("/api/v1/changes", {
        summary: "Try",
        effectiveDate: "2026-03-10",
        ...body,
      });
      assert.equal(response.statusCode, 400, response.body);
      return response.json<ErrorBody>().error;
    };
    const value = (path: string, v: unknown) => ({ profileChanges: [{ path, value: v }] });

    assert.deepEqual((await send(value("auditing.logReviewCadence", "sometimes"))).fields, [
      {
        field: "auditing.logReviewCadence",
        message: `expected a cadence such as 'monthly', '2 weeks' or { every: 2, unit: week }, got "sometimes" (text)`,
      },
    ]);
    assert.deepEqual((await send(value("auditing.logReviewCadense", "weekly"))).fields, [
      { field: "auditing.logReviewCadense", message: 'unknown field; did you mean "logReviewCadence"?' },
    ]);
    assert.deepEqual((await send(value("access.idleLogoffMinutes.hours", 1))).fields, [
      {
        field: "body.profileChanges.0.path",
        message:
          "access.idleLogoffMinutes is a single value, so access.idleLogoffMinutes.hours cannot be set; set access.idleLogoffMinutes itself",
      },
    ]);
    assert.deepEqual((await send(value("governance.effectiveDate", "2026-04-01"))).fields, [
      {
        field: "body.profileChanges.0.path",
        message: "the effective date is set by the proposal's effectiveDate, not as a value",
      },
    ]);
    assert.deepEqual(
      (await send({ ...value("access.idleLogoffMinutes", 10), effectiveDate: "2026-03-01" })).fields,
      [
        {
          field: "body.effectiveDate",
          message: "expected 2026-03-02 or later (today in America/Los_Angeles)",
        },
      ],
    );
    assert.deepEqual((await send({})).fields, [
      {
        field: "body.profileChanges",
        message: "expected at least one profile value or section text to change",
      },
    ]);
    assert.deepEqual((await send({ profileChanges: [{ path: "access.idleLogoffMinutes" }] })).fields, [
      {
        field: "body.profileChanges.0.value",
        message: "expected the field's new value (null clears an optional field)",
      },
    ]);
    const template = await send(value("organization.description", "TBD"));
    assert.equal(template.message, "the policies could not be built from this profile");
    assert.equal(template.fields[0]!.field, "content/policies/introduction.md");
    assert.equal(await count(server.organization.id), 0);
    assert.deepEqual(await eventsOf(context.db, server.organization.id, "change.proposed"), []);
  });

  it("stores the draft with its hash and writes change.proposed", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const response = await (
      await server.as("privacy-officer")
    ).post("/api/v1/changes", {
      summary: "Shorter idle logoff",
      effectiveDate: "2026-03-02",
      profileChanges: [{ path: "access.idleLogoffMinutes", value: 10 }],
    });
    assert.equal(response.statusCode, 201, response.body);
    const change = response.json<{ id: string; number: number; contentHash: string; status: string }>();
    assert.deepEqual([change.number, change.status], [1, "proposed"]);
    const events = await eventsOf(context.db, server.organization.id, "change.proposed");
    assert.deepEqual(
      events.map((e) => [e.actorId, e.targetId, e.changes]),
      [
        [
          server.members["privacy-officer"].id,
          change.id,
          {
            number: 1,
            contentHash: change.contentHash,
            effectiveDate: "2026-03-02",
            profilePaths: ["access.idleLogoffMinutes"],
            sections: [],
          },
        ],
      ],
    );
    // The current profile is untouched until the change is published.
    const profile = (await (await server.as("owner")).get("/api/v1/profile")).json<{
      version: number;
      data: { access: { idleLogoffMinutes: number } };
    }>();
    assert.deepEqual([profile.version, profile.data.access.idleLogoffMinutes], [1, 15]);
  });
});
