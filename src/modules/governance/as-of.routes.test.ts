/**
 * The policies in effect on a date (by effective date, not publication date), and the annual
 * review: an obligation from the first publication that no publication completes by itself.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import type { ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { publishFirstVersion, publishThroughChange } from "./governance.test-support.ts";

interface AsOf {
  date: string;
  version: { version: number; effectiveDate: string } | null;
  policies: { id: string }[];
}

forEachDatabase("policies as of a date", (context) => {
  it("answers the version whose effective date is the latest on or before the date", async () => {
    const server = await startTestServer(context.db);
    const reader = await server.as("workforce-member");
    const on = async (date: string) => (await reader.get(`/api/v1/policies/as-of?date=${date}`)).json<AsOf>();
    assert.deepEqual(await on("2026-03-01"), { date: "2026-03-01", version: null, policies: [] });

    await publishFirstVersion(server); // effective 2026-03-01
    await publishThroughChange(server, {
      effectiveDate: "2026-03-16",
      profileChanges: [{ path: "auditing.logReviewCadence", value: "2 weeks" }],
    });
    const versionOn = async (date: string) => {
      const answer = await on(date);
      return answer.version && [answer.version.version, answer.version.effectiveDate, answer.policies.length];
    };
    assert.equal(await versionOn("2026-02-28"), null);
    assert.deepEqual(await versionOn("2026-03-01"), [1, "2026-03-01", 23]);
    // Version 2 is already current (members acknowledge it now) but not yet in effect.
    assert.deepEqual(await versionOn("2026-03-15"), [1, "2026-03-01", 23]);
    assert.deepEqual(await versionOn("2026-03-16"), [2, "2026-03-16", 23]);
    assert.deepEqual(await versionOn("2030-01-01"), [2, "2026-03-16", 23]);

    type Detail = { version: number; sections: { id: string; html: string }[] };
    const activity = async (date: string) => {
      const policy = (await reader.get(`/api/v1/policies/as-of/auditing?date=${date}`)).json<Detail>();
      return [policy.version, policy.sections.find((s) => s.id === "activity-review")!.html];
    };
    const [v1, early] = await activity("2026-03-10");
    assert.equal(v1, 1);
    assert.match(early as string, /every production system every week\./);
    const [v2, later] = await activity("2026-03-20");
    assert.equal(v2, 2);
    assert.match(later as string, /every production system every two weeks\./);

    const none = await reader.get("/api/v1/policies/as-of/auditing?date=2026-02-01");
    assert.deepEqual([none.statusCode, none.json<ErrorBody>().error.message], [404, "policy not found"]);
    const unknown = await reader.get("/api/v1/policies/as-of/no-such-policy?date=2026-03-20");
    assert.equal(unknown.statusCode, 404);
    const bad = await reader.get("/api/v1/policies/as-of?date=20.03.2026");
    assert.deepEqual(bad.json<ErrorBody>().error.fields, [
      { field: "query.date", message: "expected a date as YYYY-MM-DD" },
    ]);
    const missing = await reader.get("/api/v1/policies/as-of");
    assert.equal(missing.statusCode, 400);
  });

  it("schedules the annual policy review from the first publication and completes nothing by publishing", async () => {
    const server = await startTestServer(context.db);
    await publishFirstVersion(server);
    const review = async () =>
      (
        await context.db.query<{
          obligation: string;
          every: number;
          unit: string;
          until: string | null;
          done: number;
          open: number;
        }>(
          `SELECT ob.id AS obligation, ob.cadence_every AS every, ob.cadence_unit AS unit, ob.effective_until AS until,
                  count(o.completed_at)::int AS done, count(o.id) FILTER (WHERE o.completed_at IS NULL)::int AS open
             FROM obligations ob LEFT JOIN occurrences o ON o.organization_id = ob.organization_id AND o.obligation_id = ob.id
            WHERE ob.organization_id = $1 AND ob.commitment_id = 'policy-review'
            GROUP BY ob.id ORDER BY ob.effective_from`,
          [server.organization.id],
        )
      ).rows;
    const first = await review();
    assert.equal(first.length, 1);
    assert.deepEqual(
      [first[0]!.every, first[0]!.unit, first[0]!.until, first[0]!.done],
      [1, "year", null, 0],
    );
    assert.ok(first[0]!.open >= 1, "the first review is owed");

    await publishThroughChange(server, {
      effectiveDate: "2026-03-10",
      profileChanges: [{ path: "access.idleLogoffMinutes", value: 10 }],
    });
    // Same obligation (the cadence did not change), and still nothing done: a publication is not a review.
    assert.deepEqual(await review(), first);
  });
});
