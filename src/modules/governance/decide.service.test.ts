/**
 * The approval rules: only the people the profile names approve (403 otherwise, in the service and
 * through the route), the two-person rule, a stale draft, rejecting and withdrawing.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { clientFor, eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { AppError } from "../../server/errors.ts";
import type { ChangeDetail } from "./changes.schema.ts";
import { approveChange } from "./decide.service.ts";
import { governedProfile, propose, publishFirstVersion } from "./governance.test-support.ts";

const cadenceChange = {
  effectiveDate: "2026-03-20",
  profileChanges: [{ path: "auditing.logReviewCadence", value: "2 weeks" }],
};

forEachDatabase("approving policy changes", (context) => {
  it("refuses members who hold no approver slot, in the service and through the route", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const change = await propose(server, cadenceChange);
    // The owner is the profile's executive and may approve in general, but not a slot of this change.
    await assert.rejects(
      approveChange({
        db: context.db,
        organizationId: server.organization.id,
        changeId: change.id,
        actor: { type: "user", id: server.members.owner.id },
        contentHash: change.contentHash,
        now: server.clock.now(),
      }),
      (error: unknown) => error instanceof AppError && error.code === "forbidden",
    );
    const refused = await (
      await server.as("approver")
    ).post(`/api/v1/changes/${change.id}/approve`, {
      contentHash: change.contentHash,
    });
    assert.equal(refused.statusCode, 403);
    assert.match(
      refused.json<ErrorBody>().error.message,
      /^you hold none of the approver roles this change needs/,
    );
    const hr = await (
      await server.as("hr")
    ).post(`/api/v1/changes/${change.id}/approve`, {
      contentHash: change.contentHash,
    });
    assert.deepEqual(
      [hr.statusCode, hr.json<ErrorBody>().error.message],
      [403, "your role does not allow changes:approve"],
    );
    const wrongHash = await (
      await server.as("privacy-officer")
    ).post(`/api/v1/changes/${change.id}/approve`, {
      contentHash: "0".repeat(64),
    });
    assert.equal(wrongHash.statusCode, 409);
    assert.deepEqual(await eventsOf(context.db, server.organization.id, "change.approved"), []);
  });

  it("needs an approval by someone other than the proposer (two-person rule)", async () => {
    const server = await startTestServer(context.db);
    // One person is both officers, and both roles approve: the proposer alone holds every slot.
    const body = governedProfile(server);
    const people = body.people as Record<string, Record<string, unknown>>;
    people.privacyOfficer = { ...people.securityOfficer };
    await publishFirstVersion(server, body);
    const officer = await server.as("security-officer");
    const own = await propose(server, cadenceChange);
    const approved = await officer.post(`/api/v1/changes/${own.id}/approve`, {
      contentHash: own.contentHash,
    });
    assert.deepEqual(
      approved.json<ChangeDetail>().slots.map((s) => s.approvedBy),
      [server.members["security-officer"].id, server.members["security-officer"].id],
    );
    assert.deepEqual(approved.json<ChangeDetail>().blockers, [
      "two-person rule: someone other than the proposer must approve before publishing",
    ]);
    const refused = await (await server.as("owner")).post(`/api/v1/changes/${own.id}/publish`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json<ErrorBody>().error.message, /two-person rule/);

    // Withdrawn, and proposed by the owner instead: the officer's approval is then someone else's.
    assert.equal((await officer.post(`/api/v1/changes/${own.id}/withdraw`)).statusCode, 200);
    const withdrawn = await eventsOf(context.db, server.organization.id, "change.withdrawn");
    assert.deepEqual(
      withdrawn.map((e) => [e.actorId, e.targetId, e.changes]),
      [[server.members["security-officer"].id, own.id, { number: 1, contentHash: own.contentHash }]],
    );
    const ownerChange = await (
      await server.as("owner")
    ).post("/api/v1/changes", { summary: "Again", ...cadenceChange });
    const { id, contentHash } = ownerChange.json<{ id: string; contentHash: string }>();
    assert.equal((await officer.post(`/api/v1/changes/${id}/approve`, { contentHash })).statusCode, 200);
    const published = await (await server.as("owner")).post(`/api/v1/changes/${id}/publish`);
    assert.equal(published.statusCode, 200, published.body);
  });

  it("refuses a draft whose profile changed since it was proposed", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const change = await propose(server, cadenceChange);
    const edited = governedProfile(server);
    edited.access.idleLogoffMinutes = 12;
    // Saving the profile is still allowed (a draft for a later proposal)...
    assert.equal((await (await server.as("owner")).put("/api/v1/profile", edited)).statusCode, 200);
    // ...but this proposal was drafted on the earlier profile.
    const approve = await (
      await server.as("privacy-officer")
    ).post(`/api/v1/changes/${change.id}/approve`, {
      contentHash: change.contentHash,
    });
    const publish = await (await server.as("owner")).post(`/api/v1/changes/${change.id}/publish`);
    for (const response of [approve, publish]) {
      assert.equal(response.statusCode, 409);
      assert.equal(
        response.json<ErrorBody>().error.message,
        "the profile changed since this proposal was drafted; propose again",
      );
    }
    const detail = (
      await (await server.as("auditor")).get(`/api/v1/changes/${change.id}`)
    ).json<ChangeDetail>();
    assert.equal(detail.blockers[0], "the profile changed since this proposal was drafted; propose again");
    // Publishing the edited profile directly is refused too: it needs a proposal.
    const direct = await (await server.as("owner")).post("/api/v1/policies/publish");
    assert.equal(direct.statusCode, 409);
    assert.match(direct.json<ErrorBody>().error.message, /POST \/api\/v1\/changes/);
  });

  it("rejects with a reason (approvers only) and withdraws (proposer only)", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const change = await propose(server, cadenceChange);
    const url = `/api/v1/changes/${change.id}`;
    const notProposer = await (await server.as("privacy-officer")).post(`${url}/withdraw`);
    assert.equal(notProposer.statusCode, 403);
    const ownReject = await (await server.as("security-officer")).post(`${url}/reject`, { reason: "Mine" });
    assert.deepEqual(
      [ownReject.statusCode, ownReject.json<ErrorBody>().error.message],
      [403, "the proposer withdraws a change rather than rejecting it"],
    );
    const noReason = await (await server.as("privacy-officer")).post(`${url}/reject`, { reason: " " });
    assert.deepEqual(noReason.json<ErrorBody>().error.fields, [
      { field: "body.reason", message: "expected the reason for rejecting" },
    ]);
    const rejected = await (await server.as("privacy-officer")).post(`${url}/reject`, { reason: "Too slow" });
    assert.equal(rejected.statusCode, 200, rejected.body);
    const detail = rejected.json<ChangeDetail>();
    assert.deepEqual(
      [detail.status, detail.reason, detail.closedByName],
      ["rejected", "Too slow", "Test privacy-officer"],
    );
    assert.deepEqual(detail.actions, { approve: false, reject: false, withdraw: false, publish: false });
    const late = await (
      await server.as("security-officer")
    ).post(`${url}/approve`, { contentHash: change.contentHash });
    assert.deepEqual(
      [late.statusCode, late.json<ErrorBody>().error.message],
      [409, "the change is already rejected"],
    );
    // Another organization's members see no such change.
    const other = await server.otherOrganization();
    const outsider = await clientFor(server, context.db, other.ownerId, other.id);
    for (const response of [
      await outsider.get(url),
      await outsider.post(`${url}/withdraw`),
      await outsider.post(`${url}/publish`),
    ])
      assert.deepEqual(
        [response.statusCode, response.json<ErrorBody>().error.message],
        [404, "change not found"],
      );
    const events = await eventsOf(context.db, server.organization.id, "change.rejected");
    assert.deepEqual(
      events.map((e) => e.changes),
      [{ number: 1, contentHash: change.contentHash }],
    );
  });
});
