/**
 * The web UI as `steward serve` delivers it: startServer with its real dependencies serves the
 * built UI, falls back to the app shell for the UI's own addresses, and a new installation opens
 * on the setup page in Chromium without any request leaving the server.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium } from "playwright-core";
import { startServer, type RunningServer } from "../../src/server/start-server.ts";
import { chromiumMissing, chromiumPath, launchArgs, prepareWebDist } from "./harness.ts";

describe("the served web UI", { skip: chromiumMissing, timeout: 120_000 }, () => {
  let server: RunningServer;
  let data: string;
  before(async () => {
    await prepareWebDist();
    data = mkdtempSync(join(tmpdir(), "steward-serve-"));
    server = await startServer({
      dataDir: data,
      port: 0,
      host: "127.0.0.1",
      mailer: { send: () => Promise.resolve() },
    });
  });
  after(async () => {
    await server.close();
    rmSync(data, { recursive: true, force: true });
  });

  it("serves the app shell, its assets and the API from one origin", async () => {
    const shell = await fetch(`${server.url}/`);
    assert.equal(shell.status, 200);
    assert.match(shell.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(shell.headers.get("content-security-policy") ?? "", /default-src 'self'/);
    const html = await shell.text();
    assert.match(html, /<div id="root"><\/div>/);
    // No address outside the server in the page: no CDN, no web fonts.
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, "the shell loads no script");
    const asset = await fetch(`${server.url}${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get("content-type") ?? "", /javascript/);

    // The UI's own addresses get the shell; unknown API addresses get a JSON error.
    const deep = await fetch(`${server.url}/policies/access-control`);
    assert.equal(deep.status, 200);
    assert.equal(await deep.text(), html);
    const missing = await fetch(`${server.url}/api/v1/no-such-thing`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), {
      error: { code: "not_found", message: "no such route", fields: [] },
    });
  });

  it("opens a new installation on the setup page", async () => {
    assert.equal(server.setupNeeded, true);
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs });
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      const errors: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith("data:"))
          outside.push(request.url());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await page.goto(`${server.url}/`);
      await page.waitForURL("**/setup");
      await page.getByRole("heading", { name: "Set up Steward" }).waitFor();
      assert.equal(await page.title(), "Set up Steward - Steward");
      assert.deepEqual(outside, []);
      // The first session probe answers 401 (nobody is signed in), which Chromium logs.
      assert.deepEqual(
        errors.filter((text) => !text.includes("401")),
        [],
      );
    } finally {
      await browser.close();
    }
  });
});
