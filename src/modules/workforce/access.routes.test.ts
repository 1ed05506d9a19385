/** Access: request, separation of duties on the decision, grant with identity check, attention lists. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AppError } from "../../server/errors.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { decideAccessRequest } from "./access.service.ts";
import { grantFor, hire, hireMember, publishBrightpath } from "./workforce.fixtures.ts";

const body = (extra: Record<string, unknown> = {}) => ({
  system: "Billing console",
  level: "administrator",
  justification: "Month-end close",
  ...extra,
});

forEachDatabase("access API", (context) => {
  it("lets a member request their own access; only another officer may decide it", async () => {
    const server = await startTestServer(context.db);
    const officerPerson = await hireMember(server, "security-officer");
    const memberPerson = await hireMember(server, "workforce-member");
    const member = await server.as("workforce-member");
    const own = await member.post("/api/v1/access/requests", body());
    assert.equal(own.statusCode, 201, own.body);
    const request = own.json<{ id: string; person: { id: string }; status: string }>();
    assert.deepEqual([request.person.id, request.status], [memberPerson.id, "pending"]);
    const mine = (await member.get("/api/v1/access/requests")).json<{ requests: unknown[] }>();
    assert.equal(mine.requests.length, 1);
    const [requested] = await eventsOf(context.db, server.organization.id, "access.requested");
    assert.deepEqual(
      [requested!.targetId, requested!.changes],
      [request.id, { personId: memberPerson.id, temporaryUntil: null }],
    );

    // The security officer may decide neither a request for their own access nor one they made.
    const officer = await server.as("security-officer");
    const forSelf = (
      await officer.post("/api/v1/access/requests", body({ personId: officerPerson.id }))
    ).json<{
      id: string;
    }>();
    const selfDecision = await officer.post(`/api/v1/access/requests/${forSelf.id}/approve`, {});
    assert.equal(selfDecision.statusCode, 403);
    assert.equal(
      selfDecision.json<ErrorBody>().error.message,
      "nobody may decide a request for their own access",
    );
    const forOther = (
      await officer.post("/api/v1/access/requests", body({ personId: memberPerson.id }))
    ).json<{
      id: string;
    }>();
    const ownRequest = await officer.post(`/api/v1/access/requests/${forOther.id}/reject`, { note: "no" });
    assert.equal(ownRequest.statusCode, 403);
    assert.equal(
      ownRequest.json<ErrorBody>().error.message,
      "nobody may decide a request they made; another officer must",
    );
    // At service level too, whatever the route does.
    await assert.rejects(
      decideAccessRequest({
        db: context.db,
        organizationId: server.organization.id,
        caller: { userId: server.members["security-officer"].id, roles: ["security-officer"] },
        requestId: forSelf.id,
        decision: "approved",
        note: null,
        now: server.clock.now(),
      }),
      (error: unknown) => error instanceof AppError && error.code === "forbidden",
    );

    const other = await server.as("privacy-officer");
    assert.equal((await other.post(`/api/v1/access/requests/${forSelf.id}/approve`, {})).statusCode, 200);
    const granted = await other.post(`/api/v1/access/requests/${forSelf.id}/grant`, {
      verificationMethod: "in-person-id-check",
    });
    assert.equal(granted.statusCode, 201, granted.body);
    const grant = granted.json<{ verificationMethod: string; grantedBy: { id: string } }>();
    assert.deepEqual(
      [grant.verificationMethod, grant.grantedBy.id],
      ["in-person-id-check", server.members["privacy-officer"].id],
    );
    assert.equal(
      (
        await other.post(`/api/v1/access/requests/${forSelf.id}/grant`, {
          verificationMethod: "in-person-id-check",
        })
      ).statusCode,
      409,
    );
    const decided = await eventsOf(context.db, server.organization.id, "access.decided");
    assert.deepEqual(
      decided.map((e) => e.changes),
      [{ personId: officerPerson.id, decision: "approved" }],
    );
    const [grantedEvent] = await eventsOf(context.db, server.organization.id, "access.granted");
    assert.deepEqual(Object.keys(grantedEvent!.changes).sort(), [
      "expiresOn",
      "personId",
      "requestId",
      "verificationMethod",
    ]);
  });

  it("bounds temporary access by the profile and lists expired and inactive grants", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const person = await hire(server, { email: "temp@example.com" });
    const hr = await server.as("hr");
    const tooLong = await hr.post(
      "/api/v1/access/requests",
      body({ personId: person.id, temporaryUntil: "2026-04-02" }),
    );
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json<ErrorBody>().error.fields[0]!.field, "body.temporaryUntil");
    const temporary = await grantFor(server, person.id, { temporaryUntil: "2026-03-05" });
    const standing = await grantFor(server, person.id, { system: "Support inbox" });
    const officer = await server.as("security-officer");
    const future = await officer.put(`/api/v1/access/grants/${standing.grantId}/last-used`, {
      lastUsedOn: "2026-03-09",
    });
    assert.equal(future.statusCode, 400);

    server.clock.advanceMinutes(5 * 24 * 60); // 2026-03-07: the temporary grant ended on the 5th
    const used = await (
      await server.as("security-officer")
    ).put(`/api/v1/access/grants/${standing.grantId}/last-used`, {
      lastUsedOn: "2026-03-06",
    });
    assert.equal(used.statusCode, 200, used.body);
    const [usedEvent] = await eventsOf(context.db, server.organization.id, "access.last-used-recorded");
    assert.deepEqual(usedEvent!.changes, { lastUsedOn: { from: null, to: "2026-03-06" } });
    const reader = await server.as("auditor");
    const ids = async (query: string) =>
      (await reader.get(`/api/v1/access/grants${query}`))
        .json<{ grants: { id: string }[] }>()
        .grants.map((g) => g.id);
    assert.deepEqual(await ids("?attention=expired"), [temporary.grantId]);
    assert.deepEqual(await ids("?attention=inactive&days=3"), [temporary.grantId]);
    assert.deepEqual(await ids("?attention=inactive&days=10"), []);
    assert.deepEqual(await ids("?attention=inactive"), []);
    server.clock.advanceMinutes(4 * 24 * 60);
    const later = await server.as("auditor");
    const inactive = (await later.get("/api/v1/access/grants?attention=inactive&days=4")).json<{
      grants: { id: string }[];
    }>();
    assert.deepEqual(inactive.grants.map((g) => g.id).sort(), [temporary.grantId, standing.grantId].sort());
  });

  it("refuses unknown and foreign ids with 404 and bad bodies with 400", async () => {
    const server = await startTestServer(context.db);
    const officer = await server.as("security-officer");
    for (const [url, payload] of [
      ["/api/v1/access/requests/acr_x/approve", {}],
      ["/api/v1/access/requests/acr_x/grant", { verificationMethod: "manager-attestation" }],
      ["/api/v1/access/grants/acg_x/revoke", { reason: "review" }],
    ] as const) {
      const response = await officer.post(url, payload);
      assert.equal(response.statusCode, 404, url);
    }
    const unknownPerson = await officer.post("/api/v1/access/requests", body({ personId: "per_none" }));
    assert.equal(unknownPerson.statusCode, 404);
    const notOnRoster = await officer.post("/api/v1/access/requests", body());
    assert.equal(notOnRoster.statusCode, 404);
    const bad = await officer.post("/api/v1/access/requests/acr_x/grant", { verificationMethod: "guess" });
    assert.equal(bad.statusCode, 400);
  });
});
