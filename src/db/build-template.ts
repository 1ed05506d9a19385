/**
 * Build step (scripts/build.mjs): creates an in-memory PGlite database, applies every migration and
 * writes it to dist/ as the template new data directories start from (pglite-template.ts).
 */
import { join } from "node:path";
import { packageRoot } from "../paths.ts";
import { loadMigrations, migrate } from "./migrate.ts";
import { openPglite } from "./pglite-driver.ts";
import { writeTemplate } from "./pglite-template.ts";

const migrations = loadMigrations(join(packageRoot(), "migrations"));
const driver = await openPglite({ directory: "memory://", mustExist: false });
try {
  await migrate(driver, migrations);
  writeTemplate(await driver.dump!(), migrations);
} finally {
  await driver.close();
}
