/** Roster import: every problem reported by row and column, all or nothing, training for recent starters. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { hire, publishBrightpath } from "./workforce.fixtures.ts";

const header = "full_name,email,kind,job_title,supervisor_email,start_date,end_date";

async function rosterSize(server: { organization: { id: string } }, db: Parameters<typeof eventsOf>[0]) {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM people WHERE organization_id = $1",
    [server.organization.id],
  );
  return rows[0]!.n;
}

forEachDatabase("people import", (context) => {
  it("reports every problem as row N, column: problem and writes nothing", async () => {
    const server = await startTestServer(context.db);
    await hire(server, { email: "kept@example.com" });
    const hr = await server.as("hr");
    const csv = [
      header,
      "Ana Lima,ana@example.com,employee,Engineer,,2026-02-20,",
      "Ben Ode,not-an-email,staff,,boss@example.com,2026-02-30,",
      "Cy Park,ANA@example.com,contractor,,,2025-01-01,2024-12-31",
      "Di Kept,kept@example.com,employee,,,2025-01-01",
    ].join("\r\n");
    const response = await hr.post("/api/v1/people/import", { csv });
    assert.equal(response.statusCode, 400);
    const { error } = response.json<ErrorBody>();
    assert.equal(error.message, "the file has 8 problems; nothing was imported");
    assert.deepEqual(
      error.fields.map((f) => f.message),
      [
        "row 3, email: expected an email address",
        "row 3, kind: expected employee or contractor",
        "row 3, start_date: expected a date that exists, as YYYY-MM-DD",
        "row 3, supervisor_email: no person with this email in the file or on the roster",
        "row 4, email: the same email is on row 2",
        "row 4, end_date: expected a date on or after start_date",
        "row 5: expected 7 cells, found 6",
        "row 5, email: already on the roster",
      ],
    );
    assert.ok(error.fields.every((f) => f.field === "body.csv"));
    assert.equal(await rosterSize(server, context.db), 1);
    assert.deepEqual(await eventsOf(context.db, server.organization.id, "people.imported"), []);

    const columns = await hr.post("/api/v1/people/import", { csv: "name,email\r\nA,a@example.com" });
    assert.deepEqual(
      columns.json<ErrorBody>().error.fields.map((f) => f.message),
      [
        "row 1, name: unknown column; expected full_name, email, kind, job_title, supervisor_email, start_date, end_date",
        "row 1, full_name: missing column",
        "row 1, kind: missing column",
        "row 1, start_date: missing column",
      ],
    );
    const unclosed = await hr.post("/api/v1/people/import", { csv: `${header}\n"Open,a@example.com` });
    assert.deepEqual(unclosed.json<ErrorBody>().error.fields, [
      { field: "body.csv", message: "row 2: a quoted cell is not closed" },
    ]);
  });

  it("imports in one step; only recent starters get the hire trigger", async () => {
    const server = await startTestServer(context.db);
    await publishBrightpath(server);
    const hr = await server.as("hr");
    const csv = [
      header,
      "Dana Reyes,dana@example.com,employee,Director,,2024-05-01,",
      "Eli Moss,eli@example.com,employee,Engineer,dana@example.com,2026-03-02,",
      '"Fay, Jr.",fay@example.com,contractor,,eli@example.com,2026-03-09,',
      `Gus Old,${server.members.approver.email},employee,,,2023-01-01,2025-06-30`,
    ].join("\n");
    const response = await hr.request({
      method: "POST",
      url: "/api/v1/people/import",
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{ imported: number; hireTriggers: number; personIds: string[] }>();
    assert.deepEqual([result.imported, result.hireTriggers], [4, 2]);
    const [, eli, fay, gus] = result.personIds;

    const detail = async (id: string) =>
      (await hr.get(`/api/v1/people/${id}`)).json<{
        userId: string | null;
        status: string;
        supervisor: { id: string } | null;
        openWork: { commitmentId: string; dueOn: string }[];
      }>();
    const training = async (id: string) =>
      (await detail(id)).openWork.filter((w) => w.commitmentId === "new-member-training").map((w) => w.dueOn);
    assert.deepEqual(await training(result.personIds[0]!), []);
    assert.deepEqual(await training(eli!), ["2026-04-01"]);
    assert.deepEqual(await training(fay!), ["2026-04-08"]);
    assert.equal((await detail(fay!)).supervisor?.id, eli);
    const old = await detail(gus!);
    assert.deepEqual([old.status, old.userId], ["left", server.members.approver.id]);
    const [imported] = await eventsOf(context.db, server.organization.id, "people.imported");
    assert.deepEqual(imported!.changes, { count: 4, hireTriggers: 2, personIds: result.personIds });
  });

  it("exports the roster in the import's columns, neutralizing formulas, and imports it back", async () => {
    const server = await startTestServer(context.db);
    const boss = await hire(server, { fullName: '=HYPERLINK("http://x")', email: "boss@example.com" });
    await hire(server, { fullName: 'Doe, "JD" Jane', email: "jd@example.com", supervisorId: boss.id });
    await hire(server, { fullName: "@SUM(A1)", email: "plus@example.com" });
    const response = await (await server.as("auditor")).get("/api/v1/people/export");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "text/csv; charset=utf-8");
    assert.equal(response.headers["content-disposition"], 'attachment; filename="people-2026-03-02.csv"');
    assert.equal(
      response.body,
      [
        `${header}\r\n`,
        `"'=HYPERLINK(""http://x"")",boss@example.com,employee,Engineer,,2026-03-02,\r\n`,
        `'@SUM(A1),plus@example.com,employee,Engineer,,2026-03-02,\r\n`,
        `"Doe, ""JD"" Jane",jd@example.com,employee,Engineer,boss@example.com,2026-03-02,\r\n`,
      ].join(""),
    );
    const fresh = await startTestServer(context.db);
    const back = await (await fresh.as("hr")).post("/api/v1/people/import", { csv: response.body });
    assert.equal(back.statusCode, 200, back.body);
    const names = (await (await fresh.as("hr")).get("/api/v1/people")).json<{
      people: { fullName: string }[];
    }>();
    assert.deepEqual(
      names.people.map((p) => p.fullName),
      ['=HYPERLINK("http://x")', "@SUM(A1)", 'Doe, "JD" Jane'],
    );
  });
});
