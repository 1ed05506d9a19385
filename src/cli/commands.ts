/**
 * The command table. Each command's code is loaded only when it runs (a separate chunk in the
 * bundle), so `steward policies build` does not pay for the server, the database engines or the
 * browser driver. Names and summaries live here for `--help`; a test checks they match the files.
 */
import type { CliIo } from "./io.ts";

export interface Command {
  name: string;
  summary: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  {
    name: "profile check",
    summary: "Validate a profile and run the regulatory lint",
    load: async () => (await import("./profile-check.ts")).profileCheck,
  },
  {
    name: "profile fields",
    summary: "List every profile field with its description, default and the policy sections that use it",
    load: async () => (await import("./profile-fields.ts")).profileFieldsCommand,
  },
  {
    name: "policies build",
    summary: "Render the policy set from a profile (site, Markdown, PDF, coverage.json)",
    load: async () => (await import("./policies-build.ts")).policiesBuild,
  },
  {
    name: "init",
    summary: "Create an organization from a profile, with its first owner",
    load: async () => (await import("./init.ts")).initCommand,
  },
  {
    name: "serve",
    summary: "Run the Steward application (web UI and API)",
    load: async () => (await import("./serve.ts")).serveCommand,
  },
  {
    name: "audit verify",
    summary: "Check the audit trail's hash chains and name the first broken event",
    load: async () => (await import("./audit-verify.ts")).auditVerifyCommand,
  },
  {
    name: "evidence rotate-keys",
    summary: "Re-encrypt every evidence file under the active evidence key",
    load: async () => (await import("./evidence-rotate.ts")).evidenceRotateCommand,
  },
];
