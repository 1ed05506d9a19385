/** `steward serve` as a user runs it: a real process that prints its address and stops on SIGTERM. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { CliIo } from "../../src/cli/io.ts";
import { runCli } from "../../src/cli/main.ts";
import { packageRoot } from "../../src/paths.ts";

const root = mkdtempSync(join(tmpdir(), "steward-serve-"));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("steward serve", () => {
  it("answers bad flags with exit 2 and the problem", async () => {
    const err: string[] = [];
    const io: CliIo = { out: () => {}, err: (t) => err.push(t), readStdin: () => Promise.resolve("") };
    assert.equal(await runCli(["serve", "--port", "http"], io), 2);
    assert.equal(await runCli(["serve", "--port", "70000"], io), 2);
    assert.equal(await runCli(["serve", "--verbose"], io), 2);
    assert.deepEqual(err, [
      'steward serve: --port: expected a port number from 0 to 65535, got "http"',
      'steward serve: --port: expected a port number from 0 to 65535, got "70000"',
      "steward serve: Unknown option '--verbose'",
    ]);
  });

  it("prints its address, offers setup on an empty store and stops cleanly", async () => {
    // No SMTP server: the console mailer (nothing is sent in this test anyway).
    const env = { ...process.env };
    delete env.STEWARD_SMTP_URL;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(packageRoot(), "src/cli/main.ts"),
        "serve",
        "--port",
        "0",
        "--data",
        join(root, "data"),
      ],
      { stdio: ["ignore", "pipe", "pipe"], env },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + 30_000;
    while (!/Press Ctrl\+C/.test(output) && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    const match = /^Steward is running at (http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(output);
    assert.ok(match, output);
    assert.match(output, /No organization yet: open that address to set one up, or run 'steward init'\./);
    const response = await fetch(`${match[1]}/api/v1/setup`);
    assert.deepEqual(await response.json(), { needed: true });
    assert.equal(response.headers.get("x-frame-options"), "DENY");
    child.kill("SIGTERM");
    assert.equal(await exited, 0, output);
    assert.match(output, /Steward stopped\.\n$/);
  });
});
