/** The API calls of the governance pages (proposed changes, policies on a date). */
import { request } from "../api/client.ts";
import type {
  ChangeDetail,
  ChangeSummary,
  PoliciesAsOf,
  PolicyDocument,
  ProposeInput,
  PublishedChange,
} from "../api/types.ts";

const id = (value: string) => encodeURIComponent(value);

export const changesApi = {
  list: () => request<{ changes: ChangeSummary[] }>("GET", "/api/v1/changes"),
  read: (changeId: string) => request<ChangeDetail>("GET", `/api/v1/changes/${id(changeId)}`),
  propose: (body: ProposeInput) => request<ChangeSummary>("POST", "/api/v1/changes", { body }),
  approve: (changeId: string, contentHash: string) =>
    request<ChangeDetail>("POST", `/api/v1/changes/${id(changeId)}/approve`, { body: { contentHash } }),
  reject: (changeId: string, reason: string) =>
    request<ChangeDetail>("POST", `/api/v1/changes/${id(changeId)}/reject`, { body: { reason } }),
  withdraw: (changeId: string) => request<ChangeDetail>("POST", `/api/v1/changes/${id(changeId)}/withdraw`),
  publish: (changeId: string) => request<PublishedChange>("POST", `/api/v1/changes/${id(changeId)}/publish`),
  asOf: (date: string) => request<PoliciesAsOf>("GET", `/api/v1/policies/as-of?date=${id(date)}`),
  policyAsOf: (policyId: string, date: string) =>
    request<PolicyDocument>("GET", `/api/v1/policies/as-of/${id(policyId)}?date=${id(date)}`),
};

export const statusTone = {
  proposed: "info",
  published: "success",
  rejected: "danger",
  withdrawn: "neutral",
} as const;

export const approverLabels: Record<string, string> = {
  securityOfficer: "Security Officer",
  privacyOfficer: "Privacy Officer",
  engineeringLead: "Engineering lead",
  executive: "Executive",
};

/** A profile value for people: cadences as words, lists and objects as compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "object" && !Array.isArray(value)) {
    const cadence = value as { every?: unknown; unit?: unknown };
    if (typeof cadence.every === "number" && typeof cadence.unit === "string")
      return `every ${cadence.every} ${cadence.unit}${cadence.every === 1 ? "" : "s"}`;
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}
