import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runSteward } from "../support/cli.ts";
import { openDatabase } from "../../src/db/index.ts";
import { acknowledge, createOrganization, eventRow, tamper } from "./fixtures.ts";

const root = mkdtempSync(join(tmpdir(), "steward-audit-cli-"));
const dataDir = join(root, "data");
after(() => {
  rmSync(root, { recursive: true, force: true });
});

async function steward(...args: string[]) {
  const { code, out, err } = await runSteward(args);
  return { code, out, err };
}

describe("steward audit verify --data DIR (embedded database)", () => {
  before(async () => {
    const db = await openDatabase({ dataDir });
    for (const slug of ["acme", "globex"]) await acknowledge(db, (await createOrganization(db, slug)).id, 4);
    await db.close();
  });

  it("reports an intact trail across organizations and for one", async () => {
    assert.deepEqual(await steward("audit", "verify", "--data", dataDir), {
      code: 0,
      out: "audit trail intact: 10 events in 2 organizations",
      err: "",
    });
    assert.equal(
      (await steward("audit", "verify", "--org", "acme", "--data", dataDir)).out,
      "audit trail intact: 5 events in 1 organization",
    );
    // Accepted on both engines; on PGlite every event is hashed in the process anyway.
    assert.equal(
      (await steward("audit", "verify", "--client-hashing", "--data", dataDir)).out,
      "audit trail intact: 10 events in 2 organizations",
    );
  });

  it("exits 2 for an unknown organization, a directory without a database, or a database in use", async () => {
    const unknown = await steward("audit", "verify", "--org", "initech", "--data", dataDir);
    assert.deepEqual(unknown, {
      code: 2,
      out: "",
      err: 'steward audit verify: no organization with slug "initech"',
    });
    const empty = await steward("audit", "verify", "--data", join(root, "empty"));
    assert.equal(empty.code, 2);
    assert.match(empty.err, /no Steward database in/);
    const open = await openDatabase({ dataDir });
    try {
      const busy = await steward("audit", "verify", "--data", dataDir);
      assert.equal(busy.code, 2);
      assert.match(busy.err, /already open in this process/);
    } finally {
      await open.close();
    }
  });

  it("exits 1 naming the first broken event after tampering", async () => {
    const db = await openDatabase({ dataDir });
    let id: number;
    try {
      const { rows } = await db.query<{ id: string }>("SELECT id FROM organizations WHERE slug = 'globex'");
      id = (await eventRow(db, rows[0]!.id, 3)).id;
      await tamper(db, "UPDATE audit_events SET occurred_at = occurred_at + interval '1 day' WHERE id = $1", [
        id,
      ]);
    } finally {
      await db.close();
    }
    const result = await steward("audit", "verify", "--data", dataDir);
    assert.equal(result.code, 1);
    assert.equal(
      result.out,
      `audit trail broken in globex at event seq 3 (id ${id}): altered (its stored fields no longer match its hash)`,
    );
    assert.equal(
      (await steward("audit", "verify", "--org", "acme", "--data", dataDir)).code,
      0,
      "other organizations stay intact",
    );
  });
});
