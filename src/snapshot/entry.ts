/**
 * Entry of the V8 startup snapshot that serves `steward policies build` (dist/steward.blob, made by
 * scripts/build.mjs; bin/steward decides when to use it). While the snapshot is made this script
 * prepares an app (app.ts) with everything that does not depend on a profile already loaded; the
 * snapshot holds that heap, so a run starts with the code compiled and the library parsed.
 *
 * At run time bin/steward starts `node --snapshot-blob dist/steward.blob ROOT ARGS...`. The
 * preloaded app is used only when the package is still where it was built and every content file
 * it holds is unchanged (name, size, modification time); otherwise a new copy of the app, from the
 * same code, loads everything from disk as the plain bundle does. Either way the output is that of
 * `node bin/steward.js policies build ARGS...`.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startupSnapshot } from "node:v8";
import type { SnapshotApp } from "./app.ts";

/**
 * Defined by the wrapper scripts/build.mjs writes around the bundle of app.ts: each call evaluates
 * the bundle again, so it returns an app with its own, empty module state. `moduleUrl` stands for
 * `import.meta.url`, from which the app finds the package root.
 */
declare function makeApp(moduleUrl: string): SnapshotApp;

const appUrl = (root: string) => pathToFileURL(join(root, "dist", "steward-snapshot.cjs")).href;

/** Name, size and modification time of every file under content/ that the preloaded app holds. */
function contentStamp(root: string): string {
  const lines: string[] = [];
  const add = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    lines.push(stat ? `${path} ${stat.size} ${stat.mtimeMs}` : `${path} missing`);
  };
  for (const dir of ["catalog", "policies"]) {
    const path = join(root, "content", dir);
    for (const name of readdirSync(path).sort()) add(join(path, name));
  }
  add(join(root, "content", "shared-responsibility.yaml"));
  return lines.join("\n");
}

function stampOrNull(root: string): string | null {
  try {
    return contentStamp(root);
  } catch {
    return null;
  }
}

/**
 * zod's settings live on globalThis, shared by every copy of the app; a fresh object drops what the
 * throwaway copy put there. jitless: zod would compile a validator per object schema on first use
 * (new Function); a run validates each schema once, where interpreting is cheaper than compiling,
 * and gives the same result.
 */
function zodSettings(): void {
  Reflect.set(globalThis, "__zod_globalConfig", { jitless: true });
}

/**
 * A throwaway copy of the app first builds the example profiles, so that the code a build runs is
 * compiled: the snapshot keeps that bytecode with the functions, which every copy of the app shares.
 * The copy and everything it rendered are then dropped. The app the snapshot keeps is a new one that
 * has only loaded content and never seen a profile.
 */
async function prepare(root: string): Promise<SnapshotApp> {
  const out = mkdtempSync(join(tmpdir(), "steward-snapshot-"));
  try {
    const examples = readdirSync(join(root, "examples"))
      .filter((name) => name.endsWith(".yaml"))
      .sort()
      .map((name) => join(root, "examples", name));
    zodSettings();
    const globals = new Set(Reflect.ownKeys(globalThis));
    await makeApp(appUrl(root)).exercise(examples, join(out, "policies"));
    // Globals the copy created (zod keeps its registry on globalThis) would keep it and all it
    // rendered alive in the snapshot: remove them, and the kept app creates its own.
    for (const key of Reflect.ownKeys(globalThis))
      if (!globals.has(key)) Reflect.deleteProperty(globalThis, key);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  zodSettings();
  const app = makeApp(appUrl(root));
  app.preload();
  return app;
}

// node --snapshot-blob BLOB --build-snapshot dist/steward-snapshot.cjs ROOT
const builtRoot = process.argv[2];
if (!builtRoot) throw new Error("usage: node --snapshot-blob BLOB --build-snapshot ENTRY PACKAGE_ROOT");
// Taken before anything is loaded: a file edited while the snapshot is made then fails the check.
const builtStamp = contentStamp(builtRoot);
let preloaded: SnapshotApp | null = null;
prepare(builtRoot).then(
  (app) => {
    preloaded = app;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

startupSnapshot.setDeserializeMainFunction(() => {
  // node --snapshot-blob BLOB ROOT ARGS... (ARGS: what follows `steward policies build`)
  const root = process.argv[1] ?? "";
  const args = process.argv.slice(2);
  const current = root === builtRoot && stampOrNull(root) === builtStamp ? preloaded : null;
  (current ?? makeApp(appUrl(root))).run(args);
});
