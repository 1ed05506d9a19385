/**
 * Browser journeys: the real application (every route, real storage on a temporary PGlite data
 * directory, the built web UI) listening on a free port, a controlled clock, a mailer that keeps
 * what it sent, and headless Chromium driven by playwright-core.
 *
 * The app is assembled like `startServer` does, with one difference: the clock is the test's, so
 * idle logoff and TOTP codes follow it.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { openDatabase, type Database } from "../../src/db/index.ts";
import { generateEvidenceKeyRing } from "../../src/evidence/keyring.ts";
import { securitySettingsFor } from "../../src/modules/identity/security-settings.ts";
import { packageRoot } from "../../src/paths.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AppDeps } from "../../src/server/deps.ts";
import { ManualClock } from "../support/server.ts";
import { chromiumLaunchArgs } from "../../src/publish/pdf.ts";

export const chromiumPath = process.env.STEWARD_CHROMIUM ?? "/usr/bin/chromium";
export const chromiumMissing = existsSync(chromiumPath) ? false : `Chromium not found at ${chromiumPath}`;

export const launchArgs = chromiumLaunchArgs;

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

/**
 * The built web UI: web/dist when it is newer than the sources, else a fresh build in a temporary
 * directory of this process (test files run in parallel and must not overwrite each other's).
 */
/** Whether web/dist is missing or older than any source of the UI. */
function stale(web: string): boolean {
  const dist = join(web, "dist", "index.html");
  const sources = Math.max(newest(join(web, "src")), statSync(join(web, "index.html")).mtimeMs);
  return !existsSync(dist) || statSync(dist).mtimeMs < sources;
}

async function webRoot(): Promise<{ dir: string; temporary: boolean }> {
  const web = join(packageRoot(), "web");
  if (!stale(web)) return { dir: join(web, "dist"), temporary: false };
  const dir = mkdtempSync(join(tmpdir(), "steward-web-"));
  const { build } = await import("vite");
  await build({
    root: web,
    configFile: join(web, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: dir, emptyOutDir: true },
  });
  return { dir, temporary: true };
}

let preparing: Promise<void> | null = null;

/**
 * Makes web/dist current, for tests that go through `startServer` (which serves web/dist only).
 * The build goes to a temporary directory swapped in whole, so a test file running alongside
 * never reads a half-written web/dist.
 */
export function prepareWebDist(): Promise<void> {
  preparing ??= (async () => {
    const web = join(packageRoot(), "web");
    if (!stale(web)) return;
    // In tmp/ (ignored by git and lint), on the same disk as web/ so the rename below works.
    mkdirSync(join(packageRoot(), "tmp"), { recursive: true });
    const fresh = mkdtempSync(join(packageRoot(), "tmp", "web-dist-"));
    chmodSync(fresh, 0o755); // mkdtemp makes it private; web/dist is not.
    const { build } = await import("vite");
    await build({
      root: web,
      configFile: join(web, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: fresh, emptyOutDir: true },
    });
    const dist = join(web, "dist");
    const old = `${fresh}-old`;
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(fresh, dist);
    rmSync(old, { recursive: true, force: true });
  })();
  return preparing;
}

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

export interface Journey {
  url: string;
  /** The app's database, for data the UI would take too long to enter (a thousand members). */
  db: Database;
  clock: ManualClock;
  sent: SentMail[];
  page: Page;
  /** A second browser (own cookies), for another person. */
  newPage(): Promise<Page>;
  /** Requests that left the server's origin, and errors the pages logged (CSP violations included). */
  problems(): string[];
  close(): Promise<void>;
}

export async function startJourney(): Promise<Journey> {
  const data = mkdtempSync(join(tmpdir(), "steward-e2e-"));
  const web = await webRoot();
  const db = await openDatabase({ dataDir: data });
  const clock = new ManualClock();
  const sent: SentMail[] = [];
  const deps: AppDeps = {
    db,
    clock,
    mailer: { send: (message) => Promise.resolve(void sent.push(message)) },
    secureCookies: true,
    securitySettings: securitySettingsFor(db),
    webRoot: web.dir,
    evidenceKeys: generateEvidenceKeyRing("e2e-key").ring,
  };
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  deps.baseUrl = url;

  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: launchArgs,
  });
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({
      locale: "en-GB",
      timezoneId: "UTC",
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("request", (request) => {
      const target = request.url();
      if (!target.startsWith(url) && !/^(data|blob):/.test(target))
        problems.push(`external request: ${target}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      // A 401 or 423 the UI handles is logged by Chromium as a failed resource: expected here.
      if (message.type() === "error" && !/status of 40[0-9]|status of 42[0-9]/.test(message.text()))
        problems.push(`console error: ${message.text()}`);
    });
    return page;
  };
  const page = await newPage();
  return {
    url,
    db,
    clock,
    sent,
    page,
    newPage,
    problems: () => [...problems],
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await app.close();
      await db.close();
      rmSync(data, { recursive: true, force: true });
      if (web.temporary) rmSync(web.dir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot for people to look at (tmp/ is not committed). */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const dir = join(packageRoot(), "tmp");
  await page.screenshot({ path: join(dir, `ui-${name}.png`), fullPage: options.fullPage ?? true });
}
