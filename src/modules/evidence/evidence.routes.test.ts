/** The evidence API through the in-process server: uploads, downloads in the trail, who sees what. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { clientFor, eventsOf, type ErrorBody } from "../../../test/support/org-data.ts";
import { startTestServer, type Client } from "../../../test/support/server.ts";
import { sha256Hex } from "../../evidence/cipher.ts";
import type { EvidenceView } from "./evidence.schema.ts";
import { multipartBody, type FilePart } from "./evidence.test-support.ts";

const scan = Buffer.from([
  0x25,
  0x50,
  0x44,
  0x46,
  0x00,
  0xff,
  0x0a,
  0x0d,
  ...Buffer.from("risk analysis 2026"),
]);

function upload(client: Client, fields: Record<string, string>, files: FilePart[] = []) {
  return client.request({ method: "POST", url: "/api/v1/evidence", ...multipartBody(fields, files) });
}

forEachDatabase("evidence API", (context) => {
  it("uploads a file, links it, and records every download before sending it", async () => {
    const server = await startTestServer(context.db);
    const member = await server.as("workforce-member");
    const created = await upload(
      member,
      { title: "Risk analysis", effectiveDate: "2026-02-27", subjectType: "occurrence", subjectId: "occ_1" },
      [{ filename: "Überprüfung: Q1?.pdf", mediaType: "application/pdf; charset=binary", data: scan }],
    );
    assert.equal(created.statusCode, 201, created.body);
    const view = created.json<EvidenceView>();
    assert.deepEqual(
      [view.kind, view.filename, view.mediaType, view.sizeBytes, view.sha256, view.retainUntil],
      ["file", "Überprüfung_ Q1_.pdf", "application/pdf", scan.length, sha256Hex(scan), "2032-02-27"],
    );
    assert.deepEqual(
      view.links.map((l) => [l.subjectType, l.subjectId]),
      [["occurrence", "occ_1"]],
    );
    assert.deepEqual(view.uploadedBy, server.members["workforce-member"].id);

    const officer = await server.as("security-officer");
    for (const client of [member, officer, await server.as("auditor")]) {
      const content = await client.get(`/api/v1/evidence/${view.id}/content`);
      assert.equal(content.statusCode, 200, content.body);
      assert.deepEqual(content.rawPayload, scan);
      assert.equal(content.headers["content-type"], "application/octet-stream");
      assert.equal(content.headers["cache-control"], "no-store");
      assert.equal(
        content.headers["content-disposition"],
        `attachment; filename="_berpr_fung_ Q1_.pdf"; filename*=UTF-8''${encodeURIComponent("Überprüfung_ Q1_.pdf")}`,
      );
    }
    const downloads = await eventsOf(context.db, server.organization.id, "evidence.downloaded");
    assert.deepEqual(
      downloads.map((e) => [e.actorId, e.targetId, e.changes]),
      ["workforce-member", "security-officer", "auditor"].map((role) => [
        server.members[role as "auditor"].id,
        view.id,
        { sha256: sha256Hex(scan), sizeBytes: scan.length },
      ]),
    );
    const listed = (await officer.get("/api/v1/evidence?subjectType=occurrence&subjectId=occ_1")).json<{
      evidence: EvidenceView[];
    }>();
    assert.deepEqual(
      listed.evidence.map((e) => e.id),
      [view.id],
    );
    assert.deepEqual((await officer.get("/api/v1/evidence?subjectType=occurrence&subjectId=occ_2")).json(), {
      evidence: [],
      total: 0,
      nextOffset: null,
    });
  });

  it("pages the list, newest first, with the total of every page", async () => {
    const server = await startTestServer(context.db);
    const officer = await server.as("security-officer");
    const titles = ["Scan 1", "Scan 2", "Scan 3", "Scan 4", "Scan 5"];
    for (const title of titles) {
      server.clock.advanceMinutes(1);
      const made = await officer.post("/api/v1/evidence/links", {
        title,
        url: `https://scans.example/${title.replace(" ", "-")}`,
        effectiveDate: "2026-02-27",
        subjectType: "occurrence",
        subjectId: "occ_9",
      });
      assert.equal(made.statusCode, 201, made.body);
    }
    type Page = { evidence: EvidenceView[]; total: number; nextOffset: number | null };
    const pages: [string[], number, number | null][] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const page: Page = (await officer.get(`/api/v1/evidence?limit=2&offset=${offset}`)).json<Page>();
      pages.push([page.evidence.map((e) => e.title), page.total, page.nextOffset]);
      offset = page.nextOffset;
    }
    assert.deepEqual(pages, [
      [["Scan 5", "Scan 4"], 5, 2],
      [["Scan 3", "Scan 2"], 5, 4],
      [["Scan 1"], 5, null],
    ]);
    // Past the end: no rows, and still the count.
    assert.deepEqual((await officer.get("/api/v1/evidence?offset=10")).json(), {
      evidence: [],
      total: 5,
      nextOffset: null,
    });
    // The member without evidence:read counts only their own uploads.
    const member = await server.as("workforce-member");
    assert.deepEqual((await member.get("/api/v1/evidence")).json<Page>().total, 0);
    for (const [query, field] of [
      ["limit=0", "query.limit"],
      ["limit=501", "query.limit"],
      ["limit=ten", "query.limit"],
      ["offset=-1", "query.offset"],
    ]) {
      const refused = await officer.get(`/api/v1/evidence?${query}`);
      assert.equal(refused.statusCode, 400, query);
      assert.deepEqual(
        refused.json<ErrorBody>().error.fields.map((f) => f.field),
        [field],
        query,
      );
    }
  });

  it("shows members their own uploads only, and answers 404 alike for foreign and unknown ids", async () => {
    const server = await startTestServer(context.db);
    const officer = await server.as("security-officer");
    const member = await server.as("workforce-member");
    server.clock.advanceMinutes(1);
    const officers = (
      await upload(officer, { title: "BAA", effectiveDate: "2026-01-05" }, [
        { filename: "baa.pdf", data: scan },
      ])
    ).json<EvidenceView>();
    server.clock.advanceMinutes(1);
    const own = (
      await upload(member, { title: "Training", effectiveDate: "2026-01-06" }, [
        { filename: "cert.pdf", data: Buffer.from("cert") },
      ])
    ).json<EvidenceView>();
    const other = await server.otherOrganization();
    const outsider = await clientFor(server, context.db, other.ownerId, other.id);
    const foreign = (
      await upload(outsider, { title: "Theirs", effectiveDate: "2026-01-07" }, [
        { filename: "x.pdf", data: scan },
      ])
    ).json<EvidenceView>();

    assert.deepEqual(
      (await member.get("/api/v1/evidence")).json<{ evidence: EvidenceView[] }>().evidence.map((e) => e.id),
      [own.id],
    );
    assert.deepEqual(
      (await officer.get("/api/v1/evidence")).json<{ evidence: EvidenceView[] }>().evidence.map((e) => e.id),
      [own.id, officers.id],
    );
    const notFound = { code: "not_found", message: "evidence not found", fields: [] };
    const attempts: [Client, string][] = [
      [member, officers.id],
      [officer, foreign.id],
      [officer, "evd_unknown"],
    ];
    for (const [client, id] of attempts) {
      for (const response of [
        await client.get(`/api/v1/evidence/${id}`),
        await client.get(`/api/v1/evidence/${id}/content`),
        await client.post(`/api/v1/evidence/${id}/links`, { subjectType: "member", subjectId: "usr_1" }),
      ]) {
        assert.equal(response.statusCode, 404, response.body);
        assert.deepEqual(response.json<ErrorBody>().error, notFound);
      }
    }
    for (const response of [
      await officer.put(`/api/v1/evidence/${foreign.id}/legal-hold`, { hold: true, reason: "x" }),
      await officer.put(`/api/v1/evidence/${foreign.id}/last-effective-date`, { date: "2026-02-01" }),
      await officer.delete(`/api/v1/evidence/${foreign.id}`),
    ])
      assert.deepEqual(response.json<ErrorBody>().error, notFound);
    assert.equal((await member.get(`/api/v1/evidence/${own.id}/content`)).statusCode, 200);
    // Subjects reach the permanent audit trail: only known record types and ids in Steward's shape.
    const freeText = await officer.post(`/api/v1/evidence/${officers.id}/links`, {
      subjectType: "note",
      subjectId: "Jane Doe, diagnosis",
    });
    assert.equal(freeText.statusCode, 400);
    assert.deepEqual(
      freeText.json<ErrorBody>().error.fields.map((f) => f.field),
      ["body.subjectType", "body.subjectId"],
    );
    assert.equal((await (await server.as("auditor")).post("/api/v1/evidence/links", {})).statusCode, 403);
  });

  it("names the field of every bad input", async () => {
    const server = await startTestServer(context.db);
    const hr = await server.as("hr");
    const fields = (response: Awaited<ReturnType<typeof upload>>) => {
      assert.equal(response.statusCode, 400, response.body);
      return response.json<ErrorBody>().error.fields.map((f) => `${f.field}: ${f.message}`);
    };
    const good = { title: "Roster", effectiveDate: "2026-01-01" };
    const file = [{ filename: "a.csv", data: Buffer.from("a,b") }];
    assert.deepEqual(fields(await upload(hr, good)), ["body.file: attach a file"]);
    assert.deepEqual(fields(await upload(hr, good, [{ filename: "e.txt", data: Buffer.alloc(0) }])), [
      "body.file: the file is empty",
    ]);
    assert.deepEqual(fields(await upload(hr, { ...good, effectiveDate: "2026-02-30" }, file)), [
      "body.effectiveDate: expected a date that exists in the calendar",
    ]);
    assert.deepEqual(fields(await upload(hr, { effectiveDate: "03/01/2026" }, file)), [
      "body.title: Invalid input: expected string, received undefined",
      "body.effectiveDate: expected a date (YYYY-MM-DD)",
    ]);
    assert.deepEqual(fields(await upload(hr, { ...good, subjectType: "occurrence" }, file)), [
      "body.subjectId: expected subjectType and subjectId together",
    ]);
    assert.deepEqual(fields(await upload(hr, good, [...file, ...file])), ["body.file: send one file"]);
    const big = [{ filename: "big.bin", data: Buffer.alloc(25 * 1_048_576 + 1, 1) }];
    assert.deepEqual(fields(await upload(hr, good, big)), ["body.file: the file is larger than 25 MB"]);
    assert.deepEqual(fields(await hr.post("/api/v1/evidence", good)), [
      "body: expected multipart/form-data with a file and its fields",
    ]);
    assert.deepEqual(
      fields(await hr.post("/api/v1/evidence/links", { ...good, url: "ftp://files.example/roster" })),
      ["body.url: expected an http or https address"],
    );
    assert.equal(
      (await hr.post("/api/v1/evidence/links", { ...good, url: "https://tickets.example/42" })).statusCode,
      201,
    );
    assert.deepEqual(
      await eventsOf(context.db, server.organization.id, "evidence.uploaded").then((e) => e.length),
      1,
    );
  });

  it("holds, disposes, and answers 503 when the server has no evidence key", async () => {
    const server = await startTestServer(context.db);
    const officer = await server.as("privacy-officer");
    const old = (
      await upload(officer, { title: "2018 audit", effectiveDate: "2018-06-01" }, [
        { filename: "a.pdf", data: scan },
      ])
    ).json<EvidenceView>();
    assert.equal(
      (await officer.put(`/api/v1/evidence/${old.id}/legal-hold`, { hold: true, reason: "subpoena" }))
        .statusCode,
      200,
    );
    const refused = await officer.delete(`/api/v1/evidence/${old.id}`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json<ErrorBody>().error.message, /legal hold/);
    assert.deepEqual((await officer.post("/api/v1/evidence/dispose")).json(), { disposed: [] });
    await officer.put(`/api/v1/evidence/${old.id}/legal-hold`, { hold: false, reason: "released" });
    const disposed = (await officer.post("/api/v1/evidence/dispose")).json<{ disposed: EvidenceView[] }>();
    assert.deepEqual(
      disposed.disposed.map((e) => [e.id, e.disposedAt]),
      [[old.id, "2026-03-02T09:00:00.000Z"]],
    );
    assert.equal((await officer.get(`/api/v1/evidence/${old.id}/content`)).statusCode, 409);
    assert.equal(
      (await officer.get(`/api/v1/evidence?includeDisposed=true`)).json<{ evidence: unknown[] }>().evidence
        .length,
      1,
    );

    const keyless = await startTestServer(context.db, { evidenceKeys: null });
    const response = await upload(await keyless.as("owner"), { title: "x", effectiveDate: "2026-01-01" }, [
      { filename: "a", data: scan },
    ]);
    assert.equal(response.statusCode, 503);
    assert.equal(response.json<ErrorBody>().error.code, "unavailable");
  });
});
