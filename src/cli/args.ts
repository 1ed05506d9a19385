/** Strict flag parsing on node:util parseArgs: unknown flags and missing values are usage errors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./io.ts";

export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
  positionals = 0,
) {
  try {
    const parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) {
      throw new CliError(`unexpected argument '${parsed.positionals[positionals]!}'`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      error instanceof Error ? error.message.replace(/\. To specify.*$/s, "") : String(error),
    );
  }
}
