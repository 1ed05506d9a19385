/**
 * Server figures for `npm run bench` (issue 4): start-up (bench/cold-start.ts), then API latency
 * p50/p95/p99 at 50 concurrent connections on a seeded organization (bench/seed.ts: 1,000 members,
 * 100,000 audit events), on PGlite (data directory in tmp) and on PostgreSQL when TEST_DATABASE_URL
 * or DATABASE_URL is set (in a throwaway schema). Target: p95 under 50 ms.
 *
 * The application runs in this process through startServer, as `steward serve` runs it, on
 * 127.0.0.1; the load comes from autocannon in a child process (bench/load.ts). Each endpoint is
 * loaded alone for SECONDS, as the role that uses it, then all of them together for MIX_SECONDS.
 * Every connection has its own session, as concurrent people would. Read routes keep their answers
 * until the organization's data changes (src/server/response-cache.ts), so the mix runs again while
 * the owner changes a member's roles through the API (1 and 10 changes a second): after each change
 * every kept answer is recomputed.
 *
 * `npm run bench:server` runs only these figures. STEWARD_BENCH_ENGINE=pglite or =postgres measures one
 * engine (and skips start-up), STEWARD_BENCH_ENDPOINT=/api/v1/members only the endpoints containing it,
 * STEWARD_BENCH_PROFILE=DIR writes a CPU profile of the server per measured load.
 *
 * PGlite runs in the server's own thread: queries execute one at a time, so at 50 connections a
 * request waits for the ones ahead of it and latency is about 50 / throughput.
 */
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { createSession, sessionCookie } from "../src/auth/session.ts";
import type { Role } from "../src/auth/permissions.ts";
import { openDatabase, type Engine } from "../src/db/index.ts";
import { startServer } from "../src/server/start-server.ts";
import { createStore } from "../test/support/databases.ts";
import { benchColdStart } from "./cold-start.ts";
import type { LoadPlan, LoadResult } from "./load.ts";
import { assertChainValid, seedOrganization } from "./seed.ts";

type Row = [string, string, string];
const CONNECTIONS = 50;
const SECONDS = 5;
const MIX_SECONDS = 10;
const MEMBERS = 1_000;
const EVENTS = 100_000;

const endpoints: { path: string; role: Role; check?: (body: unknown) => boolean }[] = [
  { path: "/api/v1/session", role: "workforce-member" },
  { path: "/api/v1/policies", role: "workforce-member" },
  {
    path: "/api/v1/members",
    role: "hr",
    check: (body) => {
      const page = body as { members: unknown[]; total: number; nextOffset: number | null };
      return page.members.length === 100 && page.total === MEMBERS && page.nextOffset === 100;
    },
  },
  { path: "/api/v1/acknowledgments", role: "security-officer" },
  {
    path: "/api/v1/audit-events?limit=100",
    role: "auditor",
    check: (body) => (body as { events: unknown[] }).events.length === 100,
  },
];

/** Runs bench/load.ts in a child process while this process keeps serving. */
function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", new URL("./load.ts", import.meta.url).pathname, JSON.stringify(plan)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`the load generator exited with ${code}`));
    });
  });
}

/** With STEWARD_BENCH_PROFILE=DIR, a CPU profile of the server process per measured load. */
async function startProfile(): Promise<(label: string) => Promise<void>> {
  const dir = process.env.STEWARD_BENCH_PROFILE;
  if (!dir) return async () => {};
  const { Session } = await import("node:inspector/promises");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async (label) => {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${label.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Role changes per second made through the API while the mix runs: a busy organization, then a stress. */
const WRITE_RATES = [1, 10];

/**
 * Changes a member's roles back and forth through the API, `perSecond` times a second, until the
 * returned function is called (it answers how many changes succeeded). Each change writes an audit
 * event, so every answer the server keeps for the organization is stale after it.
 */
function startRoleChanges(
  origin: string,
  owner: { cookie: string; csrfToken: string },
  userId: string,
  perSecond: number,
): () => Promise<number> {
  let done = 0;
  let flip = false;
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    flip = !flip;
    const change = fetch(`${origin}/api/v1/members/${userId}/roles`, {
      method: "PUT",
      headers: { cookie: owner.cookie, "x-csrf-token": owner.csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ roles: flip ? ["approver"] : ["approver", "workforce-member"] }),
    }).then((response) => {
      if (response.status === 200) done += 1;
      else throw new Error(`a role change during the load answered ${response.status}`);
    });
    inFlight.add(change);
    void change.finally(() => inFlight.delete(change));
  }, 1000 / perSecond);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
    return done;
  };
}

/** Loads the plan and reports it, with this process's CPU time per request (the server's share). */
async function measure(label: string, plan: LoadPlan): Promise<Row> {
  const before = process.cpuUsage();
  const stopProfile = await startProfile();
  const r = await load(plan);
  await stopProfile(label);
  const used = process.cpuUsage(before);
  const cpuPerRequest = (used.user + used.system) / 1000 / Math.max(r.requests, 1);
  const failures = r.failures > 0 ? `; ${r.failures} FAILED` : "";
  return [
    label,
    ms(r.p95),
    `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}; ${Math.round(r.perSecond)} req/s; ` +
      `server process CPU ${ms(cpuPerRequest)}/req; target p95 < 50 ms${failures}`,
  ];
}

async function benchEngine(label: string, engine: Engine, baseUrl?: string): Promise<Row[]> {
  const store = await createStore(engine, baseUrl);
  try {
    const db = await openDatabase(store.options);
    const start = performance.now();
    const seeded = await seedOrganization(db, { members: MEMBERS, events: EVENTS });
    const seedMs = performance.now() - start;
    await assertChainValid(db, seeded);
    const ownerSession = await db.transaction((tx) =>
      createSession(tx, {
        userId: seeded.memberWith.owner,
        organizationId: seeded.organizationId,
        mfaVerified: true,
        now: new Date(),
      }),
    );
    const owner = { cookie: `${sessionCookie}=${ownerSession.token}`, csrfToken: ownerSession.csrfToken };
    const cookies: Record<string, string[]> = {};
    for (const { path, role } of endpoints) {
      cookies[path] = [];
      for (let i = 0; i < CONNECTIONS; i += 1) {
        const session = await db.transaction((tx) =>
          createSession(tx, {
            userId: seeded.memberWith[role],
            organizationId: seeded.organizationId,
            mfaVerified: true,
            now: new Date(),
          }),
        );
        cookies[path].push(`${sessionCookie}=${session.token}`);
      }
    }
    // The embedded database has one owner at a time: the seeding connection closes first.
    await db.close();

    const server = await startServer({
      ...store.options,
      port: 0,
      host: "127.0.0.1",
      mailer: { send: () => Promise.resolve() },
    });
    try {
      for (const { path, check } of endpoints) {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[path]![0]! } });
        if (response.status !== 200 || (check && !check(await response.json())))
          throw new Error(`${path} answered ${response.status} or an unexpected body before the load`);
      }
      const plan = (targets: typeof endpoints, seconds: number): LoadPlan => ({
        origin: server.url,
        connections: CONNECTIONS,
        seconds,
        targets: targets.map(({ path }) => ({ path, cookies: cookies[path]! })),
      });
      await load(plan(endpoints, 2)); // warm-up, not reported
      const rows: Row[] = [
        [
          `seed ${MEMBERS.toLocaleString("en-US")} members, ${EVENTS.toLocaleString("en-US")} events (${label})`,
          `${(seedMs / 1000).toFixed(1)} s`,
          `${seeded.acknowledged} members acknowledged the policies; bulk INSERTs; chain verified`,
        ],
      ];
      for (const endpoint of endpoints.filter((e) =>
        e.path.includes(process.env.STEWARD_BENCH_ENDPOINT ?? ""),
      ))
        rows.push(
          await measure(`p95 GET ${endpoint.path} as ${endpoint.role} (${label})`, plan([endpoint], SECONDS)),
        );
      if (process.env.STEWARD_BENCH_ENDPOINT) return rows;
      rows.push(
        await measure(`p95 all five mixed, ${MIX_SECONDS} s (${label})`, plan(endpoints, MIX_SECONDS)),
      );
      // The same mix while the organization's data changes: kept answers are recomputed after each change.
      for (const rate of WRITE_RATES) {
        const stop = startRoleChanges(server.url, owner, seeded.memberWith.approver, rate);
        const mixed = await measure(
          `p95 all five mixed, ${rate} role change${rate === 1 ? "" : "s"}/s (${label})`,
          plan(endpoints, MIX_SECONDS),
        );
        mixed[2] = `${mixed[2]}; ${await stop()} role changes made`;
        rows.push(mixed);
      }
      return rows;
    } finally {
      await server.close();
    }
  } finally {
    await store.dispose();
  }
}

export async function benchServer(): Promise<Row[]> {
  // Latency at 50 connections is mostly queueing for CPU: say how much there was, and how busy.
  const rows: Row[] = [
    [
      "machine for the server figures",
      `${availableParallelism()} CPUs`,
      `load average ${loadavg()[0]!.toFixed(1)} when they started`,
    ],
  ];
  const only = process.env.STEWARD_BENCH_ENGINE;
  if (!only) rows.push(...(await benchColdStart()));
  if (!only || only === "pglite") rows.push(...(await benchEngine("PGlite", "pglite")));
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (only === "pglite") return rows;
  if (url) rows.push(...(await benchEngine("PostgreSQL", "postgres", url)));
  else rows.push(["API load (PostgreSQL)", "skipped", "set TEST_DATABASE_URL or DATABASE_URL"]);
  return rows;
}
