/**
 * Workforce lifecycle events: the roster, access requests and grants, access reviews, terminations
 * and sanctions. PERSISTED SHAPES: see define.ts before changing anything. Names, emails, job
 * titles, system names, justifications and notes are free text about people, so events carry ids,
 * dates and the values of closed lists only; the rows hold the rest.
 */
import { z } from "zod";
import { Change, defineEvent, Id } from "./define.ts";

const Day = z.iso.date();
const Instant = z.iso.datetime();
const Count = z.number().int().min(0);

export const personFields = ["fullName", "email", "kind", "jobTitle", "supervisorId"] as const;
export const verificationMethods = [
  "in-person-id-check",
  "video-call-with-id",
  "manager-attestation",
  "existing-verified-account",
] as const;
export const revokeReasons = ["termination", "review", "expired", "inactive", "no-longer-needed"] as const;
export const terminationTaskKinds = [
  "revoke-access",
  "return-devices",
  "remove-shared-accounts",
  "retrieve-keys-badges",
] as const;
export const sanctionCategories = [
  "unauthorized-access",
  "improper-disclosure",
  "security-practice",
  "training-noncompliance",
  "policy-violation",
  "other",
] as const;
export const sanctionActions = [
  "verbal-warning",
  "written-warning",
  "retraining",
  "access-restricted",
  "suspension",
  "termination",
  "other",
] as const;

export type VerificationMethod = (typeof verificationMethods)[number];
export type RevokeReason = (typeof revokeReasons)[number];
export type SanctionCategory = (typeof sanctionCategories)[number];
export type SanctionAction = (typeof sanctionActions)[number];

export const PersonHired = defineEvent("person.hired", "person", {
  kind: z.enum(["employee", "contractor"]),
  startDate: Day,
  supervisorId: Id.nullable(),
  /** The member account linked to the person, when one had the same email. */
  userId: Id.nullable(),
});

/** Which fields changed (not their values), and the supervisor ids, which are not free text. */
export const PersonUpdated = defineEvent("person.updated", "person", {
  fields: z.array(z.enum(personFields)),
  supervisorId: Change(Id.nullable()).nullable(),
  userId: Change(Id.nullable()).nullable(),
});

export const PersonTerminated = defineEvent("person.terminated", "person", {
  terminationId: Id,
  lastDay: Day,
  terminatedAt: Instant,
  dueAt: Instant,
  tasks: Count,
});

export const TerminationTaskCompleted = defineEvent("termination-task.completed", "termination-task", {
  terminationId: Id,
  personId: Id,
  kind: z.enum(terminationTaskKinds),
  grantId: Id.nullable(),
  late: z.boolean(),
  /** True when this was the checklist's last open task. */
  checklistComplete: z.boolean(),
});

export const AccessRequested = defineEvent("access.requested", "access-request", {
  personId: Id,
  temporaryUntil: Day.nullable(),
});

export const AccessDecided = defineEvent("access.decided", "access-request", {
  personId: Id,
  decision: z.enum(["approved", "rejected"]),
});

export const AccessGranted = defineEvent("access.granted", "access-grant", {
  requestId: Id,
  personId: Id,
  verificationMethod: z.enum(verificationMethods),
  expiresOn: Day.nullable(),
});

export const AccessRevoked = defineEvent("access.revoked", "access-grant", {
  personId: Id,
  reason: z.enum(revokeReasons),
});

export const AccessLastUsedRecorded = defineEvent("access.last-used-recorded", "access-grant", {
  lastUsedOn: Change(Day.nullable()),
});

export const AccessReviewStarted = defineEvent("access-review.started", "access-review", {
  items: Count,
});

export const AccessReviewItemDecided = defineEvent("access-review.item-decided", "access-review-item", {
  reviewId: Id,
  grantId: Id,
  personId: Id,
  decision: z.enum(["keep", "revoke"]),
});

export const AccessReviewClosed = defineEvent("access-review.closed", "access-review", {
  items: Count,
  kept: Count,
  revoked: Count,
  occurrenceId: Id.nullable(),
});

export const SanctionRecorded = defineEvent("sanction.recorded", "sanction", {
  personId: Id,
  occurredOn: Day,
  category: z.enum(sanctionCategories),
  action: z.enum(sanctionActions),
  policyId: Id.nullable(),
});

export const PeopleImported = defineEvent("people.imported", "organization", {
  count: Count,
  /** Imported people whose hire raised workforce.hired (their training is still owed). */
  hireTriggers: Count,
  personIds: z.array(Id),
});

export const workforceEvents = [
  PersonHired,
  PersonUpdated,
  PersonTerminated,
  TerminationTaskCompleted,
  AccessRequested,
  AccessDecided,
  AccessGranted,
  AccessRevoked,
  AccessLastUsedRecorded,
  AccessReviewStarted,
  AccessReviewItemDecided,
  AccessReviewClosed,
  SanctionRecorded,
  PeopleImported,
] as const;
