/**
 * `steward` entry point: maps "<command> <subcommand>" to a handler. Handlers take argv and an IO
 * object and return the exit code, so tests call them in-process and through the real binary alike.
 */
import { processIo, type CliIo } from "./io.ts";
import { commands } from "./commands.ts";
import { exitWith, runCommand } from "./run-command.ts";

const usage = `Usage: steward <command>

Commands:
${commands.map((c) => `  ${c.name.padEnd(18)} ${c.summary}`).join("\n")}

Run 'steward <command> --help' for the options of one command.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  if (!first || first === "--help" || first === "-h" || first === "help") {
    io.out(usage);
    return first ? 0 : 2;
  }
  const command =
    commands.find((c) => c.name === `${first} ${second ?? ""}`.trim()) ??
    commands.find((c) => c.name === first);
  if (!command) {
    io.err(`steward: unknown command '${[first, second].filter(Boolean).join(" ")}'\n\n${usage}`);
    return 2;
  }
  const rest = argv.slice(command.name.split(" ").length);
  return runCommand(command.name, () => command.load(), rest, io);
}

const isEntry = process.argv[1] !== undefined && /(steward(\.js)?|main\.ts)$/.test(process.argv[1]);
if (isEntry) exitWith(runCli(process.argv.slice(2), processIo));
