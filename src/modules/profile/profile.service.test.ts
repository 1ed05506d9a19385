/** Profile commands against a real database: transactions, concurrency, the event each writes. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AuditError, type Actor } from "../../audit/index.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { brightpathBody, countRows, eventsOf } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { checkProfileData, saveProfile, storeProfileVersion } from "./profile.service.ts";

function validProfile() {
  const checked = checkProfileData(brightpathBody());
  if (!checked.ok) throw new Error("the example profile no longer validates");
  return checked.profile;
}

forEachDatabase("profile commands", (context) => {
  it("writes nothing when the caller's transaction fails after storing a version", async () => {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    const actor: Actor = { type: "cli", id: "operator" };
    await assert.rejects(
      context.db.transaction(async (tx) => {
        const stored = await storeProfileVersion(tx, {
          organizationId,
          actor,
          profile: validProfile(),
          now: server.clock.now(),
        });
        assert.equal(stored.version.version, 1);
        throw new Error("a later step of the caller failed");
      }),
      /a later step of the caller failed/,
    );
    assert.equal(await countRows(context.db, "profile_versions", organizationId), 0);
    assert.deepEqual(await eventsOf(context.db, organizationId), []);
  });

  it("refuses to store a version without an actor, leaving nothing behind", async () => {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    await assert.rejects(
      saveProfile({
        db: context.db,
        organizationId,
        actor: { type: "user", id: "" },
        data: brightpathBody(),
        now: server.clock.now(),
      }),
      (error: unknown) => error instanceof AuditError && error.code === "no-actor",
    );
    assert.equal(await countRows(context.db, "profile_versions", organizationId), 0);
  });

  it("numbers concurrent saves one after another with one current version", async () => {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    const actor: Actor = { type: "user", id: server.members.owner.id };
    const saves = [10, 11, 12, 13].map((minutes) => {
      const body = brightpathBody();
      body.access.idleLogoffMinutes = minutes;
      return saveProfile({ db: context.db, organizationId, actor, data: body, now: server.clock.now() });
    });
    const results = await Promise.all(saves);
    assert.deepEqual(results.map((r) => r.version.version).sort(), [1, 2, 3, 4]);
    const { rows } = await context.db.query<{ version: number }>(
      "SELECT version FROM profile_versions WHERE organization_id = $1 AND is_current",
      [organizationId],
    );
    assert.deepEqual(rows, [{ version: 4 }]);
    const events = await eventsOf(context.db, organizationId, "profile.version-created");
    assert.deepEqual(
      events.map((e) => e.changes.version),
      [1, 2, 3, 4],
    );
  });
});
