/** New data directories start from the build-time template only when it fits these migrations exactly. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { packageRoot } from "../paths.ts";
import { loadMigrations, migrate } from "./migrate.ts";
import { openDatabase } from "./open.ts";
import { openPglite } from "./pglite-driver.ts";
import { readTemplate, writeTemplate, type TemplateFiles } from "./pglite-template.ts";

const work = mkdtempSync(join(tmpdir(), "steward-template-"));
const files: TemplateFiles = { archive: join(work, "t.tar.gz"), manifest: join(work, "t.json") };
const migrations = loadMigrations(join(packageRoot(), "migrations"));

/** A template with a probe table no migration creates, so a test can tell it was used. */
async function makeTemplate(): Promise<void> {
  const driver = await openPglite({ directory: "memory://", mustExist: false });
  await migrate(driver, migrations);
  const conn = await driver.connect();
  await conn.exec("CREATE TABLE template_probe (id int)");
  conn.release();
  writeTemplate(await driver.dump!(), migrations, files);
  await driver.close();
}

async function hasProbe(dataDir: string): Promise<boolean> {
  const db = await openDatabase({ dataDir, template: files });
  try {
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'template_probe'",
    );
    const applied = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM schema_migrations");
    assert.equal(applied.rows[0]!.n, migrations.length);
    return rows[0]!.n === 1;
  } finally {
    await db.close();
  }
}

describe("the new-directory template", () => {
  after(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("starts a new directory from the template when it was made from these migrations", async () => {
    await makeTemplate();
    assert.ok(readTemplate(migrations, files));
    assert.equal(await hasProbe(join(work, "fresh")), true);
    // An existing directory is opened as it is, never replaced.
    assert.equal(await hasProbe(join(work, "fresh")), true);
  });

  it("ignores a template made from other migrations, or a damaged manifest", async () => {
    await makeTemplate();
    writeFileSync(files.manifest, JSON.stringify({ pglite: "0.0.0", migrations: "other" }));
    assert.equal(readTemplate(migrations, files), null);
    assert.equal(await hasProbe(join(work, "stale")), false);
    writeFileSync(files.manifest, "{ not json");
    assert.equal(readTemplate(migrations, files), null);
    assert.equal(
      readTemplate(migrations.slice(0, -1), { ...files, manifest: join(work, "missing.json") }),
      null,
    );
  });
});
