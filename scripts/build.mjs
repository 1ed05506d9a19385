// Bundles the CLI into one ESM file so `steward` starts fast (no TypeScript loader at run time),
// and precomputes the parsed YAML of the shipped content (see src/yaml-cache.ts).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

await build({
  entryPoints: { steward: "src/cli/main.ts" },
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
