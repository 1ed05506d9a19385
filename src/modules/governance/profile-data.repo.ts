/** Reading stored profile versions by id for governance (diffs, approver slots). Scoped to one organization. */
import type { Queryable } from "../../db/index.ts";

/** The stored data of one profile version; throws when the organization has no such version. */
export async function findProfileData(
  q: Queryable,
  organizationId: string,
  profileVersionId: string,
): Promise<Record<string, unknown>> {
  const { rows } = await q.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM profile_versions WHERE organization_id = $1 AND id = $2",
    [organizationId, profileVersionId],
  );
  if (!rows[0]) throw new Error("findProfileData: no such profile version in the organization");
  return rows[0].data;
}
