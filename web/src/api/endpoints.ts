/** One typed function per API operation the web UI uses. */
import { ApiError, request } from "./client.ts";
import type {
  AcceptedInvitation,
  AcceptInvitationInput,
  AcknowledgmentList,
  AcknowledgmentRow,
  AcknowledgmentsRequest,
  AuditFilter,
  AuditPage,
  AuditVerification,
  InvitationInput,
  InviteResult,
  JsonSchema,
  Member,
  MemberList,
  MemberPageRequest,
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

/** The largest page the member lists give. */
const largestPage = 500;

/**
 * Every row of a paged member list, for what needs them all (a picker, a download): pages of 500,
 * following nextOffset to the end, so nothing is cut off without a word.
 */
async function everyRow<P extends { nextOffset: number | null }, T>(
  load: (offset: number) => Promise<P>,
  rows: (page: P) => T[],
): Promise<T[]> {
  const all: T[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page: P = await load(offset);
    all.push(...rows(page));
    // The server's next offset always moves forward; anything else ends the walk.
    offset = page.nextOffset !== null && page.nextOffset > offset ? page.nextOffset : null;
  }
  return all;
}

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

  /** One page of the members (100 unless `limit` says otherwise) and every open invitation. */
  members: (page: MemberPageRequest = {}) => request<MemberList>("GET", `/api/v1/members${query(page)}`),
  /** Every member, for pickers that offer them all. */
  everyMember: (): Promise<Member[]> =>
    everyRow(
      (offset) => api.members({ limit: largestPage, offset }),
      (page) => page.members,
    ),
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
  /** One page of the acknowledgments that `filter` selects, with the counts over everyone. */
  acknowledgments: (filter: AcknowledgmentsRequest) =>
    request<AcknowledgmentList>("GET", `/api/v1/acknowledgments${query(filter)}`),
  /** Every row the status and search select (all pages), for the download. */
  everyAcknowledgment: (filter: Pick<AcknowledgmentsRequest, "status" | "q">): Promise<AcknowledgmentRow[]> =>
    everyRow(
      (offset) => api.acknowledgments({ ...filter, limit: largestPage, offset }),
      (page) => page.members,
    ),

  auditEvents: (filter: AuditFilter) => request<AuditPage>("GET", `/api/v1/audit-events${query(filter)}`),
  auditExportUrl: (filter: AuditFilter, format: "csv" | "json") =>
    `/api/v1/audit-events/export${query({ ...filter, before: undefined, format })}`,
  verifyAudit: () => request<AuditVerification>("GET", "/api/v1/audit-events/verify"),
};
