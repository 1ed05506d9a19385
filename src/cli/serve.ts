/**
 * `steward serve [--port N] [--data DIR] [--host H]`: runs the application (API and web UI) until
 * interrupted. `npm start` runs it on `.steward-data`.
 */
import { config } from "../config.ts";
import { storageOptions } from "../db/index.ts";
import { startServer } from "../server/start-server.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";
import { CliError } from "./io.ts";

const usage = `Usage: steward serve [--port N] [--data DIR] [--host H]

Serves Steward (web UI and API). With no organization yet, the web UI offers to set one up.

Options:
  --port N    the port to listen on (default: PORT, else 8080; 0 picks a free one)
  --host H    the address to listen on (default: HOST, else 127.0.0.1)
  --data DIR  the data directory (embedded database); without it DATABASE_URL, then STEWARD_DATA
  -h, --help  show this help`;

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65535)
    throw new CliError(`--port: expected a port number from 0 to 65535, got "${value}"`);
  return port;
}

/** Resolves on the first SIGINT or SIGTERM. */
const interrupted = () =>
  new Promise<void>((resolve) => {
    process.once("SIGINT", () => {
      resolve();
    });
    process.once("SIGTERM", () => {
      resolve();
    });
  });

export const serveCommand: Command = {
  name: "serve",
  summary: "Run the Steward application (web UI and API)",
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const settings = config();
    const port = values.port === undefined ? settings.PORT : parsePort(values.port);
    const host = values.host ?? settings.HOST;
    if (host.trim() === "") throw new CliError("--host: expected an address such as 127.0.0.1");
    let server;
    try {
      server = await startServer({
        ...storageOptions(values),
        port,
        host,
        log: (line) => {
          io.err(line);
        },
      });
    } catch (error) {
      throw new CliError(`cannot start: ${(error as Error).message}`, 1);
    }
    io.out(`Steward is running at ${server.url}/`);
    if (server.setupNeeded)
      io.out("No organization yet: open that address to set one up, or run 'steward init'.");
    io.out("Press Ctrl+C to stop.");
    await interrupted();
    await server.close();
    io.out("Steward stopped.");
    return 0;
  },
};
