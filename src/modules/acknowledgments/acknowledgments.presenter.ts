/** Acknowledgment rows as the API shows them. */
import type { PolicyVersionRow } from "../policies/policies.repo.ts";
import type { MemberAcknowledgmentRow } from "./acknowledgments.repo.ts";
import type { AcknowledgmentList } from "./acknowledgments.schema.ts";

/** The list for one version; counts cover every member, `status` filters the rows shown. */
export function presentAcknowledgmentList(
  version: PolicyVersionRow | null,
  rows: readonly MemberAcknowledgmentRow[],
  status: "all" | "acknowledged" | "missing",
): AcknowledgmentList {
  const members = rows.map((row) => ({
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    roles: row.roles,
    acknowledged: row.acknowledgedAt !== null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
  }));
  const acknowledged = members.filter((m) => m.acknowledged).length;
  return {
    version: version?.version ?? null,
    contentHash: version?.contentHash ?? null,
    publishedAt: version?.publishedAt.toISOString() ?? null,
    counts: { members: members.length, acknowledged, missing: members.length - acknowledged },
    members:
      status === "all" ? members : members.filter((m) => m.acknowledged === (status === "acknowledged")),
  };
}
