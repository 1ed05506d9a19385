import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { openDatabase } from "../../src/db/index.ts";
import { loadMigrations } from "../../src/db/migrate.ts";
import { packageRoot } from "../../src/paths.ts";
import { createStore, forEachDatabase } from "../support/databases.ts";

const shipped = loadMigrations(join(packageRoot(), "migrations"));
const scratch = mkdtempSync(join(tmpdir(), "steward-migrations-"));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

forEachDatabase("migrations", (t) => {
  it("applies every migration once and records it", async () => {
    const { rows } = await t.db.query<{ version: string; checksum: string }>(
      "SELECT version, checksum FROM schema_migrations ORDER BY version",
    );
    assert.deepEqual(
      rows,
      shipped.map((m) => ({ version: m.version, checksum: m.checksum })),
    );
    const tables = await t.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1",
    );
    for (const table of ["audit_chain_heads", "audit_events", "organizations", "schema_migrations"]) {
      assert.ok(
        tables.rows.some((r) => r.name === table),
        `${table} exists`,
      );
    }
  });

  it("is idempotent when a stored database is opened again, and keeps its data", async () => {
    const store = await createStore(t.engine);
    try {
      const first = await openDatabase(store.options);
      await first.query("INSERT INTO organizations (slug, name) VALUES ('kept', 'Kept')");
      await first.close();
      const second = await openDatabase(store.options);
      const applied = await second.query<{ n: number }>("SELECT count(*) AS n FROM schema_migrations");
      assert.equal(applied.rows[0]!.n, shipped.length);
      const kept = await second.query<{ name: string }>("SELECT name FROM organizations WHERE slug = 'kept'");
      assert.deepEqual(kept.rows, [{ name: "Kept" }]);
      await second.close();
    } finally {
      await store.dispose();
    }
  });

  it("refuses to open when an applied migration was edited, and applies a new one in its own transaction", async () => {
    const dir = join(scratch, t.engine);
    cpSync(join(packageRoot(), "migrations"), dir, { recursive: true });
    const store = await createStore(t.engine);
    try {
      await (await openDatabase({ ...store.options, migrationsDir: dir })).close();

      writeFileSync(
        join(dir, "29990101000000_broken.sql"),
        "CREATE TABLE half_done (id int);\nSELECT no_such_function();\n",
      );
      await assert.rejects(
        openDatabase({ ...store.options, migrationsDir: dir }),
        /29990101000000_broken\.sql failed/,
      );
      writeFileSync(join(dir, "29990101000000_broken.sql"), "CREATE TABLE half_done (id int);\n");
      const db = await openDatabase({ ...store.options, migrationsDir: dir });
      assert.equal(
        (await db.query("SELECT * FROM half_done")).rowCount,
        0,
        "the failed attempt left nothing behind",
      );
      await db.close();

      writeFileSync(join(dir, "29990101000000_broken.sql"), "CREATE TABLE half_done (id bigint);\n");
      await assert.rejects(
        openDatabase({ ...store.options, migrationsDir: dir }),
        /changed after it was applied/,
      );
    } finally {
      await store.dispose();
    }
  });
});

it("accepts only YYYYMMDDHHMMSS_name.sql files without transaction control", () => {
  const dir = mkdtempSync(join(scratch, "names-"));
  writeFileSync(join(dir, "20250101000000_first.sql"), "SELECT 1;");
  assert.equal(loadMigrations(dir).length, 1);
  writeFileSync(join(dir, "2025_bad.sql"), "SELECT 1;");
  assert.throws(() => loadMigrations(dir), /named YYYYMMDDHHMMSS_name\.sql/);
  rmSync(join(dir, "2025_bad.sql"));
  writeFileSync(join(dir, "20250101000001_tx.sql"), "BEGIN;\nSELECT 1;\nCOMMIT;");
  assert.throws(() => loadMigrations(dir), /remove transaction control/);
});
