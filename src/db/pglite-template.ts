/**
 * A ready database for new data directories. Creating an empty PGlite database runs initdb, which
 * takes most of the first `npm start` (about 3 s here); unpacking a database that was created and
 * migrated at build time takes under a second. The template is used only when it was made from
 * exactly the migrations this code ships (same versions and checksums) by the same PGlite; any
 * difference, a missing file or a damaged one, and the directory is created the ordinary way.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.ts";
import type { Migration } from "./migrate.ts";

export interface TemplateFiles {
  /** The gzipped tar of a migrated data directory (PGlite's dumpDataDir). */
  archive: string;
  /** JSON: what the archive was made from. */
  manifest: string;
}

export const shippedTemplate: TemplateFiles = {
  archive: join(packageRoot(), "dist", "pglite-template.tar.gz"),
  manifest: join(packageRoot(), "dist", "pglite-template.json"),
};

interface Manifest {
  pglite: string;
  migrations: string;
}

/** One hash over every migration's version and checksum. */
export function migrationsFingerprint(migrations: readonly Migration[]): string {
  const hash = createHash("sha256");
  for (const m of migrations) hash.update(`${m.version} ${m.checksum}\n`);
  return hash.digest("hex");
}

function pgliteVersion(): string {
  const manifest = join(packageRoot(), "node_modules", "@electric-sql", "pglite", "package.json");
  return existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version
    : "unknown";
}

/** The template for these migrations, or null when there is none that fits. */
export function readTemplate(
  migrations: readonly Migration[],
  files: TemplateFiles = shippedTemplate,
): Blob | null {
  if (!existsSync(files.archive) || !existsSync(files.manifest)) return null;
  try {
    const manifest = JSON.parse(readFileSync(files.manifest, "utf8")) as Partial<Manifest>;
    if (manifest.migrations !== migrationsFingerprint(migrations) || manifest.pglite !== pgliteVersion())
      return null;
    return new Blob([readFileSync(files.archive)]);
  } catch {
    return null;
  }
}

/** Stores a migrated database's archive with the manifest that says what it holds. */
export function writeTemplate(
  bytes: Uint8Array,
  migrations: readonly Migration[],
  files: TemplateFiles = shippedTemplate,
): void {
  writeFileSync(files.archive, bytes);
  const manifest: Manifest = { pglite: pgliteVersion(), migrations: migrationsFingerprint(migrations) };
  writeFileSync(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
}
