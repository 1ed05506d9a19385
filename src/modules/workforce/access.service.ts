/**
 * Access from request to revocation: `requestAccess` (any member, for a person; raises
 * `access.requested`), `decideAccessRequest` (an officer other than the requester and the person),
 * `grantAccess` (from an approved request, with the identity check recorded), `revokeAccess` and
 * `recordLastUsed` (feeds the inactive-accounts list).
 */
import type { RevokeReason, VerificationMethod } from "../../audit/events/workforce.ts";
import { recordEvent } from "../../audit/index.ts";
import type { Database } from "../../db/index.ts";
import { addDays, localDateOf } from "../../obligations/deadlines.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { raiseObligationEvent } from "../obligations/triggers.service.ts";
import { decisionRefusal, grantRefusal } from "./access.policy.ts";
import {
  findGrant,
  findRequest,
  insertGrant,
  insertRequest,
  setLastUsed,
  setRequestStatus,
} from "./access.repo.ts";
import type { RequestAccessBody } from "./access.schema.ts";
import { actorOf, type WorkforceCaller } from "./caller.ts";
import { findPerson, findPersonByUser, type PersonRow } from "./people.repo.ts";
import { revokeGrantStep } from "./revocation.ts";
import { workforceSettings } from "./settings.repo.ts";

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", "the request has invalid fields", [{ field, message }]);
/**
 * Once a termination is recorded (a last day, even a future one) nobody gets new access: the
 * checklist lists the grants active when it was written, and a later grant would escape it.
 */
const isLeaving = (person: PersonRow) => person.endDate !== null;
const leftError = () => new AppError("conflict", "this person is leaving or has left the organization");

interface Base {
  db: Database;
  organizationId: string;
  caller: WorkforceCaller;
  now: Date;
}

export async function requestAccess(options: Base & { request: RequestAccessBody }): Promise<string> {
  const { organizationId, caller, request, now } = options;
  const actor = actorOf(caller, "requestAccess");
  return options.db.transaction(async (tx) => {
    const person =
      request.personId === null
        ? await findPersonByUser(tx, organizationId, caller.userId)
        : await findPerson(tx, organizationId, request.personId);
    if (!person) {
      if (request.personId === null)
        throw new AppError("not_found", "you are not on the roster; ask HR to add you, or name the person");
      throw notFound("person");
    }
    const settings = await workforceSettings(tx, organizationId);
    const today = localDateOf(now, settings.timeZone);
    if (isLeaving(person)) throw leftError();
    const until = request.temporaryUntil;
    if (until !== null && (until < today || until > addDays(today, settings.temporaryAccessMaxDays))) {
      throw invalid(
        "body.temporaryUntil",
        `expected a day from today to at most ${settings.temporaryAccessMaxDays} days ahead (access.temporaryAccessMaxDays)`,
      );
    }
    const id = await insertRequest(tx, organizationId, {
      ...request,
      personId: person.id,
      requestedBy: caller.userId,
      now,
    });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "access.requested",
        target: { type: "access-request", id },
        changes: { personId: person.id, temporaryUntil: until },
      },
    });
    await raiseObligationEvent(tx, {
      organizationId,
      event: "access.requested",
      occurredAt: now,
      subject: { type: "access-request", id },
      personId: person.id,
      subjectUserId: person.userId,
      timeZone: settings.timeZone,
      actor,
      now,
    });
    return id;
  });
}

export async function decideAccessRequest(
  options: Base & { requestId: string; decision: "approved" | "rejected"; note: string | null },
): Promise<void> {
  const { organizationId, caller, now, decision } = options;
  const actor = actorOf(caller, "decideAccessRequest");
  await options.db.transaction(async (tx) => {
    const request = await findRequest(tx, organizationId, options.requestId, true);
    if (!request) throw notFound("access request");
    const refusal = decisionRefusal(caller.userId, request);
    if (refusal) throw new AppError("forbidden", refusal);
    if (request.status !== "pending") throw new AppError("conflict", "this request was already decided");
    await setRequestStatus(tx, organizationId, request.id, decision, {
      by: caller.userId,
      at: now,
      note: options.note,
    });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "access.decided",
        target: { type: "access-request", id: request.id },
        changes: { personId: request.personId, decision },
      },
    });
  });
}

export async function grantAccess(
  options: Base & { requestId: string; verificationMethod: VerificationMethod },
): Promise<string> {
  const { organizationId, caller, now } = options;
  const actor = actorOf(caller, "grantAccess");
  return options.db.transaction(async (tx) => {
    const request = await findRequest(tx, organizationId, options.requestId, true);
    if (!request) throw notFound("access request");
    const refusal = grantRefusal(caller.userId, request);
    if (refusal) throw new AppError("forbidden", refusal);
    if (request.status !== "approved") {
      throw new AppError(
        "conflict",
        request.status === "granted"
          ? "this request was already granted"
          : "only an approved request can be granted",
      );
    }
    // Locked: a termination being recorded at this moment finishes first, and is then seen here.
    const person = (await findPerson(tx, organizationId, request.personId, true))!;
    if (isLeaving(person)) throw leftError();
    const method = options.verificationMethod;
    const id = await insertGrant(tx, organizationId, {
      personId: request.personId,
      requestId: request.id,
      system: request.system,
      level: request.level,
      expiresOn: request.temporaryUntil,
      verificationMethod: method,
      grantedBy: caller.userId,
      now,
    });
    await setRequestStatus(tx, organizationId, request.id, "granted");
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "access.granted",
        target: { type: "access-grant", id },
        changes: {
          requestId: request.id,
          personId: request.personId,
          verificationMethod: method,
          expiresOn: request.temporaryUntil,
        },
      },
    });
    return id;
  });
}

export async function revokeAccess(options: Base & { grantId: string; reason: RevokeReason }): Promise<void> {
  const { organizationId, now } = options;
  const actor = actorOf(options.caller, "revokeAccess");
  await options.db.transaction(async (tx) => {
    const grant = await findGrant(tx, organizationId, options.grantId, true);
    if (!grant) throw notFound("access grant");
    if (grant.revokedAt !== null) throw new AppError("conflict", "this access is already revoked");
    await revokeGrantStep(tx, { organizationId, actor, now }, grant, options.reason);
  });
}

export async function recordLastUsed(options: Base & { grantId: string; lastUsedOn: string }): Promise<void> {
  const { organizationId, now, lastUsedOn } = options;
  const actor = actorOf(options.caller, "recordLastUsed");
  await options.db.transaction(async (tx) => {
    const grant = await findGrant(tx, organizationId, options.grantId, true);
    if (!grant) throw notFound("access grant");
    const { timeZone } = await workforceSettings(tx, organizationId);
    if (lastUsedOn > localDateOf(now, timeZone))
      throw invalid("body.lastUsedOn", "expected a day no later than today");
    if (grant.lastUsedOn === lastUsedOn) return;
    await setLastUsed(tx, organizationId, grant.id, lastUsedOn);
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "access.last-used-recorded",
        target: { type: "access-grant", id: grant.id },
        changes: { lastUsedOn: { from: grant.lastUsedOn, to: lastUsedOn } },
      },
    });
  });
}
