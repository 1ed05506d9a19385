/**
 * Every audit event type, one schema each, in one union keyed by `action`. Add a type by writing
 * its schema beside the others and listing it here; the union rejects anything else.
 */
import { z } from "zod";
import { findSecretKey } from "../secrets.ts";
import {
  EvidenceDisposed,
  EvidenceDownloaded,
  EvidenceLegalHoldChanged,
  EvidenceLinked,
  EvidenceRetentionChanged,
  EvidenceUploaded,
} from "./evidence.ts";
import {
  ChangeApproved,
  ChangeProposed,
  ChangePublished,
  ChangeRejected,
  ChangeWithdrawn,
} from "./governance.ts";
import { OrganizationCreated, OrganizationRenamed } from "./organization.ts";
import {
  ObligationEventRaised,
  ObligationsRecomputed,
  OccurrenceCompleted,
  OccurrenceWaived,
} from "./obligations.ts";
import { PolicyAcknowledged, PolicyPublished } from "./policy.ts";
import { ProfileVersionCreated } from "./profile.ts";
import { WeeklyDigestSent } from "./reminders.ts";
import { MembershipRoleChanged, UserInvited, UserLockedOut, UserSignedIn } from "./user.ts";
import {
  InvitationAccepted,
  InvitationCreated,
  MembershipCreated,
  MembershipRemoved,
  MembershipRolesChanged,
  UserMfaEnrolled,
  UserRecoveryCodeUsed,
  UserSignedOut,
  UserSignInFailed,
} from "./identity.ts";
import { workforceEvents } from "./workforce.ts";

export const eventSchemas = [
  OrganizationCreated,
  OrganizationRenamed,
  ProfileVersionCreated,
  PolicyPublished,
  PolicyAcknowledged,
  UserInvited,
  UserSignedIn,
  UserLockedOut,
  MembershipRoleChanged,
  UserSignInFailed,
  UserSignedOut,
  UserMfaEnrolled,
  UserRecoveryCodeUsed,
  InvitationCreated,
  InvitationAccepted,
  MembershipCreated,
  MembershipRolesChanged,
  MembershipRemoved,
  ObligationsRecomputed,
  ObligationEventRaised,
  OccurrenceCompleted,
  OccurrenceWaived,
  EvidenceUploaded,
  EvidenceLinked,
  EvidenceDownloaded,
  EvidenceLegalHoldChanged,
  EvidenceRetentionChanged,
  EvidenceDisposed,
  ...workforceEvents,
  ChangeProposed,
  ChangeApproved,
  ChangeRejected,
  ChangeWithdrawn,
  ChangePublished,
  WeeklyDigestSent,
] as const;

export const AuditEventSchema = z.discriminatedUnion("action", eventSchemas).superRefine((event, ctx) => {
  const path = findSecretKey(event);
  if (path) ctx.addIssue({ code: "custom", path, message: "secrets are never written to the audit trail" });
});

/** A validated event: action, target and changes. */
export type AuditEvent = z.output<typeof AuditEventSchema>;
/** What a service passes to recordEvent. */
export type AuditEventInput = z.input<typeof AuditEventSchema>;
export type AuditAction = AuditEvent["action"];
