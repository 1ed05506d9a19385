/**
 * Reads and writes of the reminder pass: organizations to visit, their members, the open work that
 * has reached a reminder stage, and what was already mailed. Scoped by organization except the
 * one `unsafe...` listing, which the scheduler uses to visit every organization.
 */
import type { Role } from "../../auth/permissions.ts";
import type { Queryable } from "../../db/index.ts";
import type { NamedPeople } from "../../obligations/owners.ts";

export interface ActiveOrganization {
  id: string;
  name: string;
  /** From the current profile; UTC before there is one. */
  timeZone: string;
  people: NamedPeople | null;
}

/**
 * UNSAFE: crosses organizations (no scoping). Every organization with a current policy version,
 * with what its emails need; only ids, names and the profile's named people leave the query.
 */
export async function unsafeListActiveOrganizations(q: Queryable): Promise<ActiveOrganization[]> {
  const { rows } = await q.query<ActiveOrganization & { timeZone: string | null }>(
    `SELECT o.id, o.name, pv.data->'organization'->>'timeZone' AS "timeZone", pv.data->'people' AS people
       FROM organizations o
       LEFT JOIN profile_versions pv ON pv.organization_id = o.id AND pv.is_current
      WHERE EXISTS (SELECT 1 FROM policy_versions v WHERE v.organization_id = o.id AND v.is_current)
      ORDER BY o.id`,
  );
  return rows.map((r) => ({ ...r, timeZone: r.timeZone ?? "UTC" }));
}

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
}

/** Every member of the organization with all their membership roles. */
export async function listMembers(q: Queryable, organizationId: string): Promise<MemberRow[]> {
  const { rows } = await q.query<MemberRow>(
    `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", json_agg(m.role ORDER BY m.role) AS roles
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.organization_id = $1
      GROUP BY u.id, u.email, u.display_name
      ORDER BY u.email`,
    [organizationId],
  );
  return rows;
}

export type ReminderStage = "due" | "overdue";

export interface ReminderCandidate {
  id: string;
  text: string;
  ownerRole: string;
  personUserId: string | null;
  supervisorUserId: string | null;
  dueOn: string;
  dueAt: Date;
  stage: ReminderStage;
  /** Who was already reminded at which stage: [userId, stage] pairs. */
  reminded: [string, ReminderStage][];
}

/**
 * Open work whose status is `due` or `overdue` at `now` (the same instants statusSql compares), with
 * the reminders already sent for it: one query for the whole organization.
 */
export async function listReminderCandidates(
  q: Queryable,
  organizationId: string,
  now: Date,
): Promise<ReminderCandidate[]> {
  const { rows } = await q.query<ReminderCandidate>(
    `SELECT o.id, ob.text, ob.owner_role AS "ownerRole", p.user_id AS "personUserId",
       sup.user_id AS "supervisorUserId", o.due_on AS "dueOn", o.due_at AS "dueAt",
       CASE WHEN $2::timestamptz >= o.overdue_at THEN 'overdue' ELSE 'due' END AS stage,
       COALESCE((SELECT json_agg(json_build_array(r.user_id, r.stage)) FROM reminders_sent r
                  WHERE r.organization_id = o.organization_id AND r.occurrence_id = o.id), '[]'::json) AS reminded
       FROM occurrences o
       JOIN obligations ob ON ob.organization_id = o.organization_id AND ob.id = o.obligation_id
       LEFT JOIN people p ON p.organization_id = o.organization_id AND p.id = o.person_id
       LEFT JOIN people sup ON sup.organization_id = p.organization_id AND sup.id = p.supervisor_id
      WHERE o.organization_id = $1
        AND o.completed_at IS NULL AND o.waived_at IS NULL AND o.superseded_at IS NULL
        AND ($2::timestamptz >= o.due_soon_at OR $2::timestamptz >= o.overdue_at)
      ORDER BY o.due_at, o.id`,
    [organizationId, now],
  );
  return rows;
}

/** Records reminders that were mailed; a row already there (a concurrent pass) is left alone. */
export async function recordReminders(
  q: Queryable,
  organizationId: string,
  userId: string,
  sent: readonly { occurrenceId: string; stage: ReminderStage }[],
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO reminders_sent (organization_id, occurrence_id, user_id, stage, sent_at)
     SELECT $1, occurrence_id, $2, stage, $5 FROM unnest($3::text[], $4::text[]) AS s (occurrence_id, stage)
     ON CONFLICT DO NOTHING`,
    [organizationId, userId, sent.map((s) => s.occurrenceId), sent.map((s) => s.stage), at],
  );
}
