/**
 * Runs a suite on every engine: embedded PGlite (in memory) always, and PostgreSQL when
 * TEST_DATABASE_URL is set, each PostgreSQL run in a fresh schema dropped afterwards. With CI=true
 * and no TEST_DATABASE_URL the PostgreSQL suite fails instead of being skipped.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { openDatabase, type Database, type Engine, type OpenOptions } from "../../src/db/index.ts";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/** An empty store of its own; `options` open it (again), `dispose` removes it. */
export interface Store {
  options: Pick<OpenOptions, "dataDir" | "url">;
  dispose(): Promise<void>;
}

/**
 * A fresh empty store on one engine: a temporary data directory, or a new schema in the PostgreSQL
 * database at `baseUrl` (TEST_DATABASE_URL by default).
 */
export async function createStore(engine: Engine, baseUrl = testDatabaseUrl): Promise<Store> {
  if (engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "steward-db-"));
    const dispose = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
    return { options: { dataDir: dir }, dispose };
  }
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `steward_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    options: { url: url.toString() },
    async dispose() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface EngineContext {
  engine: Engine;
  /** This suite's migrated database (available from `before` on; in-memory on PGlite). */
  readonly db: Database;
}

function suite(name: string, engine: Engine, fn: (context: EngineContext) => void): void {
  let db: Database | null = null;
  let store: Store | null = null;
  const context: EngineContext = {
    engine,
    get db() {
      if (!db) throw new Error("the test database is opened in before(): use it inside tests and hooks");
      return db;
    },
  };
  describe(`${name} [${engine}]`, () => {
    before(async () => {
      if (engine === "pglite") db = await openDatabase({ dataDir: "memory://" });
      else {
        store = await createStore(engine);
        db = await openDatabase(store.options);
      }
    });
    after(async () => {
      await db?.close();
      await store?.dispose();
    });
    fn(context);
  });
}

/** Registers `fn`'s tests once per available engine. */
export function forEachDatabase(name: string, fn: (context: EngineContext) => void): void {
  suite(name, "pglite", fn);
  if (testDatabaseUrl) suite(name, "postgres", fn);
  else if (process.env.CI === "true") {
    describe(`${name} [postgres]`, () => {
      it("runs on PostgreSQL in CI", () => {
        throw new Error(
          "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL half of the suite would be skipped",
        );
      });
    });
  }
}
