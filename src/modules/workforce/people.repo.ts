/** The roster's SQL (the `people` table). Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";

export interface PersonRow {
  id: string;
  fullName: string;
  email: string;
  kind: "employee" | "contractor";
  jobTitle: string | null;
  supervisorId: string | null;
  supervisorName: string | null;
  supervisorEmail: string | null;
  userId: string | null;
  startDate: string;
  endDate: string | null;
}

const SELECT = `SELECT p.id, p.full_name AS "fullName", p.email, p.kind, p.job_title AS "jobTitle",
  p.supervisor_id AS "supervisorId", s.full_name AS "supervisorName", s.email AS "supervisorEmail",
  p.user_id AS "userId", p.start_date AS "startDate", p.end_date AS "endDate"
  FROM people p LEFT JOIN people s ON s.organization_id = p.organization_id AND s.id = p.supervisor_id`;

export type RosterStatus = "active" | "terminated" | "all";
const statusWhere: Record<RosterStatus, string> = {
  active: "AND p.end_date IS NULL",
  terminated: "AND p.end_date IS NOT NULL",
  all: "",
};

/** A page of the roster by name. */
export async function listPeople(
  q: Queryable,
  organizationId: string,
  filter: { status: RosterStatus; limit: number; offset: number },
): Promise<PersonRow[]> {
  const { rows } = await q.query<PersonRow>(
    `${SELECT} WHERE p.organization_id = $1 ${statusWhere[filter.status]}
      ORDER BY lower(p.full_name), p.email LIMIT $2 OFFSET $3`,
    [organizationId, filter.limit, filter.offset],
  );
  return rows;
}

/** One person; `lock` holds the row until the transaction ends (updates, terminations). */
export async function findPerson(
  q: Queryable,
  organizationId: string,
  personId: string,
  lock = false,
): Promise<PersonRow | null> {
  const { rows } = await q.query<PersonRow>(
    `${SELECT} WHERE p.organization_id = $1 AND p.id = $2${lock ? " FOR UPDATE OF p" : ""}`,
    [organizationId, personId],
  );
  return rows[0] ?? null;
}

/** The person linked to a member account, if any. */
export async function findPersonByUser(
  q: Queryable,
  organizationId: string,
  userId: string,
): Promise<PersonRow | null> {
  const { rows } = await q.query<PersonRow>(`${SELECT} WHERE p.organization_id = $1 AND p.user_id = $2`, [
    organizationId,
    userId,
  ]);
  return rows[0] ?? null;
}

/** Ids of roster entries by email (lower case), for duplicate checks and imports. */
export async function peopleIdsByEmail(
  q: Queryable,
  organizationId: string,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; email: string }>(
    "SELECT id, email FROM people WHERE organization_id = $1 AND email = ANY($2::text[])",
    [organizationId, emails],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Every roster entry's id by email (imports check a whole file against it). */
export async function rosterIdsByEmail(q: Queryable, organizationId: string): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; email: string }>(
    "SELECT id, email FROM people WHERE organization_id = $1",
    [organizationId],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Member accounts of the organization by email, not yet linked to another person: the accounts a
 * roster entry with the same email links to.
 */
export async function linkableMembers(
  q: Queryable,
  organizationId: string,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; email: string }>(
    `SELECT DISTINCT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id
      WHERE m.organization_id = $1 AND u.email = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organization_id = $1 AND p.user_id = u.id)`,
    [organizationId, emails],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

export interface NewPerson {
  fullName: string;
  email: string;
  kind: "employee" | "contractor";
  jobTitle: string | null;
  supervisorId: string | null;
  userId: string | null;
  startDate: string;
  endDate: string | null;
}

export async function insertPerson(
  tx: Transaction,
  organizationId: string,
  p: NewPerson,
  now: Date,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO people (organization_id, full_name, email, kind, job_title, supervisor_id, user_id, start_date,
       end_date, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      organizationId,
      p.fullName,
      p.email,
      p.kind,
      p.jobTitle,
      p.supervisorId,
      p.userId,
      p.startDate,
      p.endDate,
      now,
    ],
  );
  return rows[0]!.id;
}

export async function updatePersonRow(
  tx: Transaction,
  organizationId: string,
  personId: string,
  p: Omit<NewPerson, "startDate" | "endDate">,
): Promise<void> {
  await tx.query(
    `UPDATE people SET full_name = $3, email = $4, kind = $5, job_title = $6, supervisor_id = $7, user_id = $8
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, personId, p.fullName, p.email, p.kind, p.jobTitle, p.supervisorId, p.userId],
  );
}

export async function setSupervisor(
  tx: Transaction,
  organizationId: string,
  personId: string,
  supervisorId: string,
): Promise<void> {
  await tx.query("UPDATE people SET supervisor_id = $3 WHERE organization_id = $1 AND id = $2", [
    organizationId,
    personId,
    supervisorId,
  ]);
}

export async function setEndDate(
  tx: Transaction,
  organizationId: string,
  personId: string,
  endDate: string,
): Promise<void> {
  await tx.query("UPDATE people SET end_date = $3 WHERE organization_id = $1 AND id = $2", [
    organizationId,
    personId,
    endDate,
  ]);
}

/** True when `personId` is `supervisorId` or above it in its supervisor chain (a loop would form). */
export async function wouldLoop(
  q: Queryable,
  organizationId: string,
  supervisorId: string,
  personId: string,
): Promise<boolean> {
  const { rows } = await q.query<{ found: boolean }>(
    `WITH RECURSIVE chain (id, depth) AS (
       SELECT id, 0 FROM people WHERE organization_id = $1 AND id = $2
       UNION ALL
       SELECT p.supervisor_id, c.depth + 1 FROM chain c
         JOIN people p ON p.organization_id = $1 AND p.id = c.id
        WHERE p.supervisor_id IS NOT NULL AND c.depth < 1000)
     SELECT EXISTS (SELECT 1 FROM chain WHERE id = $3) AS found`,
    [organizationId, supervisorId, personId],
  );
  return rows[0]!.found;
}

/**
 * A member who joins links to the roster entry with their email, when it is not linked yet: a
 * person hired before they accepted their invitation then sees their own work.
 */
export async function linkJoiningMember(
  tx: Transaction,
  organizationId: string,
  user: { id: string; email: string },
): Promise<void> {
  await tx.query(
    `UPDATE people SET user_id = $2
      WHERE organization_id = $1 AND email = $3 AND user_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organization_id = $1 AND p.user_id = $2)`,
    [organizationId, user.id, user.email],
  );
}
