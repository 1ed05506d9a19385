/** Evidence storage on both engines: encryption at rest, addressing, dedupe, tamper detection, linking. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf } from "../../../test/support/org-data.ts";
import { startTestServer, testEvidenceKeys, type TestServer } from "../../../test/support/server.ts";
import { sha256Hex } from "../../evidence/cipher.ts";
import { AppError } from "../../server/errors.ts";
import { downloadEvidence } from "./evidence-read.service.ts";
import { countEvidence } from "./evidence.repo.ts";
import { uploadFile } from "./evidence.test-support.ts";
import { linkEvidence } from "./evidence.service.ts";

const pdf = Buffer.from("%PDF-1.7 workforce training certificate, J. Doe, HIPAA basics\n");
const now = new Date("2026-03-02T09:00:00Z");

forEachDatabase("evidence storage", (context) => {
  const blobs = async (organizationId: string) =>
    (
      await context.db.query<{ sha256: string; keyId: string; ciphertext: Uint8Array }>(
        `SELECT sha256, key_id AS "keyId", ciphertext FROM evidence_blobs WHERE organization_id = $1`,
        [organizationId],
      )
    ).rows;
  const download = (server: TestServer, evidenceId: string, organizationId = server.organization.id) =>
    downloadEvidence({
      db: context.db,
      organizationId,
      viewer: { userId: server.members.owner.id, roles: ["owner"] },
      evidenceId,
      keys: testEvidenceKeys,
      now,
    });

  it("stores files encrypted, addressed by SHA-256, identical files once per organization", async () => {
    const server = await startTestServer(context.db);
    const org = server.organization.id;
    const userId = server.members.hr.id;
    const first = await uploadFile(context.db, org, { userId, data: pdf });
    const second = await uploadFile(context.db, org, { userId, data: pdf, effectiveDate: "2025-07-01" });
    assert.notEqual(first.row.id, second.row.id);
    assert.equal(first.row.sha256, sha256Hex(pdf));
    assert.deepEqual(
      [first.row.sizeBytes, first.row.filename, first.row.mediaType],
      [pdf.length, "evidence.pdf", "application/pdf"],
    );

    const stored = await blobs(org);
    assert.equal(stored.length, 1, "one blob for two uploads of the same file");
    assert.equal(stored[0]!.keyId, "test-key");
    const ciphertext = Buffer.from(stored[0]!.ciphertext);
    assert.equal(ciphertext.includes(Buffer.from("training certificate")), false, "no plaintext at rest");
    assert.equal(ciphertext.length, pdf.length + 28);

    const other = await server.otherOrganization();
    await uploadFile(context.db, other.id, { userId: other.ownerId, data: pdf });
    assert.equal((await blobs(other.id)).length, 1, "organizations never share a blob");
    assert.deepEqual((await download(server, second.row.id)).data, pdf);

    const events = await eventsOf(context.db, org, "evidence.uploaded");
    assert.deepEqual(
      events.map((e) => [e.targetId, e.changes]),
      [
        [
          first.row.id,
          {
            kind: "file",
            sha256: sha256Hex(pdf),
            sizeBytes: pdf.length,
            effectiveDate: "2026-01-15",
            retainUntil: "2032-01-15",
          },
        ],
        [
          second.row.id,
          {
            kind: "file",
            sha256: sha256Hex(pdf),
            sizeBytes: pdf.length,
            effectiveDate: "2025-07-01",
            retainUntil: "2031-07-01",
          },
        ],
      ],
    );
  });

  it("refuses a tampered blob and a blob moved from another organization, recording no download", async () => {
    const server = await startTestServer(context.db);
    const other = await server.otherOrganization();
    const org = server.organization.id;
    const mine = await uploadFile(context.db, org, { userId: server.members.owner.id, data: pdf });
    const theirs = await uploadFile(context.db, other.id, { userId: other.ownerId, data: pdf });
    const integrity = (error: unknown) =>
      error instanceof AppError && error.code === "internal" && /integrity check/.test(error.message);

    // Another organization's sealed copy of the very same file does not open here.
    await context.db.query(
      `UPDATE evidence_blobs SET ciphertext = (SELECT ciphertext FROM evidence_blobs WHERE organization_id = $2)
        WHERE organization_id = $1`,
      [org, other.id],
    );
    await assert.rejects(download(server, mine.row.id), integrity);

    // One flipped bit in the other organization's blob.
    const [blob] = await blobs(other.id);
    const flipped = Buffer.from(blob!.ciphertext);
    flipped[40] = flipped[40]! ^ 0x80;
    await context.db.query("UPDATE evidence_blobs SET ciphertext = $2 WHERE organization_id = $1", [
      other.id,
      flipped,
    ]);
    await assert.rejects(download(server, theirs.row.id, other.id), integrity);
    assert.deepEqual(await eventsOf(context.db, org, "evidence.downloaded"), []);
    assert.deepEqual(await eventsOf(context.db, other.id, "evidence.downloaded"), []);
  });

  it("answers 503 naming STEWARD_EVIDENCE_KEYS when no key is configured, storing nothing", async () => {
    const server = await startTestServer(context.db);
    const org = server.organization.id;
    await assert.rejects(
      uploadFile(context.db, org, { userId: server.members.owner.id, data: pdf, keys: null }),
      (error) => {
        assert.ok(error instanceof AppError);
        assert.deepEqual([error.code, error.status], ["unavailable", 503]);
        assert.match(error.message, /STEWARD_EVIDENCE_KEYS/);
        return true;
      },
    );
    assert.deepEqual(await blobs(org), []);
  });

  it("links evidence for other modules only when every id is undisposed evidence of the organization", async () => {
    const server = await startTestServer(context.db);
    const other = await server.otherOrganization();
    const org = server.organization.id;
    const userId = server.members.owner.id;
    const actor = { type: "user" as const, id: userId };
    const a = await uploadFile(context.db, org, { userId, data: "a" });
    const b = await uploadFile(context.db, org, {
      userId,
      data: "b",
      subject: { subjectType: "occurrence", subjectId: "occ_2" },
    });
    const foreign = await uploadFile(context.db, other.id, { userId: other.ownerId, data: "c" });
    const link = (evidenceIds: string[], subjectId: string) =>
      context.db.transaction((tx) =>
        linkEvidence(tx, {
          organizationId: org,
          evidenceIds,
          subjectType: "occurrence",
          subjectId,
          actor,
          now,
        }),
      );

    assert.equal(await link([a.row.id, b.row.id, a.row.id], "occ_1"), 2);
    assert.equal(await link([a.row.id], "occ_1"), 0, "linking again changes nothing");
    for (const ids of [[a.row.id, "evd_unknown"], [foreign.row.id]])
      await assert.rejects(
        link(ids, "occ_3"),
        (error) => error instanceof AppError && error.message === "evidence not found",
      );

    const counts = await countEvidence(context.db, org, "occurrence", ["occ_1", "occ_2", "occ_3"]);
    assert.deepEqual(
      [...counts],
      [
        ["occ_1", 2],
        ["occ_2", 1],
        ["occ_3", 0],
      ],
    );
    const linked = await eventsOf(context.db, org, "evidence.linked");
    assert.deepEqual(
      linked.map((e) => [e.targetId, e.changes.subjectId]),
      [
        [b.row.id, "occ_2"],
        [a.row.id, "occ_1"],
        [b.row.id, "occ_1"],
      ],
    );
    assert.deepEqual(await countEvidence(context.db, org, "occurrence", []), new Map());
  });
});
