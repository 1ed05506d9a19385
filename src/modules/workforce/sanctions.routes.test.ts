/** The sanctions log: recorded with categories, no free text in the audit trail, exported as CSV. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { hire, publishBrightpath } from "./workforce.fixtures.ts";

forEachDatabase("sanctions log", (context) => {
  it("records, lists and exports sanctions; the trail holds ids and categories only", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const person = await hire(server, { fullName: "Sam Vale", email: "sam@example.com" });
    const hr = await server.as("hr");
    const notes = "=cmd|' /C calc'!A0 shared a password";
    const recorded = await hr.post("/api/v1/sanctions", {
      personId: person.id,
      occurredOn: "2026-02-27",
      category: "security-practice",
      action: "written-warning",
      policyId: "system-access",
      notes,
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const bad = await hr.post("/api/v1/sanctions", {
      personId: person.id,
      occurredOn: "2026-02-27",
      category: "gossip",
      action: "written-warning",
      policyId: "no-such-policy",
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<ErrorBody>().error.fields[0]!.field, "body.category");
    const unknownPolicy = await hr.post("/api/v1/sanctions", {
      personId: person.id,
      occurredOn: "2026-02-27",
      category: "other",
      action: "retraining",
      policyId: "no-such-policy",
    });
    assert.deepEqual(unknownPolicy.json<ErrorBody>().error.fields, [
      { field: "body.policyId", message: "expected the id of a published policy" },
    ]);

    const [event] = await eventsOf(context.db, server.organization.id, "sanction.recorded");
    assert.deepEqual(event!.changes, {
      personId: person.id,
      occurredOn: "2026-02-27",
      category: "security-practice",
      action: "written-warning",
      policyId: "system-access",
    });
    const list = (await hr.get("/api/v1/sanctions")).json<{
      sanctions: { notes: string; person: { name: string } }[];
    }>();
    assert.deepEqual([list.sanctions.length, list.sanctions[0]!.notes], [1, notes]);
    const csv = (await hr.get("/api/v1/sanctions/export")).body.split("\r\n");
    assert.equal(
      csv[0],
      "id,person_name,person_email,occurred_on,category,action,policy_id,notes,recorded_by,recorded_at",
    );
    assert.ok(csv[1]!.includes(`,'=cmd|' /C calc'!A0 shared a password,Test hr,`), csv[1]);

    const auditor = await server.as("auditor");
    assert.equal((await auditor.get("/api/v1/sanctions")).statusCode, 403);
  });
});
