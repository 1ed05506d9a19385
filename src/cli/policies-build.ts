/** `steward policies build --profile FILE --out DIR [--format site,markdown,pdf] [--chromium PATH]` */
import { relative } from "node:path";
import { config } from "../config.ts";
import { loadProfileFile } from "../profile/load.ts";
import { buildPolicies, publishFormats, type PublishFormat } from "../publish/build.ts";
import { TemplateError, formatProblem } from "../templates/errors.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";
import { CliError } from "./io.ts";
import { formatFinding } from "./findings.ts";

const help = `Usage: steward policies build --profile FILE --out DIR [--format site,markdown,pdf] [--chromium PATH]

Renders the organization's policy set from its profile and writes:
  DIR/site/index.html      static website (with --format site)
  DIR/markdown/<id>.md     one Markdown file per policy (with --format markdown)
  DIR/policies.pdf         the whole set as one PDF (with --format pdf; needs Chromium)
  DIR/coverage.json        always: every HIPAA citation and the sections that address it
Default formats: site,markdown. Chromium: --chromium PATH, else STEWARD_CHROMIUM, else /usr/bin/chromium.`;

export function parseFormats(value: string | undefined): PublishFormat[] {
  if (value === undefined) return ["site", "markdown"];
  const formats = value
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  if (formats.length === 0)
    throw new CliError(`--format: expected one or more of ${publishFormats.join(", ")}, got nothing`);
  for (const format of formats) {
    if (!(publishFormats as readonly string[]).includes(format)) {
      throw new CliError(
        `--format: unknown format "${format}"; expected one or more of ${publishFormats.join(", ")}`,
      );
    }
  }
  return [...new Set(formats)] as PublishFormat[];
}

export const policiesBuild: Command = {
  name: "policies build",
  summary: "Render the policy set from a profile (site, Markdown, PDF, coverage.json)",
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      profile: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      chromium: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(help);
      return 0;
    }
    if (!values.profile) throw new CliError("--profile FILE is required");
    if (!values.out) throw new CliError("--out DIR is required");
    const formats = parseFormats(values.format);
    const started = performance.now();
    const loaded = loadProfileFile(values.profile);
    if (!loaded.ok) {
      for (const finding of loaded.errors) io.err(formatFinding(finding, values.profile));
      io.err(
        `${values.profile}: invalid profile, nothing was built (run 'steward profile check ${values.profile}' for details)`,
      );
      return 1;
    }
    for (const warning of loaded.warnings) io.err(formatFinding(warning, values.profile));
    try {
      const result = await buildPolicies(loaded.profile, {
        outDir: values.out,
        formats,
        chromiumPath: values.chromium ?? config().STEWARD_CHROMIUM,
      });
      const { summary } = result.coverage;
      const org = result.set.profile.organization.name;
      io.out(
        `Built ${result.set.policies.length} policies for ${org} (version ${result.set.version}, effective ${result.set.effectiveDate}) ` +
          `into ${relative(process.cwd(), values.out) || "."}: ${formats.join(", ")}, coverage.json ` +
          `(${summary.addressed} of ${summary.citations} citations addressed) in ${Math.round(performance.now() - started)} ms`,
      );
      return 0;
    } catch (error) {
      if (error instanceof TemplateError) {
        for (const problem of error.problems) io.err(formatProblem(problem));
        io.err(`${error.problems.length} template problem(s); nothing was written`);
        return 1;
      }
      if (error instanceof Error && error.message.startsWith("Chromium was not found"))
        throw new CliError(error.message, 1);
      throw error;
    }
  },
};
