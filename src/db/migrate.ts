/**
 * Plain SQL migrations (`migrations/YYYYMMDDHHMMSS_name.sql`, the same file on PGlite and
 * PostgreSQL), applied in order when a database opens, each in its own transaction and recorded in
 * `schema_migrations` with a checksum. An applied file that changed, or a database that knows a
 * migration this code does not have, stops the open: both mean code and schema disagree.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Connection, Driver } from "./driver.ts";

export interface Migration {
  /** The 14-digit timestamp that orders migrations. */
  version: string;
  name: string;
  sql: string;
  /** SHA-256 of the file, to notice a migration edited after it ran. */
  checksum: string;
}

const FILE_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;
/** Arbitrary constant for pg_advisory_lock: two processes starting together migrate one at a time. */
const MIGRATION_LOCK = 7_416_817_302;
/** `BEGIN;` and friends as statements; function bodies ($$ ... $$) have their own BEGIN ... END. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|END|START\s+TRANSACTION)\s*(WORK|TRANSACTION)?\s*;/im;
const DOLLAR_QUOTED = /\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g;

export function loadMigrations(dir: string): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".sql")) continue;
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`${join(dir, file)}: migration files are named YYYYMMDDHHMMSS_name.sql`);
    const sql = readFileSync(join(dir, file), "utf8");
    if (TRANSACTION_CONTROL.test(sql.replace(DOLLAR_QUOTED, ""))) {
      throw new Error(`${join(dir, file)}: remove transaction control; each migration already runs in one`);
    }
    const previous = migrations.at(-1);
    if (previous?.version === match[1])
      throw new Error(`${join(dir, file)}: version ${match[1]} is used twice`);
    migrations.push({
      version: match[1]!,
      name: match[2]!,
      sql,
      checksum: createHash("sha256").update(sql).digest("hex"),
    });
  }
  return migrations;
}

async function appliedChecksums(conn: Connection): Promise<Map<string, string>> {
  await conn.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await conn.query("SELECT version, checksum FROM schema_migrations", []);
  return new Map((rows as { version: string; checksum: string }[]).map((r) => [r.version, r.checksum]));
}

function checkHistory(applied: Map<string, string>, migrations: Migration[]): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const [version, checksum] of applied) {
    const migration = known.get(version);
    if (!migration)
      throw new Error(`the database has migration ${version}, which this version of Steward does not know`);
    if (migration.checksum !== checksum) {
      throw new Error(
        `migration ${version}_${migration.name}.sql changed after it was applied; add a new migration instead`,
      );
    }
  }
}

/** Applies the pending migrations and returns their versions. */
export async function migrate(driver: Driver, migrations: Migration[]): Promise<string[]> {
  const conn = await driver.connect();
  let healthy = true;
  try {
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      const applied = await appliedChecksums(conn);
      checkHistory(applied, migrations);
      const done: string[] = [];
      for (const migration of migrations.filter((m) => !applied.has(m.version))) {
        await conn.query("BEGIN", []);
        try {
          await conn.exec(migration.sql);
          await conn.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await conn.query("COMMIT", []);
        } catch (error) {
          await conn.query("ROLLBACK", []).catch(() => (healthy = false));
          throw new Error(
            `migration ${migration.version}_${migration.name}.sql failed: ${(error as Error).message}`,
            {
              cause: error,
            },
          );
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      if (healthy) await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    conn.release(!healthy);
  }
}
