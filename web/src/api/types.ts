/**
 * Shapes of the API answers the web UI reads: the types inferred from the server's own zod schemas
 * (type-only imports, so nothing from the server reaches the bundle). A change on one side fails
 * the type check on the other.
 */
import type { z } from "zod";
import type {
  AcknowledgmentList as AcknowledgmentListSchema,
  AcknowledgmentsQuery,
} from "../../../src/modules/acknowledgments/acknowledgments.schema.ts";
import type {
  AuditEventPage as AuditEventPageSchema,
  AuditEventsQuery,
  VerifyView,
} from "../../../src/modules/audit-log/audit-log.schema.ts";
import type {
  MfaConfirmView,
  MfaEnrollView,
  SignInBody,
  SignInView as SignInViewSchema,
} from "../../../src/modules/identity/identity.schema.ts";
import type {
  AcceptInvitationBody,
  AcceptInvitationView,
  InviteBody,
  InviteView,
  MemberList as MemberListSchema,
  MembersQuery,
} from "../../../src/modules/members/members.schema.ts";
import type {
  PolicyDetail,
  PolicyList as PolicyListSchema,
  PublishResult as PublishResultSchema,
} from "../../../src/modules/policies/policies.schema.ts";
import type {
  ProfileVersionList as ProfileVersionListSchema,
  ProfileVersionView as ProfileVersionViewSchema,
  SaveProfileResult,
} from "../../../src/modules/profile/profile.schema.ts";
import type {
  CompleteBody,
  OccurrencePage as OccurrencePageSchema,
  OccurrenceView as OccurrenceViewSchema,
} from "../../../src/modules/obligations/obligations.schema.ts";
import type { DashboardView as DashboardViewSchema } from "../../../src/modules/dashboard/dashboard.schema.ts";
import type {
  EvidenceList as EvidenceListSchema,
  EvidenceView as EvidenceViewSchema,
  LinkEvidenceBody,
} from "../../../src/modules/evidence/evidence.schema.ts";
import type { InboxSummaryView } from "../../../src/modules/reminders/inbox-summary.schema.ts";
import type * as AsOf from "../../../src/modules/governance/as-of.schema.ts";
import type * as Changes from "../../../src/modules/governance/changes.schema.ts";
import type * as Access from "../../../src/modules/workforce/access.schema.ts";
import type * as People from "../../../src/modules/workforce/people.schema.ts";
import type * as Sanctions from "../../../src/modules/workforce/sanctions.schema.ts";
import type * as TrainingSchema from "../../../src/modules/workforce/training.schema.ts";

export type { SessionView } from "../../../src/modules/session/session.schema.ts";
export type { Permission, Role } from "../../../src/auth/permissions.ts";

export interface SetupStatus {
  needed: boolean;
}

export interface SetupInput {
  organization: { slug: string; name: string };
  admin: { email: string; displayName: string; password: string };
}

export type SignInInput = z.input<typeof SignInBody>;
export type SignInView = z.infer<typeof SignInViewSchema>;
export type MfaEnrollment = z.infer<typeof MfaEnrollView>;
export type MfaConfirmation = z.infer<typeof MfaConfirmView>;

export type MemberList = z.infer<typeof MemberListSchema>;
export type Member = MemberList["members"][number];
export type Invitation = MemberList["invitations"][number];
/** Which page of the members to ask for; what is left out takes the server's default. */
export type MemberPageRequest = Partial<z.infer<typeof MembersQuery>>;
export type InvitationInput = z.input<typeof InviteBody>;
export type AcceptInvitationInput = z.input<typeof AcceptInvitationBody>;
export type AcceptedInvitation = z.infer<typeof AcceptInvitationView>;
export type InviteResult = z.infer<typeof InviteView>;

export type PolicyList = z.infer<typeof PolicyListSchema>;
export type PolicyDocument = z.infer<typeof PolicyDetail>;
export type PublishResult = z.infer<typeof PublishResultSchema>;
export type AcknowledgmentList = z.infer<typeof AcknowledgmentListSchema>;
export type AcknowledgmentRow = AcknowledgmentList["members"][number];
/** Which page of the acknowledgments to ask for; what is left out takes the server's default. */
export type AcknowledgmentsRequest = Partial<z.infer<typeof AcknowledgmentsQuery>>;

export type ProfileRecord = z.infer<typeof ProfileVersionViewSchema>;
export type ProfileVersion = z.infer<typeof ProfileVersionListSchema>["versions"][number];
export type ProfileSaved = z.infer<typeof SaveProfileResult>;

export type AuditPage = z.infer<typeof AuditEventPageSchema>;
export type AuditEvent = AuditPage["events"][number];
/** The list filters as the form holds them: every value is text, empty when unused. */
export type AuditFilter = { [K in "action" | "actorId" | "targetType" | "from" | "to"]?: string } & {
  before?: number;
};
export type AuditQuery = z.input<typeof AuditEventsQuery>;
export type AuditVerification = z.infer<typeof VerifyView>;

export type Occurrence = z.infer<typeof OccurrenceViewSchema>;
export type OccurrenceStatus = Occurrence["status"];
export type OccurrenceList = z.infer<typeof OccurrencePageSchema>;
export type CompleteInput = z.input<typeof CompleteBody>;
export type Dashboard = z.infer<typeof DashboardViewSchema>;
export type CommitmentGrade = Dashboard["commitments"][number];
export type CitationGrade = Dashboard["citations"][number];
export type GradeStatus = CommitmentGrade["status"];
export type Evidence = z.infer<typeof EvidenceViewSchema>;
export type EvidenceList = z.infer<typeof EvidenceListSchema>;
export type LinkEvidenceInput = z.input<typeof LinkEvidenceBody>;
export type InboxSummary = z.infer<typeof InboxSummaryView>;

// The workforce lifecycle (src/modules/workforce).
export type Person = z.infer<typeof People.PersonView>;
export type PersonDetail = z.infer<typeof People.PersonDetail>;
export type PeoplePage = z.infer<typeof People.PeoplePage>;
export type HireInput = z.input<typeof People.HireBody>;
export type Termination = z.infer<typeof People.TerminationView>;
export type ImportOutcome = z.infer<typeof People.ImportResult>;
export type Training = z.infer<typeof TrainingSchema.TrainingView>;
export type AccessRequest = z.infer<typeof Access.AccessRequestView>;
export type AccessRequestInput = z.input<typeof Access.RequestAccessBody>;
export type Grant = z.infer<typeof Access.GrantView>;
export type Review = z.infer<typeof Access.ReviewDetail>;
export type ReviewSummary = z.infer<typeof Access.ReviewSummary>;
export type Sanction = z.infer<typeof Sanctions.SanctionView>;
export type SanctionInput = z.input<typeof Sanctions.RecordSanctionBody>;

// Policy governance: proposed changes and the policies in effect on a date (src/modules/governance).
export type ChangeSummary = z.infer<typeof Changes.ChangeSummary>;
export type ChangeDetail = z.infer<typeof Changes.ChangeDetail>;
export type ChangeDiff = ChangeDetail["diff"];
export type ProposeInput = z.input<typeof Changes.ProposeBody>;
export type PublishedChange = z.infer<typeof Changes.PublishChangeResult>;
export type PoliciesAsOf = z.infer<typeof AsOf.AsOfList>;

/** A JSON Schema node as z.toJSONSchema writes it for the profile. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  title?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | null)[];
  anyOf?: JsonSchema[];
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
}
