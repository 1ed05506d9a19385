/** Retention on both engines: six years from the date last in effect, legal hold, disposal. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { eventsOf } from "../../../test/support/org-data.ts";
import { startTestServer } from "../../../test/support/server.ts";
import { AppError } from "../../server/errors.ts";
import {
  disposeEvidence,
  disposeExpiredEvidence,
  setLastEffectiveDate,
  setLegalHold,
} from "./evidence-retention.service.ts";
import { uploadFile } from "./evidence.test-support.ts";

const now = new Date("2026-03-02T09:00:00Z");
const conflict = (pattern: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === "conflict" && pattern.test(error.message);

forEachDatabase("evidence retention", (context) => {
  async function setup() {
    const server = await startTestServer(context.db);
    const organizationId = server.organization.id;
    const userId = server.members["security-officer"].id;
    const manage = { db: context.db, organizationId, actor: { type: "user" as const, id: userId }, now };
    const upload = (data: string, effectiveDate: string) =>
      uploadFile(context.db, organizationId, { userId, data, effectiveDate });
    const blobCount = async () =>
      (
        await context.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM evidence_blobs WHERE organization_id = $1",
          [organizationId],
        )
      ).rows[0]!.n;
    return { organizationId, manage, upload, blobCount };
  }

  it("keeps evidence six years from its effective date, or from the date it was last in effect", async () => {
    const { organizationId, manage, upload } = await setup();
    const leap = await upload("leap-day policy", "2024-02-29");
    assert.equal(leap.row.retainUntil, "2030-02-28", "Feb 29 + 6 years is Feb 28");
    assert.equal((await upload("plain", "2026-01-15")).row.retainUntil, "2032-01-15");

    const ended = await setLastEffectiveDate({ ...manage, evidenceId: leap.row.id, date: "2025-06-30" });
    assert.deepEqual([ended.row.lastEffectiveDate, ended.row.retainUntil], ["2025-06-30", "2031-06-30"]);
    await assert.rejects(
      setLastEffectiveDate({ ...manage, evidenceId: leap.row.id, date: "2024-02-28" }),
      (error) => {
        assert.ok(error instanceof AppError);
        assert.deepEqual(
          error.fields.map((f) => f.field),
          ["body.date"],
        );
        return true;
      },
    );
    const reopened = await setLastEffectiveDate({ ...manage, evidenceId: leap.row.id, date: null });
    assert.equal(reopened.row.retainUntil, "2030-02-28");

    const events = await eventsOf(context.db, organizationId, "evidence.retention-changed");
    assert.deepEqual(
      events.map((e) => e.changes),
      [
        {
          lastEffectiveDate: { from: null, to: "2025-06-30" },
          retainUntil: { from: "2030-02-28", to: "2031-06-30" },
        },
        {
          lastEffectiveDate: { from: "2025-06-30", to: null },
          retainUntil: { from: "2031-06-30", to: "2030-02-28" },
        },
      ],
    );
  });

  it("blocks disposal under legal hold and before retention ends; release allows it", async () => {
    const { organizationId, manage, upload, blobCount } = await setup();
    const old = await upload("signed 2019 agreement", "2019-01-01");
    const recent = await upload("current agreement", "2025-01-01");
    await assert.rejects(
      disposeEvidence({ ...manage, evidenceId: recent.row.id }),
      conflict(/kept until 2031-01-01/),
    );

    await setLegalHold({ ...manage, evidenceId: old.row.id, hold: true, reason: "litigation hold 2026-04" });
    await assert.rejects(disposeEvidence({ ...manage, evidenceId: old.row.id }), conflict(/legal hold/));
    assert.deepEqual(await disposeExpiredEvidence(manage), [], "the held item is skipped");

    const released = await setLegalHold({
      ...manage,
      evidenceId: old.row.id,
      hold: false,
      reason: "case closed",
    });
    assert.deepEqual([released.row.legalHold, released.row.legalHoldReason], [false, "case closed"]);
    const disposed = await disposeExpiredEvidence(manage);
    assert.deepEqual(
      disposed.map((item) => item.row.id),
      [old.row.id],
    );
    assert.equal(disposed[0]!.row.disposedAt?.toISOString(), now.toISOString());
    assert.equal(disposed[0]!.row.disposedBy, manage.actor.id);
    assert.equal(await blobCount(), 1, "only the disposed file's blob is gone");
    await assert.rejects(
      disposeEvidence({ ...manage, evidenceId: old.row.id }),
      conflict(/already disposed/),
    );
    await assert.rejects(
      setLegalHold({ ...manage, evidenceId: old.row.id, hold: true, reason: "too late" }),
      conflict(/already disposed/),
    );

    assert.deepEqual(
      (await eventsOf(context.db, organizationId, "evidence.legal-hold-changed")).map((e) => e.changes),
      [{ legalHold: { from: false, to: true } }, { legalHold: { from: true, to: false } }],
    );
    const disposedEvents = await eventsOf(context.db, organizationId, "evidence.disposed");
    assert.deepEqual(
      disposedEvents.map((e) => [e.targetId, e.changes]),
      [[old.row.id, { retainUntil: "2025-01-01", blobDeleted: true }]],
    );
    for (const event of await eventsOf(context.db, organizationId))
      assert.ok(!JSON.stringify(event.changes).includes("litigation"), "hold reasons stay out of the trail");
  });

  it("keeps a blob that undisposed evidence still uses", async () => {
    const { manage, upload, blobCount } = await setup();
    const old = await upload("same bytes", "2018-05-01");
    await upload("same bytes", "2025-05-01");
    const disposed = await disposeEvidence({ ...manage, evidenceId: old.row.id });
    assert.ok(disposed.row.disposedAt);
    assert.equal(await blobCount(), 1);
    assert.deepEqual(await disposeExpiredEvidence(manage), []);
  });
});
