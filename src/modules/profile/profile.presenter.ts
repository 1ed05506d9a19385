/** Profile rows as the API shows them (rows never reach a client as they are). */
import type { Finding } from "../../profile/errors.ts";
import type { ProfileVersionRow, ProfileVersionWithData } from "./profile.repo.ts";
import type { ProfileFinding, ProfileVersionView } from "./profile.schema.ts";

function versionFields(row: ProfileVersionRow) {
  return {
    version: row.version,
    contentHash: row.contentHash,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName: row.createdByName,
  };
}

export function presentProfileVersion(row: ProfileVersionWithData): ProfileVersionView {
  return { ...versionFields(row), data: row.data };
}

export function presentVersionListItem(row: ProfileVersionRow) {
  return { ...versionFields(row), isCurrent: row.isCurrent };
}

export function presentFinding(finding: Finding): ProfileFinding {
  return {
    field: finding.path,
    message: finding.message,
    ...(finding.citation ? { citation: finding.citation } : {}),
  };
}
