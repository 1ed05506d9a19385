/**
 * `steward audit verify [--org SLUG] [--client-hashing] [--data DIR]`: recomputes the audit trail's
 * hash chains. Exit 0 when intact, 1 naming the first broken event, 2 for usage errors and unknown
 * organizations.
 */
import { findOrganizationBySlug, verifyAuditChain } from "../audit/index.ts";
import { openDatabase, storageOptions, type Database } from "../db/index.ts";
import { parseFlags } from "./args.ts";
import type { Command } from "./commands.ts";
import { CliError, type CliIo } from "./io.ts";

const usage = `Usage: steward audit verify [--org SLUG] [--client-hashing] [--data DIR]

Recomputes every audit event's hash, in order, per organization, and reports the first event that
was altered, inserted, deleted or reordered.

Options:
  --org SLUG        verify one organization (default: all)
  --client-hashing  on PostgreSQL, hash every event here instead of letting the server hash long
                    trails: slower, but the result rests on the stored rows alone, not on the
                    server's own functions
  --data DIR        the data directory (embedded database); without it DATABASE_URL, then
                    STEWARD_DATA
  -h, --help        show this help

Exit status: 0 when intact, 1 when broken, 2 for usage errors or an unknown organization.`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The command's work on an open database (tests call it with theirs, on both engines). */
export async function auditVerify(
  db: Database,
  options: { org?: string | undefined; "client-hashing"?: boolean | undefined },
  io: CliIo,
): Promise<number> {
  let organizationId: string | undefined;
  if (options.org !== undefined) {
    const organization = await findOrganizationBySlug(db, options.org);
    if (!organization) throw new CliError(`no organization with slug "${options.org}"`);
    organizationId = organization.id;
  }
  const result = await verifyAuditChain(db, {
    organizationId,
    hashInDatabase: options["client-hashing"] !== true,
  });
  if (result.ok) {
    io.out(
      `audit trail intact: ${plural(result.count, "event")} in ${plural(result.organizations, "organization")}`,
    );
    return 0;
  }
  const { organization, seq, eventId, problem, detail } = result;
  io.out(
    `audit trail broken in ${organization.slug} at event seq ${seq} (id ${eventId ?? "missing"}): ${problem} (${detail})`,
  );
  return 1;
}

export const auditVerifyCommand: Command = {
  name: "audit verify",
  summary: "Check the audit trail's hash chains and name the first broken event",
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      org: { type: "string" },
      "client-hashing": { type: "boolean" },
      data: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    let db: Database;
    try {
      db = await openDatabase({ ...storageOptions(values), mustExist: true });
    } catch (error) {
      throw new CliError(`cannot open the database: ${(error as Error).message}`);
    }
    try {
      return await auditVerify(db, values, io);
    } finally {
      await db.close();
    }
  },
};
