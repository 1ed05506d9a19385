/** Access requests and grants: the only SQL that writes them. Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";

export type RequestStatus = "pending" | "approved" | "rejected" | "granted";

export interface AccessRequestRow {
  id: string;
  personId: string;
  personName: string;
  personUserId: string | null;
  system: string;
  level: string;
  justification: string;
  temporaryUntil: string | null;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  status: RequestStatus;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  grantId: string | null;
}

const REQUESTS = `SELECT r.id, r.person_id AS "personId", p.full_name AS "personName", p.user_id AS "personUserId",
  r.system, r.level, r.justification, r.temporary_until AS "temporaryUntil", r.requested_by AS "requestedBy",
  ru.display_name AS "requestedByName", r.requested_at AS "requestedAt", r.status, r.decided_by AS "decidedBy",
  du.display_name AS "decidedByName", r.decided_at AS "decidedAt", r.decision_note AS "decisionNote",
  g.id AS "grantId"
  FROM access_requests r
  JOIN people p ON p.organization_id = r.organization_id AND p.id = r.person_id
  JOIN users ru ON ru.id = r.requested_by
  LEFT JOIN users du ON du.id = r.decided_by
  LEFT JOIN access_grants g ON g.organization_id = r.organization_id AND g.request_id = r.id`;

export async function insertRequest(
  tx: Transaction,
  organizationId: string,
  r: {
    personId: string;
    system: string;
    level: string;
    justification: string;
    temporaryUntil: string | null;
    requestedBy: string;
    now: Date;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO access_requests (organization_id, person_id, system, level, justification, temporary_until,
       requested_by, requested_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending') RETURNING id`,
    [organizationId, r.personId, r.system, r.level, r.justification, r.temporaryUntil, r.requestedBy, r.now],
  );
  return rows[0]!.id;
}

export async function listRequests(
  q: Queryable,
  organizationId: string,
  f: { status: RequestStatus | "all"; requestedBy?: string; limit: number; offset: number },
): Promise<AccessRequestRow[]> {
  const { rows } = await q.query<AccessRequestRow>(
    `${REQUESTS} WHERE r.organization_id = $1 AND ($2::text = 'all' OR r.status = $2)
        AND ($3::text IS NULL OR r.requested_by = $3)
      ORDER BY r.requested_at DESC, r.id LIMIT $4 OFFSET $5`,
    [organizationId, f.status, f.requestedBy ?? null, f.limit, f.offset],
  );
  return rows;
}

export async function findRequest(
  q: Queryable,
  organizationId: string,
  requestId: string,
  lock = false,
): Promise<AccessRequestRow | null> {
  const { rows } = await q.query<AccessRequestRow>(
    `${REQUESTS} WHERE r.organization_id = $1 AND r.id = $2${lock ? " FOR UPDATE OF r" : ""}`,
    [organizationId, requestId],
  );
  return rows[0] ?? null;
}

export async function setRequestStatus(
  tx: Transaction,
  organizationId: string,
  requestId: string,
  status: Exclude<RequestStatus, "pending">,
  decision?: { by: string; at: Date; note: string | null },
): Promise<void> {
  if (decision) {
    await tx.query(
      `UPDATE access_requests SET status = $3, decided_by = $4, decided_at = $5, decision_note = $6
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, requestId, status, decision.by, decision.at, decision.note],
    );
  } else {
    await tx.query("UPDATE access_requests SET status = $3 WHERE organization_id = $1 AND id = $2", [
      organizationId,
      requestId,
      status,
    ]);
  }
}

export interface GrantRow {
  id: string;
  personId: string;
  personName: string;
  personEmail: string;
  personUserId: string | null;
  requestId: string;
  system: string;
  level: string;
  expiresOn: string | null;
  verificationMethod: string;
  grantedBy: string;
  grantedByName: string;
  grantedAt: Date;
  lastUsedOn: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
}

export const GRANTS = `SELECT g.id, g.person_id AS "personId", p.full_name AS "personName", p.email AS "personEmail",
  p.user_id AS "personUserId", g.request_id AS "requestId", g.system, g.level, g.expires_on AS "expiresOn",
  g.verification_method AS "verificationMethod", g.granted_by AS "grantedBy", gu.display_name AS "grantedByName",
  g.granted_at AS "grantedAt", g.last_used_on AS "lastUsedOn", g.revoked_at AS "revokedAt",
  g.revoked_by AS "revokedBy", vu.display_name AS "revokedByName", g.revoke_reason AS "revokeReason"
  FROM access_grants g
  JOIN people p ON p.organization_id = g.organization_id AND p.id = g.person_id
  JOIN users gu ON gu.id = g.granted_by
  LEFT JOIN users vu ON vu.id = g.revoked_by`;

export async function insertGrant(
  tx: Transaction,
  organizationId: string,
  g: {
    personId: string;
    requestId: string;
    system: string;
    level: string;
    expiresOn: string | null;
    verificationMethod: string;
    grantedBy: string;
    now: Date;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO access_grants (organization_id, person_id, request_id, system, level, expires_on,
       verification_method, granted_by, granted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      organizationId,
      g.personId,
      g.requestId,
      g.system,
      g.level,
      g.expiresOn,
      g.verificationMethod,
      g.grantedBy,
      g.now,
    ],
  );
  return rows[0]!.id;
}

export interface GrantFilter {
  status: "active" | "revoked" | "all";
  personId?: string | undefined;
  /** Active temporary grants whose last day is before this date. */
  expiredBefore?: string;
  /** Active grants not used (or, never used, not granted) on or after this date, in this zone. */
  unusedSince?: { date: string; timeZone: string };
  limit: number;
  offset: number;
}

export async function listGrants(q: Queryable, organizationId: string, f: GrantFilter): Promise<GrantRow[]> {
  const params: unknown[] = [organizationId];
  const where = ["g.organization_id = $1"];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.status === "active" || f.expiredBefore || f.unusedSince) where.push("g.revoked_at IS NULL");
  else if (f.status === "revoked") where.push("g.revoked_at IS NOT NULL");
  if (f.personId !== undefined) add((n) => `g.person_id = ${n}`, f.personId);
  if (f.expiredBefore) add((n) => `g.expires_on < ${n}::date`, f.expiredBefore);
  if (f.unusedSince) {
    params.push(f.unusedSince.timeZone);
    const zone = `$${params.length}`;
    add(
      (n) => `coalesce(g.last_used_on, (g.granted_at AT TIME ZONE ${zone})::date) < ${n}::date`,
      f.unusedSince.date,
    );
  }
  params.push(f.limit, f.offset);
  const { rows } = await q.query<GrantRow>(
    `${GRANTS} WHERE ${where.join(" AND ")}
      ORDER BY lower(p.full_name), g.granted_at, g.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return rows;
}

export async function findGrant(
  q: Queryable,
  organizationId: string,
  grantId: string,
  lock = false,
): Promise<GrantRow | null> {
  const { rows } = await q.query<GrantRow>(
    `${GRANTS} WHERE g.organization_id = $1 AND g.id = $2${lock ? " FOR UPDATE OF g" : ""}`,
    [organizationId, grantId],
  );
  return rows[0] ?? null;
}

export async function markGrantRevoked(
  tx: Transaction,
  organizationId: string,
  grantId: string,
  r: { at: Date; by: string; reason: string },
): Promise<void> {
  await tx.query(
    `UPDATE access_grants SET revoked_at = $3, revoked_by = $4, revoke_reason = $5
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, grantId, r.at, r.by, r.reason],
  );
}

export async function setLastUsed(
  tx: Transaction,
  organizationId: string,
  grantId: string,
  lastUsedOn: string,
): Promise<void> {
  await tx.query("UPDATE access_grants SET last_used_on = $3 WHERE organization_id = $1 AND id = $2", [
    organizationId,
    grantId,
    lastUsedOn,
  ]);
}
