/**
 * publishPolicies against a real database: nothing is left half-written when the audit write fails,
 * and after the first version a changed profile is refused (changes go through a proposal).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AuditError, verifyAuditChain, type AuditEventInput } from "../../audit/index.ts";
import { AppError } from "../../server/errors.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { brightpathBody, countRows, eventsOf } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { saveProfile } from "../profile/profile.service.ts";
import { publishPolicies } from "./policies.service.ts";

/** The event with a field the audit schema refuses (secret-named fields never reach the trail). */
const poisoned = (event: AuditEventInput): AuditEventInput =>
  ({ ...event, changes: { ...event.changes, password: "x" } }) as unknown as AuditEventInput;

forEachDatabase("publishPolicies", (context) => {
  it("rolls back the version and every event when an audit write fails mid-transaction", async () => {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    const actor = { type: "user" as const, id: server.members.owner.id };
    const now = server.clock.now();
    await saveProfile({ db: context.db, organizationId, actor, data: brightpathBody(), now });
    const before = await eventsOf(context.db, organizationId);

    // The 12th of 23 events fails: a version row and 11 events were already written in the transaction.
    await assert.rejects(
      publishPolicies({
        db: context.db,
        organizationId,
        actor,
        now,
        unsafeAlterEvent: (event, index) => (index === 11 ? poisoned(event) : event),
      }),
      (error: unknown) => error instanceof AuditError && error.code === "invalid-event",
    );
    assert.equal(await countRows(context.db, "policy_versions", organizationId), 0);
    assert.deepEqual(await eventsOf(context.db, organizationId), before);
    assert.deepEqual(await verifyAuditChain(context.db, { organizationId }), {
      ok: true,
      count: before.length,
      organizations: 1,
    });

    // The same publish without the fault succeeds and takes version 1: nothing was consumed.
    const published = await publishPolicies({ db: context.db, organizationId, actor, now });
    assert.deepEqual([published.version.version, published.created], [1, true]);
    assert.equal((await eventsOf(context.db, organizationId, "policy.published")).length, 23);
  });

  it("refuses to publish a changed profile directly once a version is published, keeping it current", async () => {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    const actor = { type: "user" as const, id: server.members.owner.id };
    const now = server.clock.now();
    await saveProfile({ db: context.db, organizationId, actor, data: brightpathBody(), now });
    const first = await publishPolicies({ db: context.db, organizationId, actor, now });
    const body = brightpathBody();
    body.access.idleLogoffMinutes = 10;
    await saveProfile({ db: context.db, organizationId, actor, data: body, now });
    // Changes after the first version go through a proposal (src/modules/governance).
    await assert.rejects(
      publishPolicies({ db: context.db, organizationId, actor, now }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === "conflict" &&
        /POST \/api\/v1\/changes/.test(error.message),
    );
    const { rows } = await context.db.query<{ version: number; is_current: boolean }>(
      "SELECT version, is_current FROM policy_versions WHERE organization_id = $1",
      [organizationId],
    );
    assert.deepEqual(rows, [{ version: first.version.version, is_current: true }]);
  });
});
