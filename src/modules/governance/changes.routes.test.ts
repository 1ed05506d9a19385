/**
 * The governance journey through the API: propose a cadence change, read exactly what changes,
 * two officers approve, publish with a future effective date; the schedule follows from that date
 * while past work stays as it was, and every member is asked to acknowledge the new version.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import type { Mailer } from "../../server/deps.ts";
import { materializeOccurrences } from "../obligations/recompute.service.ts";
import type { ChangeDetail } from "./changes.schema.ts";
import { propose, publishFirstVersion, publishThroughChange } from "./governance.test-support.ts";
import { deliverOutbox, MAX_ATTEMPTS } from "../outbox/outbox.service.ts";

interface OccurrenceRow {
  id: string;
  obligationId: string;
  dueOn: string;
  completedAt: Date | null;
  supersededAt: Date | null;
}

forEachDatabase("policy changes API", (context) => {
  it("shows an announcement the mail server refused on the change page; the publish stands", async () => {
    let refused = "";
    const mailer: Mailer = {
      send: (message) =>
        message.to === refused
          ? Promise.reject(Object.assign(new Error(`550 ${message.to}`), { code: "EENVELOPE" }))
          : Promise.resolve(),
    };
    const server = await startTestServer(context.db, { mailer });
    refused = server.members.hr.email;
    await publishFirstVersion(server);
    await publishThroughChange(server, {
      effectiveDate: "2026-03-16",
      profileChanges: [{ path: "auditing.logReviewCadence", value: "2 weeks" }],
    });
    await server.mailDelivered();
    const officer = await server.as("security-officer");
    const { changes } = (await officer.get("/api/v1/changes")).json<{
      changes: { id: string; status: string }[];
    }>();
    const published = changes.find((c) => c.status === "published")!;
    const announcements = async () =>
      (await officer.get(`/api/v1/changes/${published.id}`)).json<ChangeDetail>().announcements;
    assert.deepEqual(await announcements(), { sent: 5, waiting: 1, givenUp: 0 });
    // Its last try fails too: given up, and said so.
    await context.db.query(
      "UPDATE outbox_emails SET attempts = $2, next_attempt_at = $3 WHERE organization_id = $1 AND sent_at IS NULL",
      [server.organization.id, MAX_ATTEMPTS - 1, server.clock.now()],
    );
    const run = await deliverOutbox({ db: context.db, mailer, clock: server.clock });
    assert.deepEqual(
      run.failures.map((f) => [f.reason, f.gaveUp]),
      [["Error EENVELOPE", true]],
    );
    assert.deepEqual(await announcements(), { sent: 5, waiting: 0, givenUp: 1 });
  });

  it("proposes, shows the diff, takes two approvals and publishes from a future date", async () => {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    await publishFirstVersion(server);
    const occurrences = async (commitmentId: string) =>
      (
        await context.db.query<OccurrenceRow>(
          `SELECT o.id, o.obligation_id AS "obligationId", o.due_on AS "dueOn", o.completed_at AS "completedAt",
                  o.superseded_at AS "supersededAt"
             FROM occurrences o JOIN obligations ob ON ob.organization_id = o.organization_id AND ob.id = o.obligation_id
            WHERE o.organization_id = $1 AND ob.commitment_id = $2 ORDER BY o.due_on`,
          [organizationId, commitmentId],
        )
      ).rows;
    // The first weekly review is done before the change is proposed.
    await context.db.query(
      `UPDATE occurrences SET completed_at = $2, completed_by = $3
        WHERE organization_id = $1 AND due_on = '2026-03-08'
          AND obligation_id IN (SELECT id FROM obligations WHERE commitment_id = 'log-review')`,
      [organizationId, server.clock.now(), server.members["security-officer"].id],
    );
    const before = await occurrences("log-review");
    assert.deepEqual(
      before.map((o) => [o.dueOn, o.completedAt !== null]),
      [["2026-03-08", true]],
    );

    const change = await propose(server, {
      summary: "Review logs every two weeks",
      effectiveDate: "2026-03-16",
      profileChanges: [{ path: "auditing.logReviewCadence", value: "2 weeks" }],
    });
    const officer = await server.as("security-officer");
    const read = async () => (await officer.get(`/api/v1/changes/${change.id}`)).json<ChangeDetail>();
    const detail = await read();
    assert.deepEqual([detail.number, detail.status, detail.effectiveDate], [1, "proposed", "2026-03-16"]);
    assert.deepEqual(detail.diff.profile, [
      { path: "auditing.logReviewCadence", from: { every: 1, unit: "week" }, to: { every: 2, unit: "week" } },
      { path: "governance.effectiveDate", from: "2026-03-01", to: "2026-03-16" },
    ]);
    // The intrusion-detection alert review follows the same profile value.
    assert.deepEqual(detail.diff.schedules, [
      { commitmentId: "log-review", policyId: "auditing", from: "every 1 week", to: "every 2 weeks" },
      {
        commitmentId: "ids-alert-review",
        policyId: "intrusion-detection",
        from: "every 1 week",
        to: "every 2 weeks",
      },
    ]);
    // The auditing policy changes by exactly the log-review sentence.
    const auditing = detail.diff.policies.find((p) => p.policyId === "auditing")!;
    const changed = auditing.hunks.flatMap((h) => h.lines).filter((l) => l.kind !== "context");
    const sentence =
      "1. The Security Officer must review the audit logs, access reports and security alerts of every production system";
    assert.deepEqual(changed, [
      { kind: "removed", text: `${sentence} every week.` },
      { kind: "added", text: `${sentence} every two weeks.` },
    ]);
    assert.deepEqual(detail.diff.policies.map((p) => p.policyId).sort(), [
      "auditing",
      "introduction",
      "intrusion-detection",
      "policy-management",
    ]);
    assert.deepEqual(
      detail.slots.map((s) => [s.role, s.holders.map((h) => h.userId), s.approvedBy]),
      [
        ["securityOfficer", [server.members["security-officer"].id], null],
        ["privacyOfficer", [server.members["privacy-officer"].id], null],
      ],
    );
    // The proposer withdraws rather than rejects.
    assert.deepEqual(detail.actions, { approve: true, reject: false, withdraw: true, publish: false });

    for (const role of ["security-officer", "privacy-officer"] as const) {
      const approved = await (
        await server.as(role)
      ).post(`/api/v1/changes/${change.id}/approve`, {
        contentHash: change.contentHash,
      });
      assert.equal(approved.statusCode, 200, approved.body);
    }
    const approvedDetail = await read();
    assert.deepEqual(approvedDetail.blockers, []);
    assert.deepEqual(approvedDetail.approvals, { required: 2, approved: 2 });
    assert.equal(approvedDetail.announcements, null, "nothing announced before publishing");
    assert.equal(approvedDetail.slots[1]!.approvedByName, "Test privacy-officer");

    server.sent.length = 0;
    const published = await (await server.as("owner")).post(`/api/v1/changes/${change.id}/publish`);
    assert.equal(published.statusCode, 200, published.body);
    const result = published.json<{
      version: number;
      effectiveDate: string;
      emails: { queued: number };
    }>();
    assert.deepEqual([result.version, result.effectiveDate, result.emails], [2, "2026-03-16", { queued: 6 }]);
    await server.mailDelivered();
    assert.deepEqual((await read()).announcements, { sent: 6, waiting: 0, givenUp: 0 });
    // One email per member asked to acknowledge (external auditors are not).
    const recipients = server.sent.map((m) => m.to).sort();
    const expected = (
      ["owner", "security-officer", "privacy-officer", "approver", "hr", "workforce-member"] as const
    )
      .map((role) => server.members[role].email)
      .sort();
    assert.deepEqual(recipients, expected);
    assert.match(server.sent[0]!.text, /version 2 of its HIPAA policies, effective 2026-03-16/);

    // The schedule: the weekly obligation ends on the effective date and a two-weekly one starts there.
    const { rows: obligations } = await context.db.query<{
      every: number;
      from: string;
      until: string | null;
    }>(
      `SELECT cadence_every AS every, effective_from AS "from", effective_until AS until FROM obligations
        WHERE organization_id = $1 AND commitment_id = 'log-review' ORDER BY effective_from`,
      [organizationId],
    );
    assert.deepEqual(obligations, [
      { every: 1, from: "2026-03-02", until: "2026-03-16" },
      { every: 2, from: "2026-03-16", until: null },
    ]);
    server.clock.advanceMinutes(40 * 24 * 60); // 2026-04-11
    await context.db.transaction((tx) =>
      materializeOccurrences(tx, organizationId, "America/Los_Angeles", server.clock.now()),
    );
    const after = await occurrences("log-review");
    assert.deepEqual(after[0], before[0]);
    const weekly = before[0]!.obligationId;
    assert.deepEqual(
      after.map((o) => [o.obligationId === weekly ? "weekly" : "two-weekly", o.dueOn, o.supersededAt]),
      [
        ["weekly", "2026-03-08", null],
        ["weekly", "2026-03-15", null],
        ["two-weekly", "2026-03-29", null],
        ["two-weekly", "2026-04-12", null],
      ],
    );

    const events = await eventsOf(context.db, organizationId);
    const governance = events.filter((e) => e.action.startsWith("change."));
    assert.deepEqual(
      governance.map((e) => [e.action, e.actorId]),
      [
        ["change.proposed", server.members["security-officer"].id],
        ["change.approved", server.members["security-officer"].id],
        ["change.approved", server.members["privacy-officer"].id],
        ["change.published", server.members.owner.id],
      ],
    );
    assert.deepEqual(governance[3]!.changes, {
      number: 1,
      contentHash: change.contentHash,
      policyVersion: 2,
      profileVersion: 2,
      effectiveDate: "2026-03-16",
    });

    // The members acknowledge the new text, and the list shows the change as published.
    const member = await server.as("workforce-member");
    const current = (await member.get("/api/v1/policies")).json<{
      version: number;
      contentHash: string;
      effectiveDate: string;
    }>();
    assert.deepEqual(
      [current.version, current.contentHash, current.effectiveDate],
      [2, change.contentHash, "2026-03-16"],
    );
    assert.equal(
      (await member.post("/api/v1/acknowledgments", { contentHash: change.contentHash })).statusCode,
      200,
    );
    const list = (await (await server.as("auditor")).get("/api/v1/changes")).json<{
      changes: { status: string; publishedVersion: number }[];
    }>();
    assert.deepEqual(
      list.changes.map((c) => [c.status, c.publishedVersion]),
      [["published", 2]],
    );
  });
});
