/** The dashboard through the API: grades per commitment and citation follow the clock and the work done. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { publishedOrganization } from "../../../test/support/obligations.ts";
import type { DashboardView } from "./dashboard.schema.ts";

forEachDatabase("dashboard API", (context) => {
  it("grades each commitment and citation, and the grades follow the clock", async () => {
    const server = await publishedOrganization(context.db);
    const read = async () => {
      // A new session each time: moving the clock a week ends an idle one.
      const response = await (await server.as("security-officer")).get("/api/v1/dashboard");
      assert.equal(response.statusCode, 200, response.body);
      return response.json<DashboardView>();
    };
    const first = await read();
    const status = (d: DashboardView, id: string) => d.commitments.find((c) => c.commitmentId === id)?.status;
    assert.equal(first.today, "2026-03-02");
    assert.equal(
      Object.values(first.totals).reduce((a, b) => a + b, 0),
      first.commitments.length,
    );
    // The first weekly log review is due on March 8: within seven days, so due now.
    assert.equal(status(first, "log-review"), "due");
    assert.equal(status(first, "revoke-on-termination"), "not-triggered");
    assert.equal(status(first, "no-self-review"), "standing");
    const cite = (d: DashboardView, id: string) => d.citations.find((c) => c.citation === id);
    assert.ok(cite(first, "164.308(a)(1)(ii)(D)")!.commitmentIds.includes("log-review"));
    assert.equal(cite(first, "164.308(a)(1)(ii)(D)")!.ra, "R");

    // Nobody did it: after March 8 (Los Angeles) it is overdue, and so is every citation it serves.
    server.clock.setTo("2026-03-09T08:00:00Z");
    const later = await read();
    assert.equal(status(later, "log-review"), "overdue");
    assert.equal(cite(later, "164.308(a)(1)(ii)(D)")!.status, "overdue");
    assert.ok(later.dueThisWeek.some((o) => o.commitmentId === "log-review" && o.status === "overdue"));
  });

  it("exports CSV by commitment and by citation, for readers only", async () => {
    const server = await publishedOrganization(context.db);
    const auditor = await server.as("auditor");
    const byCitation = await auditor.get("/api/v1/dashboard/export?by=citation");
    assert.equal(byCitation.statusCode, 200);
    assert.equal(byCitation.headers["content-type"], "text/csv; charset=utf-8");
    const lines = byCitation.body.split("\r\n").filter(Boolean);
    assert.equal(lines[0], "citation,title,required_or_addressable,status,commitments");
    assert.ok(lines.some((line) => line.startsWith("164.308(a)(1)(ii)(D),")));
    const byCommitment = await auditor.get("/api/v1/dashboard/export");
    assert.ok(byCommitment.body.split("\r\n")[0]!.startsWith("commitment,policy,section,owner,kind,status"));
    assert.equal((await (await server.as("workforce-member")).get("/api/v1/dashboard")).statusCode, 403);
  });
});
