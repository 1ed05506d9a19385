/** One typed function per workforce API operation the web UI uses (roster, training, access, sanctions). */
import { request } from "./client.ts";
import { query } from "./endpoints.ts";
import type {
  AccessRequest,
  AccessRequestInput,
  Grant,
  HireInput,
  ImportOutcome,
  PeoplePage,
  Person,
  PersonDetail,
  Review,
  ReviewSummary,
  Sanction,
  SanctionInput,
  Termination,
  Training,
} from "./types.ts";

const id = (value: string) => encodeURIComponent(value);
const person = (personId: string) => `/api/v1/people/${id(personId)}`;

export const workforceApi = {
  people: (status: "active" | "terminated" | "all", offset = 0) =>
    request<PeoplePage>("GET", `/api/v1/people${query({ status, offset, limit: 200 })}`),
  person: (personId: string) => request<PersonDetail>("GET", person(personId)),
  hire: (body: HireInput) => request<Person>("POST", "/api/v1/people", { body }),
  updatePerson: (personId: string, body: Partial<HireInput>) =>
    request<Person>("PUT", person(personId), { body }),
  terminate: (personId: string, body: { lastDay: string; terminatedAt?: string }) =>
    request<Termination>("POST", `${person(personId)}/termination`, { body }),
  completeTask: (personId: string, taskId: string, note: string | null) =>
    request<Termination>("POST", `${person(personId)}/termination-tasks/${id(taskId)}/complete`, {
      body: { note },
    }),
  importPeople: (csv: string) => request<ImportOutcome>("POST", "/api/v1/people/import", { body: { csv } }),
  rosterExportUrl: "/api/v1/people/export",
  training: () => request<Training>("GET", "/api/v1/training"),

  accessRequests: (status: "pending" | "approved" | "all") =>
    request<{ requests: AccessRequest[] }>("GET", `/api/v1/access/requests${query({ status, limit: 200 })}`),
  requestAccess: (body: AccessRequestInput) =>
    request<AccessRequest>("POST", "/api/v1/access/requests", { body }),
  decide: (requestId: string, decision: "approve" | "reject", note: string | null) =>
    request<AccessRequest>("POST", `/api/v1/access/requests/${id(requestId)}/${decision}`, {
      body: { note },
    }),
  grant: (requestId: string, verificationMethod: string) =>
    request<Grant>("POST", `/api/v1/access/requests/${id(requestId)}/grant`, {
      body: { verificationMethod },
    }),
  grants: (attention: "expired" | "inactive" | "", personId?: string) =>
    request<{ grants: Grant[] }>("GET", `/api/v1/access/grants${query({ attention, personId, limit: 200 })}`),
  revoke: (grantId: string, reason: string) =>
    request<Grant>("POST", `/api/v1/access/grants/${id(grantId)}/revoke`, { body: { reason } }),
  grantsExportUrl: "/api/v1/access/grants/export",
  reviews: () => request<{ reviews: ReviewSummary[] }>("GET", "/api/v1/access/reviews"),
  review: (reviewId: string) => request<Review>("GET", `/api/v1/access/reviews/${id(reviewId)}`),
  startReview: () => request<Review>("POST", "/api/v1/access/reviews"),
  decideItem: (reviewId: string, itemId: string, decision: "keep" | "revoke") =>
    request<Review>("POST", `/api/v1/access/reviews/${id(reviewId)}/items/${id(itemId)}`, {
      body: { decision },
    }),
  closeReview: (reviewId: string, occurrenceId: string | null) =>
    request<Review>("POST", `/api/v1/access/reviews/${id(reviewId)}/close`, { body: { occurrenceId } }),

  sanctions: () => request<{ sanctions: Sanction[] }>("GET", "/api/v1/sanctions?limit=500"),
  recordSanction: (body: SanctionInput) => request<Sanction>("POST", "/api/v1/sanctions", { body }),
  sanctionsExportUrl: "/api/v1/sanctions/export",
};
