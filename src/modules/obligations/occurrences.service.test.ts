/**
 * Triggered work and closing it: a hire creates training due N days after the start date, a
 * termination the access revocation due N hours after it; nobody completes a review of their own
 * activity (service and route); evidence is required where the commitment says so; completing the
 * work turns the dashboard line to met.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { insertPerson, occurrencesOf, publishedOrganization } from "../../../test/support/obligations.ts";
import type { TestServer } from "../../../test/support/server.ts";
import type { Database } from "../../db/index.ts";
import { startOfLocalDay } from "../../obligations/deadlines.ts";
import { AppError } from "../../server/errors.ts";
import type { TriggerEvent } from "../../templates/frontmatter.ts";
import type { DashboardView } from "../dashboard/dashboard.schema.ts";
import { completeOccurrence, waiveOccurrence } from "./occurrences.service.ts";
import { raiseObligationEvent } from "./triggers.service.ts";

const zone = "America/Los_Angeles";

async function raise(
  db: Database,
  server: TestServer,
  event: TriggerEvent,
  occurredAt: Date,
  extra: { personId?: string; subjectUserId?: string } = {},
) {
  return db.transaction((tx) =>
    raiseObligationEvent(tx, {
      organizationId: server.organization.id,
      event,
      occurredAt,
      subject: { type: "person", id: extra.personId ?? "per_none" },
      ...extra,
      timeZone: zone,
      actor: { type: "user", id: server.members.hr.id },
      now: server.clock.now(),
    }),
  );
}

async function linkEvidence(
  server: TestServer,
  role: "security-officer" | "privacy-officer" | "workforce-member",
) {
  const response = await (
    await server.as(role)
  ).post("/api/v1/evidence/links", {
    title: "Record of the work",
    url: "https://tickets.example/W-1",
    effectiveDate: "2026-03-02",
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string }>().id;
}

/** The test server's workforce member joins the roster today; returns their training occurrence. */
async function hireWorkforceMember(db: Database, server: TestServer) {
  const member = server.members["workforce-member"];
  const orgId = server.organization.id;
  const personId = await insertPerson(db, orgId, {
    email: member.email,
    startDate: "2026-03-02",
    userId: member.id,
  });
  await raise(db, server, "workforce.hired", startOfLocalDay("2026-03-02", zone), { personId });
  return (await occurrencesOf(db, orgId, "new-member-training"))[0];
}

forEachDatabase("triggered work and completion", (context) => {
  it("a hire creates training due 30 days after the start date; completing it turns the dashboard line to met", async () => {
    const server = await publishedOrganization(context.db);
    const training = await hireWorkforceMember(context.db, server);
    assert.equal(training!.dueOn, "2026-04-01"); // 30 days (training.newHireDays default) after March 2

    const officer = await server.as("security-officer");
    const line = async () =>
      (await officer.get("/api/v1/dashboard"))
        .json<DashboardView>()
        .commitments.find((c) => c.commitmentId === "new-member-training")!;
    assert.equal((await line()).status, "due");

    // The new hire sees it in their inbox and completes it with their certificate.
    const client = await server.as("workforce-member");
    const inbox = (await client.get("/api/v1/occurrences?scope=mine")).json<{
      occurrences: { id: string; commitmentId: string }[];
    }>();
    assert.deepEqual(
      inbox.occurrences.map((o) => o.commitmentId),
      ["new-member-training"],
    );
    const withoutEvidence = await client.post(`/api/v1/occurrences/${training!.id}/complete`, {});
    assert.equal(withoutEvidence.statusCode, 400);
    assert.equal(
      withoutEvidence.json<{ error: { fields: { field: string }[] } }>().error.fields[0]!.field,
      "body.evidenceIds",
    );
    const evidenceId = await linkEvidence(server, "workforce-member");
    const done = await client.post(`/api/v1/occurrences/${training!.id}/complete`, {
      evidenceIds: [evidenceId],
    });
    assert.equal(done.statusCode, 204, done.body);
    const after = await line();
    assert.deepEqual([after.status, after.counts.done, after.evidence], ["met", 1, 1]);
    const again = await client.post(`/api/v1/occurrences/${training!.id}/complete`, {
      evidenceIds: [evidenceId],
    });
    assert.equal(again.statusCode, 409);
  });

  it("a termination creates access revocation due the profile's hours after it", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    const personId = await insertPerson(context.db, orgId, {
      email: "leaver@example.com",
      startDate: "2025-01-06",
    });
    const at = new Date("2026-03-02T08:30:00Z");
    await raise(context.db, server, "workforce.terminated", at, { personId });
    const { rows } = await context.db.query<{ dueAt: Date; hours: number }>(
      `SELECT o.due_at AS "dueAt", ob.within_amount AS hours FROM occurrences o JOIN obligations ob ON ob.id = o.obligation_id
        WHERE o.organization_id = $1 AND ob.commitment_id = 'revoke-on-termination'`,
      [orgId],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.dueAt.getTime() - at.getTime(), rows[0]!.hours * 3_600_000);
  });

  it("nobody completes a review of their own activity, at the service and at the route", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    const officerId = server.members["security-officer"].id;
    // The Security Officer used emergency access: the review of that use is theirs to own but not to do.
    await raise(context.db, server, "access.emergency-used", server.clock.now(), {
      subjectUserId: officerId,
    });
    const [review] = await occurrencesOf(context.db, orgId, "emergency-access-review");
    const evidenceId = await linkEvidence(server, "security-officer");
    await assert.rejects(
      completeOccurrence({
        db: context.db,
        organizationId: orgId,
        occurrenceId: review!.id,
        caller: { userId: officerId, roles: ["security-officer"] },
        note: null,
        evidenceIds: [evidenceId],
        now: server.clock.now(),
      }),
      (e: unknown) => e instanceof AppError && e.code === "forbidden" && /own activity/.test(e.message),
    );
    const route = await (
      await server.as("security-officer")
    ).post(`/api/v1/occurrences/${review!.id}/complete`, { evidenceIds: [evidenceId] });
    assert.equal(route.statusCode, 403);
    assert.match(route.body, /own activity/);
    // Nothing was written by the refused attempts; the Privacy Officer completes it.
    assert.equal((await occurrencesOf(context.db, orgId, "emergency-access-review"))[0]!.completed, false);
    const other = await (
      await server.as("privacy-officer")
    ).post(`/api/v1/occurrences/${review!.id}/complete`, {
      evidenceIds: [await linkEvidence(server, "privacy-officer")],
    });
    assert.equal(other.statusCode, 204, other.body);
  });

  it("a waiver needs a reason and an approver other than the person the work concerns", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    const training = await hireWorkforceMember(context.db, server);
    const officer = await server.as("security-officer");
    const empty = await officer.post(`/api/v1/occurrences/${training!.id}/waive`, { reason: " " });
    assert.equal(empty.statusCode, 400);
    await waiveOccurrence({
      db: context.db,
      organizationId: orgId,
      occurrenceId: training!.id,
      caller: { userId: server.members["security-officer"].id, roles: ["security-officer"] },
      reason: "Completed the same course at a previous employer last month",
      now: server.clock.now(),
    });
    const view = (await officer.get(`/api/v1/occurrences/${training!.id}`)).json<{
      status: string;
      waivedBy: { id: string };
    }>();
    assert.deepEqual([view.status, view.waivedBy.id], ["waived", server.members["security-officer"].id]);
    // Work owed by someone else reads like an unknown id to a member without obligations:read.
    const someoneElse = await insertPerson(context.db, orgId, {
      email: "other@example.com",
      startDate: "2026-03-02",
    });
    await raise(context.db, server, "workforce.hired", startOfLocalDay("2026-03-02", zone), {
      personId: someoneElse,
    });
    const theirs = (await occurrencesOf(context.db, orgId, "new-member-training")).find(
      (o) => o.id !== training!.id,
    )!;
    const hidden = await (await server.as("workforce-member")).get(`/api/v1/occurrences/${theirs.id}`);
    const unknown = await (await server.as("workforce-member")).get("/api/v1/occurrences/occ_unknown");
    assert.deepEqual([hidden.statusCode, hidden.body], [unknown.statusCode, unknown.body]);
    assert.equal(hidden.statusCode, 404);
  });
});

forEachDatabase("events dated before the policies took effect", (context) => {
  it("still create the work, with the deadline counted from the event", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    // Recorded today (March 2), the hire started on February 20, before the policies (March 2).
    const personId = await insertPerson(context.db, orgId, {
      email: "early@example.com",
      startDate: "2026-02-20",
    });
    await raise(context.db, server, "workforce.hired", startOfLocalDay("2026-02-20", zone), { personId });
    const [training] = await occurrencesOf(context.db, orgId, "new-member-training");
    assert.equal(training!.dueOn, "2026-03-22");
  });
});
