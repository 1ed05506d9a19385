/**
 * Start-up figures for `npm run bench` (issue 4: `npm start` to first HTTP 200, cold, PGlite, target
 * under 3 s). Each run spawns the built CLI, reads the address `serve` prints, polls
 * GET /api/v1/setup every 10 ms and stops at the first 200; the time runs from spawn to that answer.
 *   - a fresh data directory: unpacked from the build-time template (src/db/pglite-template.ts);
 *   - the same directory again: what every later `npm start` costs;
 *   - `npm start` itself, from a scratch directory holding only a package.json with the same start
 *     script and a link to bin/, so `.steward-data` lands there and npm's own start-up is counted.
 * Where /proc exists the server's CPU time is shown too: this machine may be shared, and CPU time
 * says what the start-up costs without the waiting.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../src/paths.ts";

type Row = [string, string, string];
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** User + system CPU milliseconds the process has used so far, or null without /proc. */
function cpuMs(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  const fields = readFileSync(file, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}

/** Resolves with the `http://HOST:PORT` the server prints; rejects if it exits first. */
function printedOrigin(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Steward is running at (http:\/\/[^/\s]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => {
      reject(new Error(`the server exited (${code}) before printing its address:\n${out}`));
    });
  });
}

async function first200(origin: string): Promise<void> {
  for (;;) {
    const status = await fetch(`${origin}/api/v1/setup`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Stops the process group the benchmark started (npm's shell and the server with it). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Milliseconds from spawn to the first 200, and the server's CPU time when `pid` is the server. */
async function timeStart(command: string, args: string[], cwd: string) {
  // PGlite in the data directory, whatever the environment says; PORT=0: a free port.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0" };
  delete env.DATABASE_URL;
  const start = performance.now();
  // Its own process group, so stopping it stops npm's children too.
  const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "inherit"], env });
  try {
    await first200(await printedOrigin(child));
    const ms = performance.now() - start;
    return { ms, cpu: command === process.execPath ? cpuMs(child.pid!) : null };
  } finally {
    await stop(child);
  }
}

function serveRow(label: string, runs: { ms: number; cpu: number | null }[], note: string): Row {
  const cpu = runs.map((r) => r.cpu).filter((c) => c !== null);
  // All threads: V8 compiles PGlite's WebAssembly in the background, so CPU can exceed wall time.
  const cpuNote = cpu.length > 0 ? `; server CPU (all threads) ${seconds(median(cpu))}` : "";
  return [label, seconds(median(runs.map((r) => r.ms))), `${note}${cpuNote}`];
}

export async function benchColdStart(): Promise<Row[]> {
  const root = packageRoot();
  const serve = (dir: string) => ["bin/steward.js", "serve", "--port", "0", "--data", dir];
  const dirs = Array.from({ length: RUNS }, () => mkdtempSync(join(tmpdir(), "steward-start-")));
  const scratch = mkdtempSync(join(tmpdir(), "steward-npm-start-"));
  try {
    const fresh = [];
    for (const dir of dirs) fresh.push(await timeStart(process.execPath, serve(dir), root));
    const again = [];
    for (let i = 0; i < RUNS; i += 1) again.push(await timeStart(process.execPath, serve(dirs[0]!), root));

    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      scripts: { start: string };
    };
    writeFileSync(
      join(scratch, "package.json"),
      JSON.stringify({ name: "steward-start-bench", private: true, scripts: { start: pkg.scripts.start } }),
    );
    symlinkSync(join(root, "bin"), join(scratch, "bin"));
    // Through npm's own entry point when the bench runs under npm, else the npm on PATH.
    const npmCli = process.env.npm_execpath;
    const [npm, npmArgs] = npmCli?.endsWith(".js")
      ? [process.execPath, [npmCli, "start", "--silent"]]
      : ["npm", ["start", "--silent"]];
    const npmFresh = await timeStart(npm, npmArgs, scratch);
    const npmAgain = await timeStart(npm, npmArgs, scratch);
    return [
      serveRow(
        "serve to first HTTP 200, new data directory (PGlite)",
        fresh,
        `median of ${RUNS}; includes creating the database; target < 3 s`,
      ),
      serveRow(
        "serve to first HTTP 200, existing data directory",
        again,
        `median of ${RUNS}; every later start`,
      ),
      ["npm start to first HTTP 200, new .steward-data", seconds(npmFresh.ms), "one run; target < 3 s"],
      ["npm start to first HTTP 200, existing .steward-data", seconds(npmAgain.ms), "one run"],
    ];
  } finally {
    for (const dir of [...dirs, scratch]) rmSync(dir, { recursive: true, force: true });
  }
}
