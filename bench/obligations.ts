/**
 * Obligation figures for `npm run bench` (issue 5), on a seeded organization of 5,000 people with
 * six years of history: the recompute that follows a new policy version (two cadences changed),
 * the same recompute when nothing changed, and GET /api/v1/dashboard p50/p95/p99 at 1 and 10
 * connections (as served, answers kept, and with every answer recomputed), on PGlite and on
 * PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set.
 * Targets: recompute under 2 s; dashboard p95 under 100 ms.
 *
 * Run alone with `npm run bench:obligations`.
 */
import { spawn } from "node:child_process";
import { createSession, sessionCookie } from "../src/auth/session.ts";
import { openDatabase, type Database, type Engine } from "../src/db/index.ts";
import { recomputeObligations } from "../src/modules/obligations/recompute.service.ts";
import { findCurrentPolicyVersion } from "../src/modules/policies/policies.repo.ts";
import { validateProfileData } from "../src/profile/errors.ts";
import { startServer } from "../src/server/start-server.ts";
import { renderPolicySet } from "../src/templates/render.ts";
import { createStore } from "../test/support/databases.ts";
import type { LoadPlan, LoadResult } from "./load.ts";
import { PEOPLE, seedHistory, type SeededHistory } from "./seed-obligations.ts";

type Row = [string, string, string];
const ms = (x: number) => `${x.toFixed(1)} ms`;

function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", new URL("./load.ts", import.meta.url).pathname, JSON.stringify(plan)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`load exited with ${code}`));
    });
  });
}

/** Times recomputeObligations for a variant of the seeded profile, as a new version would run it. */
async function timeRecompute(
  db: Database,
  seeded: SeededHistory,
  change: (profile: Record<string, unknown>) => void,
): Promise<{ ms: number; opened: number; added: number }> {
  const data = structuredClone(seeded.profile);
  change(data);
  const checked = validateProfileData(data);
  if (!checked.ok) throw new Error("bench profile variant does not validate");
  const set = renderPolicySet(checked.profile);
  const version = (await findCurrentPolicyVersion(db, seeded.organizationId))!;
  const start = performance.now();
  const result = await db.transaction((tx) =>
    recomputeObligations(tx, {
      organizationId: seeded.organizationId,
      policyVersionId: version.id,
      commitments: set.policies.flatMap((p) => p.commitments),
      graceDays: checked.profile.governance.graceDays,
      timeZone: checked.profile.organization.timeZone,
      effectiveFrom: seeded.today,
      now: seeded.now,
      actor: { type: "user", id: seeded.officerId },
    }),
  );
  return { ms: performance.now() - start, opened: result.opened, added: result.occurrencesAdded };
}

async function benchEngine(label: string, engine: Engine, baseUrl?: string): Promise<Row[]> {
  const store = await createStore(engine, baseUrl);
  try {
    const db = await openDatabase(store.options);
    const seedStart = performance.now();
    const seeded = await seedHistory(db);
    const seedMs = performance.now() - seedStart;
    const unchanged = await timeRecompute(db, seeded, () => {});
    const changed = await timeRecompute(db, seeded, (p) => {
      p["auditing"] = { ...(p["auditing"] as object), logReviewCadence: "2 weeks" };
      p["training"] = { ...(p["training"] as object), refreshCadence: "semiannually" };
    });
    const cookies: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const session = await db.transaction((tx) =>
        createSession(tx, {
          userId: seeded.officerId,
          organizationId: seeded.organizationId,
          mfaVerified: true,
          now: new Date(),
        }),
      );
      cookies.push(`${sessionCookie}=${session.token}`);
    }
    await db.close();
    const rows: Row[] = [
      [
        `seed ${PEOPLE.toLocaleString("en-US")} people, six years (${label})`,
        `${(seedMs / 1000).toFixed(1)} s`,
        `${seeded.occurrences.toLocaleString("en-US")} occurrences, ${seeded.completed.toLocaleString("en-US")} completed`,
      ],
      [
        `recompute, nothing changed (${label})`,
        ms(unchanged.ms),
        `idempotent: ${unchanged.opened} opened, ${unchanged.added} added; target < 2 s`,
      ],
      [
        `recompute, two cadences changed (${label})`,
        ms(changed.ms),
        `${changed.opened} obligations reopened, ${changed.added} occurrences added; target < 2 s`,
      ],
    ];
    // The dashboard as served (answers kept until the organization's data changes), and with every
    // answer computed again: what a request costs right after a change.
    for (const kept of [true, false]) {
      const server = await startServer({
        ...store.options,
        port: 0,
        host: "127.0.0.1",
        mailer: { send: () => Promise.resolve() },
        ...(kept ? {} : { responseCache: { maxBytes: 0, ttlMs: 0 } }),
      });
      try {
        const probe = await fetch(`${server.url}/api/v1/dashboard`, { headers: { cookie: cookies[0]! } });
        if (probe.status !== 200) throw new Error(`dashboard answered ${probe.status}`);
        for (const connections of [1, 10]) {
          const plan: LoadPlan = {
            origin: server.url,
            connections,
            seconds: 5,
            targets: [{ path: "/api/v1/dashboard", cookies }],
          };
          await load({ ...plan, seconds: 1 });
          const r = await load(plan);
          rows.push([
            `p95 GET /api/v1/dashboard, ${connections} connection(s), ${kept ? "answers kept" : "recomputed"} (${label})`,
            ms(r.p95),
            `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}; ${Math.round(r.perSecond)} req/s; target p95 < 100 ms${r.failures ? `; ${r.failures} FAILED` : ""}`,
          ]);
        }
      } finally {
        await server.close();
      }
    }
    return rows;
  } finally {
    await store.dispose();
  }
}

export async function benchObligations(postgresUrl: string | undefined): Promise<Row[]> {
  const rows = await benchEngine("PGlite", "pglite");
  if (postgresUrl) rows.push(...(await benchEngine("PostgreSQL", "postgres", postgresUrl)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchObligations(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [what, value, note] of rows)
    console.log(`${what.padEnd(width)}  ${value.padStart(10)}  ${note}`);
}
