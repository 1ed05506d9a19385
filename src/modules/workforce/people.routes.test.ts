/** The roster API: hires start training with the right deadline, updates, refusals, other organizations. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { clientFor, eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { hire, publishBrightpath } from "./workforce.fixtures.ts";

interface Work {
  commitmentId: string;
  dueOn: string;
  dueAt: string;
  status: string;
  trigger: { event: string; subjectType: string; subjectId: string } | null;
}
interface Detail {
  id: string;
  userId: string | null;
  status: string;
  supervisor: { id: string; name: string } | null;
  openWork: Work[];
}

forEachDatabase("people API", (context) => {
  it("hires: new-hire training falls due newHireDays after the local start date", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    // 2026-03-02 starts at 08:00Z in Los Angeles (PST); 30 days later ends at 07:00Z (PDT).
    const today = await hire(server, { email: "ana@example.com", startDate: "2026-03-02" });
    const hr = await server.as("hr");
    const detail = (await hr.get(`/api/v1/people/${today.id}`)).json<Detail>();
    const training = detail.openWork.filter((w) => w.commitmentId === "new-member-training");
    assert.equal(training.length, 1);
    assert.deepEqual(
      [training[0]!.dueOn, training[0]!.dueAt, training[0]!.trigger],
      [
        "2026-04-01",
        "2026-04-02T07:00:00.000Z",
        { event: "workforce.hired", subjectType: "person", subjectId: today.id },
      ],
    );
    const later = await hire(server, {
      email: "ben@example.com",
      startDate: "2026-03-16",
      supervisorId: today.id,
    });
    const laterWork = (await hr.get(`/api/v1/people/${later.id}`)).json<Detail>();
    const due = laterWork.openWork.find((w) => w.commitmentId === "new-member-training")!;
    assert.deepEqual([due.dueOn, due.dueAt], ["2026-04-15", "2026-04-16T07:00:00.000Z"]);
    assert.deepEqual(laterWork.supervisor, { id: today.id, name: "Test Person" });

    const hired = await eventsOf(context.db, server.organization.id, "person.hired");
    assert.deepEqual(hired[0]!.changes, {
      kind: "employee",
      startDate: "2026-03-02",
      supervisorId: null,
      userId: null,
    });
    assert.equal(hired[0]!.actorId, server.members.hr.id);
    const raised = await eventsOf(context.db, server.organization.id, "obligation.event-raised");
    assert.ok(raised.some((e) => e.changes.event === "workforce.hired" && e.changes.subjectId === today.id));

    const training2 = (await hr.get("/api/v1/training")).json<{
      people: { person: { id: string }; courses: { commitmentId: string; nextDueOn: string | null }[] }[];
    }>();
    const row = training2.people.find((p) => p.person.id === today.id)!;
    assert.equal(row.courses.find((c) => c.commitmentId === "new-member-training")!.nextDueOn, "2026-04-01");
    // The yearly refresher series starts with the hire: its first period ends a year after the start.
    assert.equal(row.courses.find((c) => c.commitmentId === "refresher-training")!.nextDueOn, "2027-03-01");
  });

  it("links the member account with the same email, now or on a later update", async () => {
    const server = await startTestServer(context.db);
    const linked = await hire(server, { email: server.members["workforce-member"].email.toUpperCase() });
    assert.equal(linked.userId, server.members["workforce-member"].id);
    const unlinked = await hire(server, { email: "newcomer@example.com" });
    assert.equal(unlinked.userId, null);
    const hr = await server.as("hr");
    const moved = await hr.put(`/api/v1/people/${unlinked.id}`, { email: server.members.approver.email });
    assert.equal(moved.json<Detail>().userId, server.members.approver.id);
    const [updated] = await eventsOf(context.db, server.organization.id, "person.updated");
    assert.deepEqual(updated!.changes, {
      fields: ["email"],
      supervisorId: null,
      userId: { from: null, to: server.members.approver.id },
    });
  });

  it("raises workforce.role-changed on a new job title, and refuses bad supervisors and duplicates", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const boss = await hire(server, { email: "boss@example.com" });
    const worker = await hire(server, { email: "worker@example.com", supervisorId: boss.id });
    const hr = await server.as("hr");
    const changed = await hr.put(`/api/v1/people/${worker.id}`, { jobTitle: "Lead engineer" });
    assert.equal(changed.statusCode, 200, changed.body);
    const work = (await hr.get(`/api/v1/people/${worker.id}`)).json<Detail>().openWork;
    const review = work.find((w) => w.commitmentId === "role-change-access")!;
    assert.deepEqual(
      [review.dueAt, review.trigger?.event],
      ["2026-03-03T09:00:00.000Z", "workforce.role-changed"],
    );

    const self = await hr.put(`/api/v1/people/${worker.id}`, { supervisorId: worker.id });
    assert.equal(self.statusCode, 400);
    assert.deepEqual(self.json<ErrorBody>().error.fields, [
      { field: "body.supervisorId", message: "a person cannot be their own supervisor" },
    ]);
    const loop = await hr.put(`/api/v1/people/${boss.id}`, { supervisorId: worker.id });
    assert.equal(loop.statusCode, 400);
    const duplicate = await hr.post("/api/v1/people", {
      fullName: "Again",
      email: "Worker@Example.com",
      kind: "contractor",
      startDate: "2026-03-02",
    });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(
      duplicate.json<ErrorBody>().error.message,
      "a person with this email is already on the roster",
    );
    const early = await hr.post(`/api/v1/people/${worker.id}/termination`, { lastDay: "2026-03-01" });
    assert.equal(early.statusCode, 400);
    assert.deepEqual(early.json<ErrorBody>().error.fields, [
      { field: "body.lastDay", message: "expected a last day on or after the start date" },
    ]);
  });

  it("answers 404 for another organization's people, as for unknown ids", async () => {
    const server = await startTestServer(context.db);
    const ours = await hire(server, { email: "ours@example.com" });
    const other = await server.otherOrganization();
    const outsider = await clientFor(server, context.db, other.ownerId, other.id);
    const theirs = await outsider.post("/api/v1/people", {
      fullName: "Theirs",
      email: "theirs@example.com",
      kind: "employee",
      startDate: "2026-03-02",
      supervisorId: ours.id,
    });
    assert.equal(theirs.statusCode, 404);
    assert.equal(theirs.json<ErrorBody>().error.message, "supervisor not found");
    for (const response of [
      await outsider.get(`/api/v1/people/${ours.id}`),
      await outsider.put(`/api/v1/people/${ours.id}`, { jobTitle: "x" }),
      await outsider.post(`/api/v1/people/${ours.id}/termination`, { lastDay: "2026-03-02" }),
      await outsider.post("/api/v1/access/requests", {
        personId: ours.id,
        system: "x",
        level: "x",
        justification: "x",
      }),
      await outsider.post("/api/v1/sanctions", {
        personId: ours.id,
        occurredOn: "2026-03-01",
        category: "other",
        action: "retraining",
      }),
    ]) {
      assert.equal(response.statusCode, 404, response.body);
    }
    const list = (await outsider.get("/api/v1/people")).json<{ people: unknown[] }>();
    assert.deepEqual(list.people, []);
  });
});
