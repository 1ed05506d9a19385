/**
 * `steward profile check FILE [--json]`: validates a profile and runs the regulatory lint. Other
 * tools rely on its output (see "Command-line contract" in DESIGN.md): every error as
 * `path: message`, warnings prefixed `warning: `, exit 0 when valid and 1 with errors.
 */
import { loadProfileFile } from "../profile/load.ts";
import { formatFinding } from "./findings.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";
import { CliError } from "./io.ts";

const usage = `Usage: steward profile check FILE [--json]

Validates an organization profile (YAML or JSON) and runs the regulatory lint.

Options:
  --json      print { "valid", "errors", "warnings" } as JSON instead of text
  -h, --help  show this help

Exit status: 0 when valid (warnings allowed), 1 with errors, 2 for usage errors.`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The closing line: "x.yaml: valid (2 warnings)" or "x.yaml: 3 errors, 1 warning". */
function summary(file: string, errors: number, warnings: number): string {
  if (errors > 0) return `${file}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  return warnings > 0 ? `${file}: valid (${plural(warnings, "warning")})` : `${file}: valid`;
}

export const profileCheck: Command = {
  name: "profile check",
  summary: "Validate a profile and run the regulatory lint",
  run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      1,
    );
    if (values.help) {
      io.out(usage);
      return Promise.resolve(0);
    }
    const file = positionals[0];
    if (!file) throw new CliError(`expected a profile FILE\n\n${usage}`);

    const result = loadProfileFile(file);
    const errors = result.ok ? [] : result.errors;
    const { warnings } = result;
    if (values.json) {
      io.out(JSON.stringify({ valid: result.ok, errors, warnings }, null, 2));
    } else {
      for (const finding of [...errors, ...warnings]) io.out(formatFinding(finding, file));
      io.out(summary(file, errors.length, warnings.length));
    }
    return Promise.resolve(result.ok ? 0 : 1);
  },
};
