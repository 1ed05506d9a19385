/** One typed function per API operation the web UI uses. */
import { ApiError, request } from "./client.ts";
import type {
  AcceptedInvitation,
  AcceptInvitationInput,
  AcknowledgmentList,
  AuditFilter,
  AuditPage,
  AuditVerification,
  InvitationInput,
  InviteResult,
  JsonSchema,
  MemberList,
  MfaConfirmation,
  MfaEnrollment,
  PolicyDocument,
  PolicyList,
  ProfileRecord,
  ProfileSaved,
  ProfileVersion,
  PublishResult,
  Role,
  SessionView,
  SetupInput,
  SetupStatus,
  SignInInput,
  SignInView,
} from "./types.ts";

/** Query string from the filled-in values only. */
export function query(values: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if ((typeof value === "string" && value !== "") || typeof value === "number")
      params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  setupStatus: () => request<SetupStatus>("GET", "/api/v1/setup", { expectUnauthenticated: true }),
  setup: (body: SetupInput) =>
    request<unknown>("POST", "/api/v1/setup", { body, expectUnauthenticated: true }),

  session: () => request<SessionView>("GET", "/api/v1/session", { expectUnauthenticated: true }),
  signIn: (body: SignInInput) =>
    request<SignInView>("POST", "/api/v1/auth/sign-in", { body, expectUnauthenticated: true }),
  signOut: () => request<null>("POST", "/api/v1/auth/sign-out", { expectUnauthenticated: true }),
  mfaEnroll: () => request<MfaEnrollment>("POST", "/api/v1/auth/mfa/enroll"),
  mfaConfirm: (code: string) =>
    request<MfaConfirmation>("POST", "/api/v1/auth/mfa/confirm", { body: { code } }),
  mfaVerify: (body: { code: string } | { recoveryCode: string }) =>
    request<unknown>("POST", "/api/v1/auth/mfa/verify", { body }),

  members: () => request<MemberList>("GET", "/api/v1/members"),
  invite: (body: InvitationInput) => request<InviteResult>("POST", "/api/v1/members/invitations", { body }),
  setRoles: (userId: string, roles: Role[]) =>
    request<unknown>("PUT", `/api/v1/members/${id(userId)}/roles`, { body: { roles } }),
  removeMember: (userId: string) => request<null>("DELETE", `/api/v1/members/${id(userId)}`),
  acceptInvitation: (body: AcceptInvitationInput) =>
    request<AcceptedInvitation>("POST", "/api/v1/invitations/accept", { body, expectUnauthenticated: true }),

  /** The current profile, or null before the first one is saved. */
  profile: () =>
    request<ProfileRecord>("GET", "/api/v1/profile").catch((error: unknown) => {
      if (error instanceof ApiError && error.code === "not_found") return null;
      throw error;
    }),
  profileVersions: () => request<{ versions: ProfileVersion[] }>("GET", "/api/v1/profile/versions"),
  profileForm: () => request<{ schema: JsonSchema }>("GET", "/api/v1/profile/form"),
  /** Saves the whole profile; `baseVersion` makes the server refuse (409) when someone saved since. */
  saveProfile: (profile: unknown, baseVersion: number | null) =>
    request<ProfileSaved>("PUT", `/api/v1/profile${query({ baseVersion: baseVersion ?? undefined })}`, {
      body: profile,
    }),

  policies: () => request<PolicyList>("GET", "/api/v1/policies"),
  policy: (policyId: string) => request<PolicyDocument>("GET", `/api/v1/policies/${id(policyId)}`),
  publishPolicies: () => request<PublishResult>("POST", "/api/v1/policies/publish"),
  acknowledge: (contentHash: string) =>
    request<unknown>("POST", "/api/v1/acknowledgments", { body: { contentHash } }),
  acknowledgments: (status: "all" | "acknowledged" | "missing") =>
    request<AcknowledgmentList>("GET", `/api/v1/acknowledgments${query({ status })}`),

  auditEvents: (filter: AuditFilter) => request<AuditPage>("GET", `/api/v1/audit-events${query(filter)}`),
  auditExportUrl: (filter: AuditFilter, format: "csv" | "json") =>
    `/api/v1/audit-events/export${query({ ...filter, before: undefined, format })}`,
  verifyAudit: () => request<AuditVerification>("GET", "/api/v1/audit-events/verify"),
};
