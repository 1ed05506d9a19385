/**
 * Server-side sessions. The cookie carries a random token; the database keeps only its SHA-256, so
 * a leaked database does not leak live sessions. A session ends after the organization's idle
 * logoff minutes without a request (164.312(a)(2)(iii), as its own policy states).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "../db/index.ts";
import { mfaRequiredRoles, type Role } from "./permissions.ts";

export interface AuthContext {
  sessionId: string;
  userId: string;
  organizationId: string;
  roles: Role[];
  csrfToken: string;
  mfaRequired: boolean;
  mfaVerified: boolean;
  /**
   * The seq of the organization's audit chain head when the request began (0 before any event).
   * Every state change writes an event, so this versions the organization's data (response-cache.ts).
   */
  dataVersion: number;
}

/** The `access` section of the organization's current profile as stored (null: no profile yet). */
export interface KnownAccess {
  access: unknown;
}

export const sessionCookie = "steward_session";
const lastSeenResolutionMs = 15_000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Opens a session; returns the cookie token (shown once) and the CSRF token the client echoes. */
export async function createSession(
  tx: Queryable,
  options: { userId: string; organizationId: string; mfaVerified: boolean; now: Date },
): Promise<{ sessionId: string; token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO sessions (token_hash, user_id, organization_id, csrf_token, mfa_verified, created_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [hashToken(token), options.userId, options.organizationId, csrfToken, options.mfaVerified, options.now],
  );
  return { sessionId: rows[0]!.id, token, csrfToken };
}

/**
 * The caller of a request, or null when the token is unknown, ended, or idle longer than allowed
 * (in which case the session is ended now). A live session's last-seen time moves forward.
 */
export async function resolveSession(
  db: Queryable,
  token: string,
  now: Date,
  idleMinutes: (organizationId: string, known: KnownAccess) => Promise<number>,
): Promise<AuthContext | null> {
  const { rows } = await db.query<{
    id: string;
    user_id: string;
    organization_id: string;
    csrf_token: string;
    mfa_verified: boolean;
    last_seen_at: Date;
    roles: Role[] | null;
    access: unknown;
    data_version: number | null;
  }>(
    // The organization's `access` numbers come along, so a request costs one query, not two.
    `SELECT s.id, s.user_id, s.organization_id, s.csrf_token, s.mfa_verified, s.last_seen_at,
            (SELECT array_agg(m.role ORDER BY m.role) FROM memberships m WHERE m.user_id = s.user_id AND m.organization_id = s.organization_id) AS roles,
            (SELECT p.data -> 'access' FROM profile_versions p WHERE p.organization_id = s.organization_id AND p.is_current) AS access,
            (SELECT h.seq FROM audit_chain_heads h WHERE h.organization_id = s.organization_id) AS data_version
       FROM sessions s WHERE s.token_hash = $1 AND s.ended_at IS NULL`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return null;
  const idleMs = (await idleMinutes(row.organization_id, { access: row.access ?? null })) * 60_000;
  if (now.getTime() - row.last_seen_at.getTime() > idleMs) {
    await db.query("UPDATE sessions SET ended_at = $2 WHERE id = $1", [row.id, now]);
    return null;
  }
  // Recording activity costs a write per request; recording it at most every 15 seconds can only make
  // the idle logoff up to 15 seconds stricter, never looser.
  if (now.getTime() - row.last_seen_at.getTime() >= lastSeenResolutionMs) {
    await db.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", [row.id, now]);
  }
  const roles = row.roles ?? [];
  return {
    sessionId: row.id,
    userId: row.user_id,
    organizationId: row.organization_id,
    roles,
    csrfToken: row.csrf_token,
    mfaRequired: roles.some((r) => mfaRequiredRoles.includes(r)),
    mfaVerified: row.mfa_verified,
    dataVersion: row.data_version ?? 0,
  };
}

export async function endSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query("UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL", [sessionId, now]);
}
