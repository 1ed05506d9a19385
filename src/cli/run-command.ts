/**
 * How `steward` runs one command and ends the process, shared by the bundle's entry (main.ts) and
 * the startup snapshot that serves `policies build` (src/snapshot/), so both print the same errors
 * and exit with the same codes.
 */
import { config } from "../config.ts";
import type { Command } from "./commands.ts";
import { CliError, type CliIo } from "./io.ts";

/** Runs a command; a `CliError` becomes "steward <name>: message" and its exit code. */
export async function runCommand(
  name: string,
  load: () => Command | Promise<Command>,
  argv: string[],
  io: CliIo,
): Promise<number> {
  try {
    return await (await load()).run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`steward ${name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

/** Sets the process exit code from a run; unknown failures print one generic line (exit 70). */
export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Unknown failures: a generic line, the stack only when asked, never record contents.
      process.stderr.write(
        `steward: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      if (config().STEWARD_DEBUG) console.error(error);
      process.exitCode = 70;
    },
  );
}
