/**
 * `steward init --profile FILE --admin-email EMAIL [--data DIR] [--name NAME]`: creates an
 * organization from a profile, its first owner, and stores the profile as version 1, in one
 * transaction. The password comes from standard input (first line) or a prompt.
 */
import { userInfo } from "node:os";
import type { z } from "zod";
import { openDatabase, storageOptions, type Database } from "../db/index.ts";
import { DisplayName, Email } from "../modules/identity/identity.schema.ts";
import { passwordProblem } from "../modules/identity/password.ts";
import { FIRST_OWNER_ROLES, setUpOrganization } from "../modules/setup/setup.service.ts";
import { loadProfileFile } from "../profile/load.ts";
import type { Profile } from "../profile/schema.ts";
import { AppError } from "../server/errors.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";
import { CliError, type CliIo } from "./io.ts";
import { readPassword } from "./password-prompt.ts";

const usage = `Usage: steward init --profile FILE --admin-email EMAIL [--data DIR] [--name NAME]

Creates an organization from its profile, with a first owner who is also the security officer,
and stores the profile as the organization's first version. The owner's password is read from
the first line of standard input when it is piped, otherwise asked for (twice, not shown).

Options:
  --profile FILE       the organization profile (YAML or JSON), as 'steward profile check' reads it
  --admin-email EMAIL  the first owner's email address, used to sign in
  --name NAME          the owner's name (default: from the profile's people, else the email)
  --data DIR           the data directory (embedded database); without it DATABASE_URL, then STEWARD_DATA
  -h, --help           show this help

Exit status: 0 when created, 1 for an invalid profile or an existing organization or account,
2 for usage errors and passwords the profile's rules refuse.`;

/** An organization slug from its name: `BrightPath Scheduling` becomes `brightpath-scheduling`. */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

/** The name the profile gives the person with this email, if it names them. */
function nameInProfile(profile: Profile, email: string): string | null {
  const { securityOfficer, privacyOfficer, engineeringLead, executive } = profile.people;
  const person = [securityOfficer, privacyOfficer, engineeringLead, executive].find(
    (p) => p?.email.toLowerCase() === email,
  );
  return person?.name ?? null;
}

function flagValue<T extends z.ZodType>(schema: T, flag: string, value: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(`${flag}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** Where the data went, for the summary. */
const describeStore = (options: { dataDir?: string; url?: string }) =>
  options.url !== undefined ? "PostgreSQL (DATABASE_URL)" : (options.dataDir ?? "");

function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
}

export const initCommand: Command = {
  name: "init",
  summary: "Create an organization from a profile, with its first owner",
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      profile: { type: "string" },
      "admin-email": { type: "string" },
      name: { type: "string" },
      data: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (values.profile === undefined)
      throw new CliError("--profile: required (the organization profile file)");
    if (values["admin-email"] === undefined)
      throw new CliError("--admin-email: required (the first owner's email)");
    const email = flagValue(Email, "--admin-email", values["admin-email"]);
    const loaded = loadProfileFile(values.profile);
    if (!loaded.ok) {
      for (const e of loaded.errors) io.err(`${e.path}${e.line ? ` (line ${e.line})` : ""}: ${e.message}`);
      throw new CliError(`${values.profile}: invalid profile; nothing was created`, 1);
    }
    const profile = loaded.profile;
    const displayName = flagValue(
      DisplayName,
      "--name",
      values.name ?? nameInProfile(profile, email) ?? email,
    );
    const slug = slugFromName(profile.organization.name);
    if (slug === "")
      throw new CliError("organization.name: needs letters or digits to make the organization's slug", 1);
    const password = await readPassword(io, `Password for ${email}`);
    const problem = passwordProblem(password, {
      email,
      displayName,
      minLength: profile.access.passwordMinLength,
    });
    if (problem) throw new CliError(`password: ${problem} (access.passwordMinLength in the profile)`);

    const store = storageOptions(values);
    let db: Database;
    try {
      db = await openDatabase(store);
    } catch (error) {
      throw new CliError(`cannot open the database: ${(error as Error).message}`, 1);
    }
    try {
      const result = await setUpOrganization({
        db,
        now: new Date(),
        organization: { slug, name: profile.organization.name },
        admin: { email, displayName, password },
        passwordMinLength: profile.access.passwordMinLength,
        firstOnly: false,
        actor: { type: "cli", id: operator() },
        profile,
      });
      report(io, { ...result, store: describeStore(store) });
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code !== "internal") throw new CliError(cliMessage(error), 1);
      throw error;
    } finally {
      await db.close();
    }
  },
};

const flagOfField: Record<string, string> = {
  "body.organization.slug": "organization.name",
  "body.admin.email": "--admin-email",
  "body.admin.password": "password",
};

function cliMessage(error: AppError): string {
  const field = error.fields[0];
  return field ? `${flagOfField[field.field] ?? field.field}: ${field.message}` : error.message;
}

function report(io: CliIo, result: Awaited<ReturnType<typeof setUpOrganization>> & { store: string }): void {
  io.out(
    `Created organization ${result.organization.name} (slug ${result.organization.slug}) in ${result.store}.`,
  );
  io.out(`Owner: ${result.user.email}, roles ${FIRST_OWNER_ROLES.join(" and ")}.`);
  io.out(
    result.profileVersion === null
      ? "The profile was not stored."
      : `Stored the profile as version ${result.profileVersion}.`,
  );
  io.out("Sign in and set up an authenticator app: owners and officers need a second factor.");
}
