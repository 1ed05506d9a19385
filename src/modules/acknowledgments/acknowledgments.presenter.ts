/** Acknowledgment rows as the API shows them. */
import { nextOffset } from "../../server/paging.ts";
import type { PolicyVersionRow } from "../policies/policies.repo.ts";
import type { AcknowledgmentPage } from "./acknowledgments.repo.ts";
import type { AcknowledgmentList, AcknowledgmentsQuery } from "./acknowledgments.schema.ts";

/** One page for one version; counts cover every member asked, the page only those matching the query. */
export function presentAcknowledgmentList(
  version: PolicyVersionRow | null,
  page: AcknowledgmentPage,
  query: AcknowledgmentsQuery,
): AcknowledgmentList {
  const { members, acknowledged } = page.counts;
  return {
    version: version?.version ?? null,
    contentHash: version?.contentHash ?? null,
    publishedAt: version?.publishedAt.toISOString() ?? null,
    counts: { members, acknowledged, missing: members - acknowledged },
    members: page.rows.map((row) => ({
      userId: row.userId,
      displayName: row.displayName,
      email: row.email,
      roles: row.roles,
      acknowledged: row.acknowledgedAt !== null,
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    })),
    total: page.total,
    nextOffset: nextOffset(query, page.total),
  };
}
