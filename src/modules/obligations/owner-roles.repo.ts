/** The owner roles a member holds, from their membership and the people the current profile names. */
import type { Role } from "../../auth/permissions.ts";
import type { Queryable } from "../../db/index.ts";
import { ownerRolesOf, type NamedPeople } from "../../obligations/owners.ts";

export async function ownerRolesFor(
  q: Queryable,
  organizationId: string,
  caller: { userId: string; roles: readonly Role[] },
): Promise<string[]> {
  const { rows } = await q.query<{ email: string; displayName: string; people: NamedPeople | null }>(
    `SELECT u.email, u.display_name AS "displayName",
       (SELECT data->'people' FROM profile_versions WHERE organization_id = $1 AND is_current) AS people
       FROM users u WHERE u.id = $2`,
    [organizationId, caller.userId],
  );
  const row = rows[0];
  if (!row) return [];
  return ownerRolesOf({ email: row.email, displayName: row.displayName, roles: caller.roles }, row.people);
}
