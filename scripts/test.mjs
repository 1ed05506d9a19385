// Runs every *.test.ts under src/ and test/ with node's test runner and fails when none ran.
// Node 20's runner has no glob support, so the files are listed here.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...find("src"), ...find("test")].sort();
if (filter.length > 0) files = files.filter((f) => filter.some((pattern) => f.includes(pattern)));
if (files.length === 0) {
  console.error("No test files found: refusing to report success.");
  process.exit(1);
}
const child = spawn(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...files],
  {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, TZ: "UTC" },
  },
);
// The runner's summary ("ℹ tests N") may be followed by the list of failures, so remember the last one seen.
let carry = "";
let executed = null;
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  const text = carry + chunk.toString();
  for (const match of text.matchAll(/\u2139 tests (\d+)/g)) executed = Number(match[1]);
  carry = text.slice(-64);
});
child.on("close", (code) => {
  if (executed === null || executed === 0) {
    console.error("The test runner reported no executed test: failing.");
    process.exit(1);
  }
  process.exit(code ?? 1);
});
