/**
 * `steward start` (what `npm start` runs): builds the embedded default organization's policy site
 * and serves it on localhost, printing the URL. The full application server replaces this once the
 * platform core lands; until then this shows what Steward publishes with zero setup.
 */
import { join } from "node:path";
import { config } from "../config.ts";
import { packageRoot } from "../paths.ts";
import { loadProfileFile } from "../profile/load.ts";
import { buildPolicies } from "../publish/build.ts";
import { serveDirectory } from "../publish/static-server.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";
import { CliError } from "./io.ts";

export const start: Command = {
  name: "start",
  summary: "Build the default example organization's policies and serve them on localhost",
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: "string" },
      profile: { type: "string" },
      data: { type: "string" },
    });
    const settings = config();
    const port = values.port === undefined ? settings.PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port: expected a port number from 0 to 65535, got "${values.port ?? ""}"`);
    const profilePath = values.profile ?? join(packageRoot(), "examples", "brightpath-saas.yaml");
    const loaded = loadProfileFile(profilePath);
    if (!loaded.ok)
      throw new CliError(`${profilePath}: invalid profile; run 'steward profile check ${profilePath}'`, 1);
    const outDir = join(values.data ?? settings.STEWARD_DATA, "published");
    const result = await buildPolicies(loaded.profile, { outDir, formats: ["site", "markdown"] });
    // Loaded here, not at the top: only this command needs an HTTP server.
    const { createServer } = await import("node:http");
    const server = createServer(serveDirectory(join(outDir, "site")));
    await new Promise<void>((resolve) => server.listen(port, settings.HOST, resolve));
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    io.out(
      `Steward is serving ${result.set.profile.organization.name}'s ${result.set.policies.length} policies at http://${settings.HOST}:${actualPort}/`,
    );
    io.out("Press Ctrl+C to stop.");
    await new Promise<void>((resolve) => server.on("close", resolve));
    return 0;
  },
};
