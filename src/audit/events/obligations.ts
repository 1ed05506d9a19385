/** Events of the obligations engine. PERSISTED SHAPES: see define.ts before changing anything. */
import { z } from "zod";
import { defineEvent, Id } from "./define.ts";

const Count = z.number().int().min(0);
const LocalDate = z.iso.date();

/** A policy version took effect and the schedule followed it. */
export const ObligationsRecomputed = defineEvent("obligations.recomputed", "policy-version", {
  effectiveFrom: LocalDate,
  kept: Count,
  opened: Count,
  closed: Count,
  /** Open work of changed obligations, due on or after the effective date, set aside. */
  superseded: Count,
  occurrencesAdded: Count,
});

/** Something happened that starts work (a hire, a lost key...). */
export const ObligationEventRaised = defineEvent("obligation.event-raised", "obligation-trigger", {
  event: Id,
  subjectType: Id,
  subjectId: Id,
  occurredAt: z.iso.datetime(),
  occurrencesCreated: Count,
});

export const OccurrenceCompleted = defineEvent("occurrence.completed", "occurrence", {
  commitmentId: Id,
  dueOn: LocalDate,
  late: z.boolean(),
  evidenceCount: Count,
});

/** Free-text reasons stay on the occurrence row; the trail names who approved the waiver. */
export const OccurrenceWaived = defineEvent("occurrence.waived", "occurrence", {
  commitmentId: Id,
  dueOn: LocalDate,
  approvedBy: Id,
});
