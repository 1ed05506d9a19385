/**
 * Roster commands: `hirePerson` adds someone and raises `workforce.hired` (their new-hire training
 * falls due from the start date), `updatePerson` corrects details or records a new job title
 * (raising `workforce.role-changed`). Each runs in one transaction with its audit events.
 */
import { recordEvent } from "../../audit/index.ts";
import type { Database, Transaction } from "../../db/index.ts";
import { localDateOf, startOfLocalDay } from "../../obligations/deadlines.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { materializeOccurrences } from "../obligations/recompute.service.ts";
import { raiseObligationEvent } from "../obligations/triggers.service.ts";
import { lockOrganization } from "../profile/profile.repo.ts";
import { actorOf, type WorkforceCaller } from "./caller.ts";
import {
  findPerson,
  insertPerson,
  linkableMembers,
  peopleIdsByEmail,
  updatePersonRow,
  wouldLoop,
  type PersonRow,
} from "./people.repo.ts";
import type { HireBody, UpdatePersonBody } from "./people.schema.ts";
import { workforceSettings } from "./settings.repo.ts";

const duplicateEmail = () => new AppError("conflict", "a person with this email is already on the roster");
const invalid = (field: string, message: string) =>
  new AppError("validation_failed", "the request has invalid fields", [{ field, message }]);

async function lockRoster(tx: Transaction, organizationId: string): Promise<void> {
  // Serializes roster writes of one organization, so two hires cannot both pass the email check.
  if (!(await lockOrganization(tx, organizationId))) throw notFound("organization");
}

export interface HireOptions {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  person: HireBody;
  now: Date;
}

export async function hirePerson(options: HireOptions): Promise<{ person: PersonRow; workCreated: number }> {
  const { organizationId, person, now } = options;
  const actor = actorOf(options.caller, "hirePerson");
  return options.db.transaction(async (tx) => {
    await lockRoster(tx, organizationId);
    if ((await peopleIdsByEmail(tx, organizationId, [person.email])).size > 0) throw duplicateEmail();
    if (person.supervisorId !== null && !(await findPerson(tx, organizationId, person.supervisorId)))
      throw notFound("supervisor");
    const userId = (await linkableMembers(tx, organizationId, [person.email])).get(person.email) ?? null;
    const id = await insertPerson(tx, organizationId, { ...person, userId, endDate: null }, now);
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "person.hired",
        target: { type: "person", id },
        changes: {
          kind: person.kind,
          startDate: person.startDate,
          supervisorId: person.supervisorId,
          userId,
        },
      },
    });
    const { timeZone } = await workforceSettings(tx, organizationId);
    const raised = await raiseObligationEvent(tx, {
      organizationId,
      event: "workforce.hired",
      occurredAt: startOfLocalDay(person.startDate, timeZone),
      subject: { type: "person", id },
      personId: id,
      timeZone,
      actor,
      now,
    });
    // The per-person recurring series (refresher training) now include the new person.
    const recurring = await materializeOccurrences(tx, organizationId, timeZone, now, {
      person: { id, startDate: person.startDate, endDate: null },
    });
    return {
      person: (await findPerson(tx, organizationId, id))!,
      workCreated: raised.occurrencesCreated + recurring,
    };
  });
}

export interface UpdateOptions {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  personId: string;
  changes: UpdatePersonBody;
  now: Date;
}

/**
 * Applies the given fields. Every call also links the person to the member account with their
 * email when one exists and none is linked yet (someone who joined after being hired).
 */
export async function updatePerson(options: UpdateOptions): Promise<PersonRow> {
  const { organizationId, personId, changes, now } = options;
  const actor = actorOf(options.caller, "updatePerson");
  return options.db.transaction(async (tx) => {
    await lockRoster(tx, organizationId);
    const before = await findPerson(tx, organizationId, personId, true);
    if (!before) throw notFound("person");
    const next = {
      fullName: changes.fullName ?? before.fullName,
      email: changes.email ?? before.email,
      kind: changes.kind ?? before.kind,
      jobTitle: changes.jobTitle === undefined ? before.jobTitle : changes.jobTitle,
      supervisorId: changes.supervisorId === undefined ? before.supervisorId : changes.supervisorId,
    };
    if (next.email !== before.email && (await peopleIdsByEmail(tx, organizationId, [next.email])).size > 0)
      throw duplicateEmail();
    if (next.supervisorId !== null && next.supervisorId !== before.supervisorId) {
      if (next.supervisorId === personId)
        throw invalid("body.supervisorId", "a person cannot be their own supervisor");
      if (!(await findPerson(tx, organizationId, next.supervisorId))) throw notFound("supervisor");
      if (await wouldLoop(tx, organizationId, next.supervisorId, personId))
        throw invalid(
          "body.supervisorId",
          "this supervisor reports to the person, directly or through others",
        );
    }
    const relink = before.userId === null || next.email !== before.email;
    const userId = relink
      ? ((await linkableMembers(tx, organizationId, [next.email])).get(next.email) ?? null)
      : before.userId;
    const fields = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== before[key]);
    if (fields.length === 0 && userId === before.userId) return before;
    await updatePersonRow(tx, organizationId, personId, { ...next, userId });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "person.updated",
        target: { type: "person", id: personId },
        changes: {
          fields,
          supervisorId: fields.includes("supervisorId")
            ? { from: before.supervisorId, to: next.supervisorId }
            : null,
          userId: userId === before.userId ? null : { from: before.userId, to: userId },
        },
      },
    });
    const { timeZone } = await workforceSettings(tx, organizationId);
    if (
      fields.includes("jobTitle") &&
      (before.endDate === null || before.endDate >= localDateOf(now, timeZone))
    ) {
      await raiseObligationEvent(tx, {
        organizationId,
        event: "workforce.role-changed",
        occurredAt: now,
        subject: { type: "person", id: personId },
        personId,
        subjectUserId: userId,
        timeZone,
        actor,
        now,
      });
    }
    return (await findPerson(tx, organizationId, personId))!;
  });
}
