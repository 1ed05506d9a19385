/**
 * The SQL of first-run setup. It creates organizations, so it is not scoped to one; the checks that
 * read across organizations are named `unsafe...`.
 */
import type { Role } from "../../auth/permissions.ts";
import type { Queryable, Transaction } from "../../db/index.ts";

/** Whether any organization exists. UNSAFE: crosses organizations (only the yes/no leaves). */
export async function unsafeAnyOrganization(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM organizations) AS found");
  return rows[0]!.found;
}

/**
 * Blocks other organization creations until the transaction ends, so two setups started together
 * cannot both see an empty installation (reads and updates of organizations go on).
 */
export async function lockOrganizationCreation(tx: Transaction): Promise<void> {
  await tx.query("LOCK TABLE organizations IN SHARE ROW EXCLUSIVE MODE");
}

export async function unsafeSlugTaken(q: Queryable, slug: string): Promise<boolean> {
  const { rows } = await q.query<{ found: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM organizations WHERE slug = $1) AS found",
    [slug],
  );
  return rows[0]!.found;
}

export async function insertOrganization(
  tx: Transaction,
  slug: string,
  name: string,
  now: Date,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO organizations (slug, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    [slug, name, now],
  );
  return rows[0]!.id;
}

export async function insertUser(
  tx: Transaction,
  user: { email: string; displayName: string; passwordHash: string; now: Date },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    [user.email, user.displayName, user.passwordHash, user.now],
  );
  return rows[0]!.id;
}

export async function insertMemberships(
  tx: Transaction,
  organizationId: string,
  userId: string,
  roles: readonly Role[],
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO memberships (organization_id, user_id, role, created_at)
     SELECT $1, $2, role, $4 FROM unnest($3::text[]) AS role`,
    [organizationId, userId, roles, now],
  );
}
