/**
 * `importPeople`: a roster CSV in one transaction, all or nothing. Every row is checked first and
 * every problem reported; a file with any problem writes nothing.
 *
 * Which imported people owe new-hire training: those whose start date lies within
 * training.newHireDays of today (or later) and who have not left. They get `workforce.hired`, as
 * a hire through the form would, so their training falls due from their start date. Earlier
 * starters are existing staff whose onboarding predates Steward: no trigger (their refresher
 * training still runs per person).
 */
import { recordEvent } from "../../audit/index.ts";
import type { Database } from "../../db/index.ts";
import { addDays, localDateOf, startOfLocalDay } from "../../obligations/deadlines.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { materializeOccurrences } from "../obligations/recompute.service.ts";
import { raiseObligationEvent } from "../obligations/triggers.service.ts";
import { lockOrganization } from "../profile/profile.repo.ts";
import { actorOf, type WorkforceCaller } from "./caller.ts";
import { validateImport } from "./import.validate.ts";
import { insertPerson, linkableMembers, rosterIdsByEmail, setSupervisor } from "./people.repo.ts";
import { workforceSettings } from "./settings.repo.ts";

export interface ImportOutcome {
  imported: number;
  hireTriggers: number;
  personIds: string[];
}

export async function importPeople(options: {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  csv: string;
  now: Date;
}): Promise<ImportOutcome> {
  const { organizationId, now } = options;
  const actor = actorOf(options.caller, "importPeople");
  return options.db.transaction(async (tx) => {
    if (!(await lockOrganization(tx, organizationId))) throw notFound("organization");
    const roster = await rosterIdsByEmail(tx, organizationId);
    const checked = validateImport(options.csv, new Set(roster.keys()));
    if (!checked.ok) {
      const count = checked.problems.length;
      throw new AppError(
        "validation_failed",
        `the file has ${count} ${count === 1 ? "problem" : "problems"}; nothing was imported`,
        checked.problems.map((message) => ({ field: "body.csv", message })),
      );
    }
    const { rows } = checked;
    const members = await linkableMembers(
      tx,
      organizationId,
      rows.map((r) => r.email),
    );
    const ids = new Map(roster);
    const personIds: string[] = [];
    for (const row of rows) {
      const id = await insertPerson(
        tx,
        organizationId,
        { ...row, supervisorId: null, userId: members.get(row.email) ?? null },
        now,
      );
      ids.set(row.email, id);
      personIds.push(id);
    }
    // Supervisors may appear later in the file than the people they supervise.
    for (const row of rows) {
      if (row.supervisorEmail)
        await setSupervisor(tx, organizationId, ids.get(row.email)!, ids.get(row.supervisorEmail)!);
    }
    const settings = await workforceSettings(tx, organizationId);
    const today = localDateOf(now, settings.timeZone);
    const owesTraining = (row: (typeof rows)[number]) =>
      row.startDate >= addDays(today, -settings.newHireDays) &&
      (row.endDate === null || row.endDate >= today);
    let hireTriggers = 0;
    for (const row of rows.filter(owesTraining)) {
      const personId = ids.get(row.email)!;
      await raiseObligationEvent(tx, {
        organizationId,
        event: "workforce.hired",
        occurredAt: startOfLocalDay(row.startDate, settings.timeZone),
        subject: { type: "person", id: personId },
        personId,
        timeZone: settings.timeZone,
        actor,
        now,
      });
      hireTriggers += 1;
    }
    await materializeOccurrences(tx, organizationId, settings.timeZone, now);
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "people.imported",
        target: { type: "organization", id: organizationId },
        changes: { count: rows.length, hireTriggers, personIds },
      },
    });
    return { imported: rows.length, hireTriggers, personIds };
  });
}
