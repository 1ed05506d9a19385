// Bundles the CLI into one ESM file so `steward` starts fast (no TypeScript loader at run time),
// precomputes the parsed YAML of the shipped content (see src/yaml-cache.ts), and makes the V8
// startup snapshot bin/steward runs `policies build` from (see buildSnapshot below).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

await build({
  // The audit page worker is a file of its own: worker threads start from a file (src/audit/page-pool.ts).
  entryPoints: { steward: "src/cli/main.ts", "audit-page-worker": "src/audit/page-worker.ts" },
  outdir: "dist",
  // Each command is a chunk of its own, loaded only when that command runs.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  minify: true,
  sourcemap: true,
  // playwright-core is loaded only when a PDF is asked for; keep it out of the startup path.
  // PGlite (WebAssembly and data files) and argon2 (a native addon) load files beside their own
  // code, so they stay in node_modules too.
  external: ["playwright-core", "@electric-sql/pglite", "@node-rs/argon2"],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: "warning",
});

const texts = [];
for (const name of readdirSync("content/catalog"))
  if (name.endsWith(".yaml")) texts.push(readFileSync(join("content/catalog", name), "utf8"));
texts.push(readFileSync("content/shared-responsibility.yaml", "utf8"));
for (const name of readdirSync("content/policies")) {
  // Same front matter split as src/templates/load.ts.
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(readFileSync(join("content/policies", name), "utf8"));
  if (match) texts.push(match[1]);
}
const cache = {};
for (const text of texts) cache[createHash("sha1").update(text).digest("hex")] = parse(text);
mkdirSync("dist", { recursive: true });
writeFileSync("dist/yaml-cache.json", JSON.stringify(cache));

await buildSnapshot();

// A migrated database for new data directories: the first `npm start` unpacks it instead of
// running initdb and every migration (src/db/pglite-template.ts).
await build({
  entryPoints: { "build-template": "src/db/build-template.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external: ["@electric-sql/pglite"],
  logLevel: "warning",
});
const made = spawnSync(process.execPath, ["dist/build-template.js"], { stdio: "inherit" });
if (made.status !== 0) process.exit(made.status ?? 1);

/**
 * The V8 startup snapshot behind `steward policies build` (src/snapshot/, bin/steward): one script
 * (the app bundled as CommonJS inside a function, so a fresh copy can be made at run time, then the
 * entry) run by `node --build-snapshot`, which writes the heap it leaves to dist/steward.blob. A blob
 * loads only in the Node binary that made it, so dist/steward.blob.stamp names that binary for
 * bin/steward to check. Any failure here fails the build: no silent fallback.
 */
async function buildSnapshot() {
  const bundle = async (entry) =>
    (
      await build({
        entryPoints: [entry],
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        minify: true,
        write: false,
        define: { "import.meta.url": "__stewardModuleUrl" },
        // Loaded only for PDFs, at run time, from node_modules: through require, since a function
        // restored from a snapshot has no import() (no module loader behind it).
        external: ["playwright-core"],
        supported: { "dynamic-import": false },
        logLevel: "warning",
      })
    ).outputFiles[0].text;
  const [app, entry] = await Promise.all([bundle("src/snapshot/app.ts"), bundle("src/snapshot/entry.ts")]);
  const script = `"use strict";
const __stewardRequire = require;
function makeApp(__stewardModuleUrl) {
  // Built-in modules come from the snapshot's own require; packages (playwright-core) from node_modules.
  let fromPackage;
  const require = (id) => {
    try {
      return __stewardRequire(id);
    } catch (error) {
      if (error?.code !== "MODULE_NOT_FOUND") throw error;
    }
    fromPackage ??= __stewardRequire("node:module").createRequire(__stewardModuleUrl);
    return fromPackage(id);
  };
  const module = { exports: {} };
${app}
  return module.exports.app;
}
${entry}`;
  const root = realpathSync(".");
  // V8 flags the blob is made and run with (a blob loads only under the flags it was made with;
  // bin/steward reads them from the stamp's second line). A build is one short burst of code run
  // once: the optimizing compilers (TurboFan, Maglev) cost more than they return there, measured
  // at 10-15% of a whole run (docs/ARCHITECTURE.md, "Build and run").
  const flags = ["--no-opt", "--no-maglev"];
  // Kept for reading only (the blob holds its own copy); per process, as builds may run side by side.
  const source = join(root, "dist", `steward-snapshot.cjs.partial-${process.pid}`);
  writeFileSync(source, script);
  const blob = join(root, "dist", "steward.blob");
  const stamp = `${blob}.stamp`;
  const node = `${realpathSync(process.execPath)}\n${flags.join(" ")}\n`;
  const partial = `${blob}.partial-${process.pid}`;
  // A stamp naming another Node must not pair with the new blob, even for a moment.
  if (existsSync(stamp) && readFileSync(stamp, "utf8") !== node) rmSync(stamp);
  try {
    const made = spawnSync(
      process.execPath,
      [...flags, "--snapshot-blob", partial, "--build-snapshot", source, root],
      {
        stdio: "inherit",
      },
    );
    if (made.status !== 0) throw new Error(`node --build-snapshot exited with ${made.status ?? made.signal}`);
    // The blob must start and answer before bin/steward may use it.
    const check = spawnSync(process.execPath, [...flags, "--snapshot-blob", partial, root, "--help"], {
      encoding: "utf8",
    });
    if (check.status !== 0 || !check.stdout.startsWith("Usage: steward policies build"))
      throw new Error(`the snapshot does not run: ${check.stderr || check.stdout}`);
    renameSync(partial, blob);
    renameSync(source, join(root, "dist", "steward-snapshot.cjs"));
  } catch (error) {
    // A blob from an earlier build would run older code than the new bundle: bin/steward must not.
    for (const file of [stamp, blob, partial, source]) rmSync(file, { force: true });
    throw new Error(`building the startup snapshot for \`steward policies build\` failed: ${error.message}`);
  }
  // Written after the blob (bin/steward compares the Node binary's change time with it).
  writeFileSync(`${stamp}.partial-${process.pid}`, node);
  renameSync(`${stamp}.partial-${process.pid}`, stamp);
}
