// Bundles the CLI into one ESM file so `steward` starts fast (no TypeScript loader at run time).
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/steward.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // playwright-core is loaded only when a PDF is asked for; keep it out of the startup path.
  external: ["playwright-core"],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: "warning",
});
