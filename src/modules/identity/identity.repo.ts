/**
 * SQL for accounts, lockout, the second factor and sessions. Users are not organization-scoped (one
 * account, several memberships), so these queries take a user id; the one query that lists a
 * user's organizations is named `unsafe...` because it crosses organizations on purpose.
 */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { Role } from "../../auth/permissions.ts";

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
}

const USER = `SELECT id, email, display_name AS "displayName", password_hash AS "passwordHash",
  failed_attempts AS "failedAttempts", locked_until AS "lockedUntil", totp_secret AS "totpSecret",
  totp_enabled_at AS "totpEnabledAt", totp_last_step AS "totpLastStep" FROM users`;

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  return (await q.query<UserRow>(`${USER} WHERE email = $1`, [email])).rows[0] ?? null;
}

/** The row, locked until the transaction ends when `q` is one (concurrent second-factor checks queue). */
export async function findUserById(q: Queryable, userId: string, lock = false): Promise<UserRow | null> {
  const sql = `${USER} WHERE id = $1${lock ? " FOR UPDATE" : ""}`;
  return (await q.query<UserRow>(sql, [userId])).rows[0] ?? null;
}

export interface UserOrganization {
  organizationId: string;
  slug: string;
  name: string;
  roles: Role[];
}

/** Every organization the user belongs to. UNSAFE: crosses organizations; for sign-in and lockout only. */
export async function unsafeOrganizationsOfUser(q: Queryable, userId: string): Promise<UserOrganization[]> {
  const { rows } = await q.query<UserOrganization>(
    `SELECT o.id AS "organizationId", o.slug, o.name, array_agg(m.role ORDER BY m.role) AS roles
       FROM memberships m JOIN organizations o ON o.id = m.organization_id
      WHERE m.user_id = $1 GROUP BY o.id ORDER BY o.slug`,
    [userId],
  );
  return rows;
}

/**
 * Counts one more consecutive failure. A lockout that has run out starts the count again, so the
 * person gets the full number of attempts after it ends. Returns the new count.
 */
export async function countFailure(tx: Transaction, userId: string, now: Date): Promise<number> {
  const { rows } = await tx.query<{ failedAttempts: number }>(
    `UPDATE users SET
       failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_attempts + 1 END,
       locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN NULL ELSE locked_until END
     WHERE id = $1 RETURNING failed_attempts AS "failedAttempts"`,
    [userId, now],
  );
  return rows[0]!.failedAttempts;
}

export async function lockUser(tx: Transaction, userId: string, until: Date): Promise<void> {
  await tx.query("UPDATE users SET locked_until = $2 WHERE id = $1", [userId, until]);
}

export async function clearFailures(tx: Transaction, userId: string): Promise<void> {
  await tx.query("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1", [userId]);
}

export async function setPassword(tx: Transaction, userId: string, passwordHash: string): Promise<void> {
  await tx.query("UPDATE users SET password_hash = $2 WHERE id = $1", [userId, passwordHash]);
}

/** Stores a new secret awaiting confirmation; refused (false) once a factor is enabled. */
export async function setPendingTotp(tx: Transaction, userId: string, secret: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    "UPDATE users SET totp_secret = $2, totp_last_step = NULL WHERE id = $1 AND totp_enabled_at IS NULL",
    [userId, secret],
  );
  return rowCount === 1;
}

export async function enableTotp(tx: Transaction, userId: string, now: Date): Promise<void> {
  await tx.query("UPDATE users SET totp_enabled_at = $2 WHERE id = $1", [userId, now]);
}

/**
 * Records `step` as the last accepted time step. False when an equal or later step was already
 * accepted (a replay that raced the check).
 */
export async function acceptTotpStep(tx: Transaction, userId: string, step: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
    [userId, step],
  );
  return rowCount === 1;
}

export async function replaceRecoveryCodes(
  tx: Transaction,
  userId: string,
  hashes: string[],
  now: Date,
): Promise<void> {
  await tx.query("DELETE FROM user_recovery_codes WHERE user_id = $1", [userId]);
  await tx.query(
    `INSERT INTO user_recovery_codes (user_id, code_hash, created_at)
     SELECT $1, code_hash, $3 FROM unnest($2::text[]) AS code_hash`,
    [userId, hashes, now],
  );
}

/** Marks an unused code used; false when there is no such unused code. */
export async function useRecoveryCode(
  tx: Transaction,
  userId: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    "UPDATE user_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
    [userId, hash, now],
  );
  return rowCount === 1;
}

export async function unusedRecoveryCodes(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL",
    [userId],
  );
  return rows[0]!.count;
}

export async function markSessionMfaVerified(tx: Transaction, sessionId: string): Promise<void> {
  await tx.query("UPDATE sessions SET mfa_verified = true WHERE id = $1", [sessionId]);
}
