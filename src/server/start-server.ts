/**
 * Opens the database and serves the application with its real dependencies: the system clock, the
 * configured mailer, security settings from each organization's profile and the built web UI.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { config } from "../config.ts";
import { openDatabase } from "../db/index.ts";
import { resolveEvidenceKeys } from "../evidence/keyring.ts";
import { mailerFromConfig } from "../mail/mailer.ts";
import { createOutboxRunner } from "../modules/outbox/outbox.service.ts";
import { securitySettingsFor } from "../modules/identity/security-settings.ts";
import { unsafeAnyOrganization } from "../modules/setup/setup.repo.ts";
import { packageRoot } from "../paths.ts";
import { buildApp } from "./app.ts";
import { systemClock, type AppDeps, type Mailer } from "./deps.ts";
import type { ResponseCacheOptions } from "./response-cache.ts";
import { startScheduler } from "./scheduler.ts";

export interface StartServerOptions {
  /** Steward's data directory (embedded PGlite). Exactly one of dataDir and url. */
  dataDir?: string;
  /** A PostgreSQL URL. */
  url?: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** The configured mailer (SMTP or console) unless given. */
  mailer?: Mailer;
  /** Minutes between scheduler passes; STEWARD_SCHEDULER_MINUTES unless given; 0 turns it off. */
  schedulerMinutes?: number;
  /** Where the scheduler reports failures (ids and error kinds only); the CLI passes its error stream. */
  log?: (line: string) => void;
  /** Kept read answers (response-cache.ts); the defaults unless given (the benchmarks compare). */
  responseCache?: ResponseCacheOptions;
}

export interface RunningServer {
  /** `http://HOST:PORT` without a trailing slash. */
  url: string;
  /** True while no organization exists: the web UI offers setup. */
  setupNeeded: boolean;
  /** Stops listening and closes the database (PGlite flushes to disk). */
  close(): Promise<void>;
}

/** The host as a browser can reach it: a wildcard address becomes loopback, IPv6 gets brackets. */
function reachableHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const storage =
    options.url !== undefined ? { url: options.url } : { dataDir: options.dataDir ?? config().STEWARD_DATA };
  const db = await openDatabase(storage);
  try {
    // The configured keys, else the data directory's key file (generated on first start).
    const evidenceKeys = resolveEvidenceKeys({
      configured: config().STEWARD_EVIDENCE_KEYS,
      dataDir: "dataDir" in storage ? storage.dataDir : undefined,
      create: true,
    });
    const webDist = join(packageRoot(), "web", "dist");
    const mailer = options.mailer ?? mailerFromConfig();
    const deps: AppDeps = {
      db,
      clock: systemClock,
      mailer,
      // Failures of mail sent after a request go to the same stream as the scheduler's.
      outbox: createOutboxRunner({ db, clock: systemClock, mailer }, options.log),
      secureCookies: true,
      securitySettings: securitySettingsFor(db),
      webRoot: existsSync(join(webDist, "index.html")) ? webDist : null,
      evidenceKeys,
      ...(options.responseCache ? { responseCache: options.responseCache } : {}),
    };
    const app = await buildApp(deps);
    await app.listen({ port: options.port, host: options.host });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://${reachableHost(options.host)}:${port}`;
    // Links in emails use the configured public address, else the address just opened.
    deps.baseUrl = config().STEWARD_BASE_URL ?? url;
    const setupNeeded = !(await unsafeAnyOrganization(db));
    const minutes = options.schedulerMinutes ?? config().STEWARD_SCHEDULER_MINUTES;
    const stopScheduler =
      minutes > 0
        ? startScheduler(
            { db, clock: deps.clock, mailer: deps.mailer, baseUrl: deps.baseUrl },
            { intervalMs: minutes * 60_000, ...(options.log ? { log: options.log } : {}) },
          )
        : () => Promise.resolve();
    return {
      url,
      setupNeeded,
      async close() {
        await stopScheduler();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
