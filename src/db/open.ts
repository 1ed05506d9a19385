/**
 * `openDatabase`: embedded PGlite in a data directory by default, PostgreSQL when a URL is given.
 * Pending migrations are applied before it returns.
 */
import { join } from "node:path";
import { config } from "../config.ts";
import { packageRoot } from "../paths.ts";
import type { Database } from "./database.ts";
import type { Driver } from "./driver.ts";
import { loadMigrations, migrate } from "./migrate.ts";
import { openPglite } from "./pglite-driver.ts";
import { readTemplate, type TemplateFiles } from "./pglite-template.ts";
import { openPostgres } from "./postgres-driver.ts";
import { createDatabase } from "./session.ts";

export interface OpenOptions {
  /**
   * Steward's data directory (the database lives in its `db/` folder), or `memory://` for a
   * throwaway in-memory database (tests).
   */
  dataDir?: string;
  /** A PostgreSQL connection URL. Exactly one of `dataDir` and `url`. */
  url?: string;
  /** Fail instead of creating an empty database when `dataDir` holds none (for read-only commands). */
  mustExist?: boolean;
  /** Where the `*.sql` migrations are; the package's `migrations/` by default. */
  migrationsDir?: string;
  /** Template for a new PGlite directory (tests); the one built into dist/ by default. */
  template?: TemplateFiles | null;
}

/** The embedded database's directory inside Steward's data directory. */
export const pgliteDirectory = (dataDir: string) =>
  dataDir.startsWith("memory://") ? dataDir : join(dataDir, "db");

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ((options.dataDir === undefined) === (options.url === undefined)) {
    throw new Error("openDatabase needs exactly one of dataDir (PGlite) and url (PostgreSQL)");
  }
  const migrations = loadMigrations(options.migrationsDir ?? join(packageRoot(), "migrations"));
  const driver: Driver =
    options.url !== undefined
      ? await openPostgres(options.url)
      : await openPglite({
          directory: pgliteDirectory(options.dataDir!),
          mustExist: options.mustExist ?? false,
          template: () => (options.template === null ? null : readTemplate(migrations, options.template)),
        });
  try {
    await migrate(driver, migrations);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return createDatabase(driver);
}

/**
 * Where a command's data lives: `--data DIR` when given, else PostgreSQL when DATABASE_URL is set,
 * else the default data directory (STEWARD_DATA, `.steward-data`). An explicit flag wins over the
 * environment, as flags do everywhere else.
 */
export function storageOptions(flags: { data?: string | undefined }): Pick<OpenOptions, "dataDir" | "url"> {
  if (flags.data !== undefined) return { dataDir: flags.data };
  const settings = config();
  return settings.DATABASE_URL ? { url: settings.DATABASE_URL } : { dataDir: settings.STEWARD_DATA };
}
