/**
 * Closing work: `completeOccurrence` (by whoever owes it, never by the person whose activity it
 * reviews, with evidence when the commitment requires it) and `waiveOccurrence` (an officer
 * approves, with a reason, and may not waive work they owe themselves).
 */
import { recordEvent } from "../../audit/index.ts";
import { can, type Role } from "../../auth/permissions.ts";
import type { Database, Transaction } from "../../db/index.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { linkEvidence } from "../evidence/evidence.service.ts";
import { findOccurrence, markCompleted, markWaived, type OccurrenceRow } from "./occurrences.repo.ts";
import { ownerRolesFor } from "./owner-roles.repo.ts";
import { owesWork } from "../../obligations/owners.ts";

export interface Caller {
  userId: string;
  roles: readonly Role[];
}

/** True when the caller owes this work: as the person, their supervisor, or a holder of its owner role. */
export async function callerOwes(
  tx: Transaction,
  organizationId: string,
  caller: Caller,
  occ: OccurrenceRow,
): Promise<boolean> {
  const ownerRoles = await ownerRolesFor(tx, organizationId, caller);
  return owesWork({ userId: caller.userId, ownerRoles }, occ);
}

async function openOccurrence(
  tx: Transaction,
  organizationId: string,
  id: string,
  now: Date,
): Promise<OccurrenceRow> {
  const occ = await findOccurrence(tx, organizationId, id, now, true);
  if (!occ) throw notFound("occurrence");
  if (occ.completedAt !== null || occ.waivedAt !== null)
    throw new AppError("conflict", "this work is already closed");
  if (occ.supersededAt !== null) {
    throw new AppError("conflict", "a newer policy version replaced this work; see the current schedule");
  }
  return occ;
}

export interface CompleteOptions {
  db: Database;
  organizationId: string;
  occurrenceId: string;
  caller: Caller;
  note: string | null;
  evidenceIds: readonly string[];
  now: Date;
}

export async function completeOccurrence(options: CompleteOptions): Promise<void> {
  const { organizationId, caller, now } = options;
  await options.db.transaction(async (tx) => {
    const occ = await openOccurrence(tx, organizationId, options.occurrenceId, now);
    if (!can(caller.roles, "obligations:manage") && !(await callerOwes(tx, organizationId, caller, occ))) {
      throw new AppError("forbidden", "this work is assigned to someone else");
    }
    if (occ.rules.includes("separation-of-duties") && occ.subjectUserId === caller.userId) {
      throw new AppError(
        "forbidden",
        "nobody may complete a review of their own activity; another owner must do it",
      );
    }
    if (occ.rules.includes("evidence-required") && options.evidenceIds.length === 0) {
      throw new AppError("validation_failed", "this work requires evidence", [
        {
          field: "body.evidenceIds",
          message: "attach at least one file or link that shows the work was done",
        },
      ]);
    }
    if (options.evidenceIds.length > 0) {
      await linkEvidence(tx, {
        organizationId,
        evidenceIds: [...options.evidenceIds],
        subjectType: "occurrence",
        subjectId: occ.id,
        actor: { type: "user", id: caller.userId },
        now,
      });
    }
    await markCompleted(tx, organizationId, occ.id, {
      at: now,
      by: caller.userId,
      note: options.note,
      evidenceCount: options.evidenceIds.length,
    });
    await recordEvent(tx, {
      organizationId,
      actor: { type: "user", id: caller.userId },
      at: now,
      event: {
        action: "occurrence.completed",
        target: { type: "occurrence", id: occ.id },
        changes: {
          commitmentId: occ.commitmentId,
          dueOn: occ.dueOn,
          late: now >= occ.overdueAt,
          evidenceCount: options.evidenceIds.length,
        },
      },
    });
  });
}

export interface WaiveOptions {
  db: Database;
  organizationId: string;
  occurrenceId: string;
  caller: Caller;
  reason: string;
  now: Date;
}

export async function waiveOccurrence(options: WaiveOptions): Promise<void> {
  const { organizationId, caller, now } = options;
  await options.db.transaction(async (tx) => {
    const occ = await openOccurrence(tx, organizationId, options.occurrenceId, now);
    if (occ.personUserId === caller.userId || occ.subjectUserId === caller.userId) {
      throw new AppError("forbidden", "a waiver needs an approver other than the person the work concerns");
    }
    await markWaived(tx, organizationId, occ.id, { at: now, by: caller.userId, reason: options.reason });
    await recordEvent(tx, {
      organizationId,
      actor: { type: "user", id: caller.userId },
      at: now,
      event: {
        action: "occurrence.waived",
        target: { type: "occurrence", id: occ.id },
        changes: { commitmentId: occ.commitmentId, dueOn: occ.dueOn, approvedBy: caller.userId },
      },
    });
  });
}
