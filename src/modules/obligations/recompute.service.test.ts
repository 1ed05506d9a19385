/**
 * The schedule follows the approved policy version: recomputing is idempotent, and a changed
 * cadence changes the schedule from the effective date on while past occurrences stay as they were.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf } from "../../../test/support/org-data.ts";
import {
  occurrencesOf,
  officersProfile,
  publishedOrganization,
  publishProfile,
} from "../../../test/support/obligations.ts";
import { renderPolicySet } from "../../templates/render.ts";
import { validateProfileData } from "../../profile/errors.ts";
import { findCurrentPolicyVersion } from "../policies/policies.repo.ts";
import { completeOccurrence } from "./occurrences.service.ts";
import { materializeOccurrences, recomputeObligations } from "./recompute.service.ts";

const zone = "America/Los_Angeles";

forEachDatabase("recomputeObligations", (context) => {
  it("creates one obligation per scheduled commitment and the first weekly log review", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    const { rows } = await context.db.query<{ kind: string; n: number }>(
      "SELECT kind, count(*)::int AS n FROM obligations WHERE organization_id = $1 GROUP BY kind ORDER BY kind",
      [orgId],
    );
    assert.ok(rows.find((r) => r.kind === "recurring")!.n >= 30);
    assert.ok(rows.find((r) => r.kind === "triggered")!.n >= 20);
    // Weekly from the day of publication (March 2, local): the first period ends on March 8.
    const reviews = await occurrencesOf(context.db, orgId, "log-review");
    assert.deepEqual(
      reviews.map((r) => [r.seriesKey, r.dueOn]),
      [["1", "2026-03-08"]],
    );
    const [recomputed] = await eventsOf(context.db, orgId, "obligations.recomputed");
    assert.equal(recomputed!.changes["effectiveFrom"], "2026-03-02");
  });

  it("is idempotent: the same version again keeps everything and adds nothing", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    const before = await context.db.query(
      "SELECT id, series_key, due_at FROM occurrences WHERE organization_id = $1 ORDER BY id",
      [orgId],
    );
    const version = (await findCurrentPolicyVersion(context.db, orgId))!;
    const checked = validateProfileData(officersProfile(server));
    assert.ok(checked.ok);
    const set = renderPolicySet(checked.profile);
    const result = await context.db.transaction((tx) =>
      recomputeObligations(tx, {
        organizationId: orgId,
        policyVersionId: version.id,
        commitments: set.policies.flatMap((p) => p.commitments),
        graceDays: 0,
        timeZone: zone,
        effectiveFrom: "2026-03-02",
        now: server.clock.now(),
        actor: { type: "user", id: server.members.owner.id },
      }),
    );
    assert.equal(result.opened, 0);
    assert.equal(result.closed, 0);
    assert.equal(result.superseded, 0);
    assert.equal(result.occurrencesAdded, 0);
    assert.ok(result.kept > 50);
    const after = await context.db.query(
      "SELECT id, series_key, due_at FROM occurrences WHERE organization_id = $1 ORDER BY id",
      [orgId],
    );
    assert.deepEqual(after.rows, before.rows);
  });

  it("changes the schedule from the effective date on; past occurrences stay as they were", async () => {
    const server = await publishedOrganization(context.db);
    const orgId = server.organization.id;
    const officer = { userId: server.members["security-officer"].id, roles: ["security-officer" as const] };
    // The first weekly review is done on time.
    server.clock.setTo("2026-03-05T18:00:00Z");
    const [first] = await occurrencesOf(context.db, orgId, "log-review");
    const evidence = await (
      await server.as("security-officer")
    ).post("/api/v1/evidence/links", {
      title: "Log review notes",
      url: "https://tickets.example/LR-1",
      effectiveDate: "2026-03-05",
    });
    assert.equal(evidence.statusCode, 201, evidence.body);
    const evidenceId = evidence.json<{ id: string }>().id;
    await completeOccurrence({
      db: context.db,
      organizationId: orgId,
      occurrenceId: first!.id,
      caller: officer,
      note: null,
      evidenceIds: [evidenceId],
      now: server.clock.now(),
    });
    // Two weeks later the scheduler has written the next periods; the second was missed.
    server.clock.setTo("2026-03-20T17:00:00Z");
    await context.db.transaction((tx) => materializeOccurrences(tx, orgId, zone, server.clock.now()));
    assert.deepEqual(
      (await occurrencesOf(context.db, orgId, "log-review")).map((r) => r.dueOn),
      ["2026-03-08", "2026-03-15", "2026-03-22"],
    );

    // A new version moves log reviews to every two weeks, effective today (March 20).
    await publishProfile(
      context.db,
      server,
      officersProfile(server, (body) => {
        body["auditing"] = { logReviewCadence: "2 weeks" };
        body.governance.effectiveDate = "2026-03-20";
      }),
    );
    const after = await occurrencesOf(context.db, orgId, "log-review");
    assert.deepEqual(
      after.map((r) => [r.dueOn, r.completed, r.superseded]),
      [
        ["2026-03-08", true, false], // done on time, unchanged
        ["2026-03-15", false, false], // missed before the change: still owed, still overdue
        ["2026-03-22", false, true], // due after the change: set aside, kept for history
        ["2026-04-02", false, false], // the new schedule: two weeks from March 20
      ],
    );
    assert.equal(after[0]!.obligationId, after[2]!.obligationId);
    assert.notEqual(after[3]!.obligationId, after[0]!.obligationId);
    const { rows } = await context.db.query<{
      from: string;
      until: string | null;
      every: number;
      unit: string;
    }>(
      `SELECT effective_from AS "from", effective_until AS until, cadence_every AS every, cadence_unit AS unit
         FROM obligations WHERE organization_id = $1 AND commitment_id = 'log-review' ORDER BY effective_from, effective_until NULLS LAST`,
      [orgId],
    );
    assert.deepEqual(rows, [
      { from: "2026-03-02", until: "2026-03-20", every: 1, unit: "week" },
      { from: "2026-03-20", until: null, every: 2, unit: "week" },
    ]);
    // Two commitments read auditing.logReviewCadence (log review, and the IDS alert review).
    const events = await eventsOf(context.db, orgId, "obligations.recomputed");
    assert.deepEqual(
      {
        opened: events[1]!.changes["opened"],
        closed: events[1]!.changes["closed"],
        superseded: events[1]!.changes["superseded"],
      },
      { opened: 2, closed: 2, superseded: 2 },
    );
  });
});
