/** The SQL of invitations and of the accounts they create. */
import type { Role } from "../../auth/permissions.ts";
import type { Queryable, Transaction } from "../../db/index.ts";

export interface InvitationRow {
  id: string;
  organizationId: string;
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  expiresAt: Date;
}

const INVITATION = `SELECT i.id, i.organization_id AS "organizationId", i.user_id AS "userId", u.email,
    u.display_name AS "displayName", i.roles, i.expires_at AS "expiresAt"
  FROM invitations i JOIN users u ON u.id = i.user_id`;
const OPEN = "i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $2";

export async function listOpenInvitations(
  q: Queryable,
  organizationId: string,
  now: Date,
): Promise<InvitationRow[]> {
  const { rows } = await q.query<InvitationRow>(
    `${INVITATION} WHERE i.organization_id = $1 AND ${OPEN} ORDER BY i.created_at, i.id`,
    [organizationId, now],
  );
  return rows;
}

/**
 * The open invitation with this token hash, in whichever organization. UNSAFE: not scoped, because
 * the token is what identifies the invitation (and proves the right to accept it).
 */
export async function unsafeFindOpenInvitation(
  q: Queryable,
  tokenHash: string,
  now: Date,
): Promise<InvitationRow | null> {
  const { rows } = await q.query<InvitationRow>(`${INVITATION} WHERE i.token_hash = $1 AND ${OPEN}`, [
    tokenHash,
    now,
  ]);
  return rows[0] ?? null;
}

/** Marks the invitation accepted; false when it was accepted, revoked or expired meanwhile. */
export async function markAccepted(
  tx: Transaction,
  organizationId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE invitations i SET accepted_at = $2 WHERE i.organization_id = $3 AND i.id = $1 AND ${OPEN}`,
    [id, now, organizationId],
  );
  return rowCount === 1;
}

export interface NewInvitation {
  organizationId: string;
  userId: string;
  roles: readonly Role[];
  tokenHash: string;
  invitedBy: string;
  now: Date;
  expiresAt: Date;
}

/** Stores the invitation after revoking the person's earlier open ones here (the newest link wins). */
export async function createInvitation(tx: Transaction, invitation: NewInvitation): Promise<string> {
  await tx.query(
    `UPDATE invitations i SET revoked_at = $2 WHERE i.organization_id = $1 AND i.user_id = $3 AND ${OPEN}`,
    [invitation.organizationId, invitation.now, invitation.userId],
  );
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO invitations (organization_id, user_id, roles, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3::text[], $4, $5, $6, $7) RETURNING id`,
    [
      invitation.organizationId,
      invitation.userId,
      invitation.roles,
      invitation.tokenHash,
      invitation.invitedBy,
      invitation.now,
      invitation.expiresAt,
    ],
  );
  return rows[0]!.id;
}

/** A new account without a password (it is set when an invitation is accepted). */
export async function createUser(tx: Transaction, email: string, displayName: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id",
    [email, displayName],
  );
  return rows[0]!.id;
}

export async function renameUser(tx: Transaction, userId: string, displayName: string): Promise<void> {
  await tx.query("UPDATE users SET display_name = $2 WHERE id = $1", [userId, displayName]);
}

export async function displayNameOf(q: Queryable, userId: string): Promise<string> {
  const { rows } = await q.query<{ name: string }>("SELECT display_name AS name FROM users WHERE id = $1", [
    userId,
  ]);
  return rows[0]?.name ?? "A member";
}
