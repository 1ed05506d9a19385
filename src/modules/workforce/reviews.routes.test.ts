/** Access review campaigns: items, separation of duties (service and route), revocation, closing. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { AppError } from "../../server/errors.ts";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { clientFor, eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { decideReviewItem } from "./reviews.service.ts";
import { grantFor, hire, hireMember, publishBrightpath } from "./workforce.fixtures.ts";

interface Review {
  id: string;
  closedAt: string | null;
  occurrenceId: string | null;
  counts: { items: number; kept: number; revoked: number; open: number };
  items: {
    id: string;
    grant: { id: string; person: { id: string }; revokedAt: string | null };
    decision: string | null;
  }[];
}

forEachDatabase("access reviews", (context) => {
  it("lists every active grant; nobody reviews their own access; revoke revokes; close when settled", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const officerPerson = await hireMember(server, "security-officer");
    const other = await hire(server, { email: "other@example.com" });
    const own = await grantFor(server, officerPerson.id);
    const kept = await grantFor(server, other.id, { system: "Support inbox" });
    const dropped = await grantFor(server, other.id, { system: "Billing console" });
    const officer = await server.as("security-officer");
    const started = await officer.post("/api/v1/access/reviews");
    assert.equal(started.statusCode, 201, started.body);
    const review = started.json<Review>();
    assert.deepEqual(review.counts, { items: 3, kept: 0, revoked: 0, open: 3 });
    assert.equal((await officer.post("/api/v1/access/reviews")).statusCode, 409);
    const item = (grantId: string) => review.items.find((i) => i.grant.id === grantId)!;
    const decide = (client: typeof officer, grantId: string, decision: string) =>
      client.post(`/api/v1/access/reviews/${review.id}/items/${item(grantId).id}`, { decision });

    const refused = await decide(officer, own.grantId, "keep");
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<ErrorBody>().error.message, "nobody may review their own access");
    await assert.rejects(
      decideReviewItem({
        db: context.db,
        organizationId: server.organization.id,
        caller: { userId: server.members["security-officer"].id, roles: ["security-officer"] },
        reviewId: review.id,
        itemId: item(own.grantId).id,
        decision: "revoke",
        now: server.clock.now(),
      }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === "forbidden" &&
        error.message === "nobody may review their own access",
    );

    assert.equal((await decide(officer, kept.grantId, "keep")).statusCode, 200);
    const revoked = (await decide(officer, dropped.grantId, "revoke")).json<Review>();
    assert.notEqual(revoked.items.find((i) => i.grant.id === dropped.grantId)!.grant.revokedAt, null);
    assert.equal((await decide(officer, kept.grantId, "revoke")).statusCode, 409);
    const early = await officer.post(`/api/v1/access/reviews/${review.id}/close`, {});
    assert.equal(early.statusCode, 409);
    assert.equal(
      early.json<ErrorBody>().error.message,
      "1 item is still undecided; decide every item before closing",
    );

    const colleague = await server.as("privacy-officer");
    assert.equal((await decide(colleague, own.grantId, "keep")).statusCode, 200);
    const { occurrences } = (
      await officer.get("/api/v1/occurrences?scope=all&commitmentId=access-review")
    ).json<{
      occurrences: { id: string }[];
    }>();
    const closed = await officer.post(`/api/v1/access/reviews/${review.id}/close`, {
      occurrenceId: occurrences[0]!.id,
    });
    assert.equal(closed.statusCode, 200, closed.body);
    const result = closed.json<Review>();
    assert.deepEqual(
      [result.counts, result.occurrenceId],
      [{ items: 3, kept: 2, revoked: 1, open: 0 }, occurrences[0]!.id],
    );
    assert.equal((await colleague.post(`/api/v1/access/reviews/${review.id}/close`, {})).statusCode, 409);

    const organizationId = server.organization.id;
    assert.equal((await eventsOf(context.db, organizationId, "access-review.item-decided")).length, 3);
    const [revokedEvent] = await eventsOf(context.db, organizationId, "access.revoked");
    assert.deepEqual(revokedEvent!.changes, { personId: other.id, reason: "review" });
    const [closedEvent] = await eventsOf(context.db, organizationId, "access-review.closed");
    assert.deepEqual(closedEvent!.changes, {
      items: 3,
      kept: 2,
      revoked: 1,
      occurrenceId: occurrences[0]!.id,
    });
  });

  it("refuses an occurrence of another commitment, and unknown campaigns with 404", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const officer = await server.as("security-officer");
    const review = (await officer.post("/api/v1/access/reviews")).json<Review>();
    const { occurrences } = (
      await officer.get("/api/v1/occurrences?scope=all&commitmentId=log-review")
    ).json<{
      occurrences: { id: string }[];
    }>();
    const wrong = await officer.post(`/api/v1/access/reviews/${review.id}/close`, {
      occurrenceId: occurrences[0]!.id,
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json<ErrorBody>().error.fields[0]!.field, "body.occurrenceId");
    assert.equal((await officer.get("/api/v1/access/reviews/arv_none")).statusCode, 404);
    const other = await server.otherOrganization();
    const outsider = await clientFor(server, context.db, other.ownerId, other.id);
    assert.equal((await outsider.get(`/api/v1/access/reviews/${review.id}`)).statusCode, 404);
    assert.equal((await outsider.post(`/api/v1/access/reviews/${review.id}/close`, {})).statusCode, 404);
    assert.equal((await officer.post(`/api/v1/access/reviews/${review.id}/close`, {})).statusCode, 200);
  });
});
