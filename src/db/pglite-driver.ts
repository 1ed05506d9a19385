/**
 * Embedded PGlite: PostgreSQL compiled to WebAssembly, in a data directory or in memory. It has a
 * single connection, so `connect` takes a lock that the holder keeps for a whole transaction.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { PGlite, ParserOptions, Results } from "@electric-sql/pglite";
import type { Connection, Driver, DriverResult } from "./driver.ts";
import { acquireLockFile } from "./lock-file.ts";
import { Mutex } from "./mutex.ts";
import { preparedStatements } from "./pglite-statements.ts";
import { textParser, typeParsers } from "./type-parsers.ts";

function result(res: Results): DriverResult {
  return {
    rows: res.rows,
    rowCount: res.rowCount ?? res.affectedRows ?? res.rows.length,
    command: res.command ?? "",
  };
}

export interface PgliteTarget {
  /** `memory://` or the directory holding the database files. */
  directory: string;
  /** Refuse to create a new database when the directory has none. */
  mustExist: boolean;
  /**
   * A migrated database to start a new directory from instead of an empty one (pglite-template.ts);
   * asked for only when the directory is new.
   */
  template?: () => Blob | null;
}

export async function openPglite({ directory, mustExist, template }: PgliteTarget): Promise<Driver> {
  const inMemory = directory.startsWith("memory://");
  let unlock = () => {};
  let startFrom: Blob | null = null;
  if (!inMemory) {
    if (!existsSync(`${directory}/PG_VERSION`)) startFrom = template?.() ?? null;
    if (mustExist && !existsSync(`${directory}/PG_VERSION`)) {
      throw new Error(`no Steward database in ${dirname(directory)}`);
    }
    mkdirSync(directory, { recursive: true });
    unlock = acquireLockFile(`${directory}.lock`, `the database in ${dirname(directory)}`);
  }
  let engine: PGlite;
  try {
    // Loaded on first use: commands that never open a database do not pay for it.
    const { PGlite } = await import("@electric-sql/pglite");
    engine = new PGlite({
      dataDir: directory,
      parsers: typeParsers,
      ...(startFrom ? { loadDataDir: startFrom } : {}),
    });
    await engine.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  // Scans read every cell as text: PGlite merges query parsers over its own, so list every OID it knows.
  const allText: ParserOptions = Object.fromEntries(
    Object.keys(engine.parsers).map((oid) => [oid, textParser]),
  );
  const query = preparedStatements(engine);
  const mutex = new Mutex();
  let closed = false;

  return {
    engine: "pglite",
    async connect(): Promise<Connection> {
      const release = await mutex.acquire();
      if (closed) {
        release();
        throw new Error("the database is closed");
      }
      return {
        query: async (sql, params, textRows = false) =>
          result(await query(sql, params, textRows ? { rowMode: "array", parsers: allText } : undefined)),
        exec: async (sql) => {
          await engine.exec(sql);
        },
        release: () => {
          release();
        },
      };
    },
    async dump() {
      const release = await mutex.acquire();
      try {
        const archive = await engine.dumpDataDir("gzip");
        return new Uint8Array(await archive.arrayBuffer());
      } finally {
        release();
      }
    },
    async close() {
      const release = await mutex.acquire();
      try {
        if (closed) return;
        closed = true;
        await engine.close();
      } finally {
        unlock();
        release();
      }
    },
  };
}
