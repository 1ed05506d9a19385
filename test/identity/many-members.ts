/** Seeds a large organization for the paging tests: many members in one statement, named in order. */
import type { Role } from "../../src/auth/permissions.ts";
import type { Queryable } from "../../src/db/index.ts";

export interface SeededMember {
  id: string;
  email: string;
  displayName: string;
}

/**
 * `count` members of the organization with `role`, named "Member 001", "Member 002", ... and
 * emails "m001@<domain>", ...; returned in that order.
 */
export async function seedManyMembers(
  q: Queryable,
  organizationId: string,
  options: { count: number; domain: string; role?: Role },
): Promise<SeededMember[]> {
  const { rows } = await q.query<SeededMember>(
    `WITH added AS (
       INSERT INTO users (email, display_name)
       SELECT 'm' || lpad(n::text, 3, '0') || '@' || $2, 'Member ' || lpad(n::text, 3, '0')
         FROM generate_series(1, $3::int) AS n
       RETURNING id, email, display_name
     ), joined AS (
       INSERT INTO memberships (organization_id, user_id, role) SELECT $1, id, $4 FROM added
     )
     SELECT id, email, display_name AS "displayName" FROM added ORDER BY display_name`,
    [organizationId, options.domain, options.count, options.role ?? "workforce-member"],
  );
  return rows;
}

/** Renames a member (to give a test a name with characters that matter to a search). */
export async function renameMember(q: Queryable, userId: string, displayName: string): Promise<void> {
  await q.query("UPDATE users SET display_name = $2 WHERE id = $1", [userId, displayName]);
}
