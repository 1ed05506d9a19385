/**
 * The API operations of the work pages (inbox, calendar, work detail, dashboard): occurrences,
 * completing and waiving them, the evidence a completion carries, and the dashboard.
 */
import { request, sendForm } from "./client.ts";
import { query } from "./endpoints.ts";
import type {
  CompleteInput,
  Dashboard,
  Evidence,
  EvidenceList,
  InboxSummary,
  LinkEvidenceInput,
  Occurrence,
  OccurrenceList,
  OccurrenceStatus,
} from "./types.ts";

export interface OccurrenceFilter {
  scope: "mine" | "all";
  status?: OccurrenceStatus[];
  /** Due on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Due on or before this day. */
  to?: string;
  commitmentId?: string;
}

const id = (value: string) => encodeURIComponent(value);
const occurrencePage = (filter: OccurrenceFilter, offset: number) =>
  request<OccurrenceList>(
    "GET",
    `/api/v1/occurrences${query({ ...filter, status: filter.status?.join(","), limit: 500, offset })}`,
  );

// A bound on pages followed, so a runaway answer cannot keep the page loading forever.
const maxPages = 20;

export const workApi = {
  /** Every occurrence the filter selects, following the pages. */
  async occurrences(filter: OccurrenceFilter): Promise<Occurrence[]> {
    const all: Occurrence[] = [];
    let offset: number | null = 0;
    for (let page = 0; offset !== null && page < maxPages; page++) {
      const answer: OccurrenceList = await occurrencePage(filter, offset);
      all.push(...answer.occurrences);
      offset = answer.nextOffset;
    }
    return all;
  },
  occurrence: (occurrenceId: string) => request<Occurrence>("GET", `/api/v1/occurrences/${id(occurrenceId)}`),
  complete: (occurrenceId: string, body: CompleteInput) =>
    request<null>("POST", `/api/v1/occurrences/${id(occurrenceId)}/complete`, { body }),
  waive: (occurrenceId: string, reason: string) =>
    request<null>("POST", `/api/v1/occurrences/${id(occurrenceId)}/waive`, { body: { reason } }),

  uploadEvidence(file: File, title: string, effectiveDate: string): Promise<Evidence> {
    const form = new FormData();
    form.set("title", title);
    form.set("effectiveDate", effectiveDate);
    form.set("file", file);
    return sendForm<Evidence>("/api/v1/evidence", form);
  },
  linkEvidence: (body: LinkEvidenceInput) => request<Evidence>("POST", "/api/v1/evidence/links", { body }),
  /**
   * Evidence attached to one occurrence, newest first, up to the largest page (only the caller's
   * own uploads without evidence:read); `total` says whether there is more.
   */
  evidenceOf: (occurrenceId: string) =>
    request<EvidenceList>(
      "GET",
      `/api/v1/evidence${query({ subjectType: "occurrence", subjectId: occurrenceId, limit: 500 })}`,
    ),
  evidenceContentUrl: (evidenceId: string) => `/api/v1/evidence/${id(evidenceId)}/content`,

  /** The caller's due and overdue counts, for the badge beside the Inbox link. */
  inboxSummary: () => request<InboxSummary>("GET", "/api/v1/inbox/summary"),

  dashboard: () => request<Dashboard>("GET", "/api/v1/dashboard"),
  dashboardExportUrl: (by: "commitment" | "citation") => `/api/v1/dashboard/export${query({ by })}`,
};
