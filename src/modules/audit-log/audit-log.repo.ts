/** Reads of the audit trail for people (the writes are src/audit's). Every query is scoped to one organization. */
import type { Queryable, TextRow } from "../../db/index.ts";

/** Filters with time bounds resolved: events with from <= occurred_at < until. */
export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  until?: Date | undefined;
}

/** `occurred_at` as `2026-03-02T09:00:00.000Z`, whatever the session's time zone. */
const OCCURRED_AT = `to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The WHERE clause and its parameters; the organization always comes first. */
function where(
  organizationId: string,
  filter: AuditFilter,
  before?: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [organizationId];
  const clauses = ["e.organization_id = $1"];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.action !== undefined) add("e.action = ?", filter.action);
  if (filter.actorId !== undefined) add("e.actor_id = ?", filter.actorId);
  if (filter.targetType !== undefined) add("e.target_type = ?", filter.targetType);
  if (filter.targetId !== undefined) add("e.target_id = ?", filter.targetId);
  if (filter.from !== undefined) add("e.occurred_at >= ?", filter.from);
  if (filter.until !== undefined) add("e.occurred_at < ?", filter.until);
  if (before !== undefined) add("e.seq < ?", before);
  return { sql: clauses.join(" AND "), params };
}

export interface AuditEventRow {
  seq: number;
  occurredAt: string;
  actorType: "user" | "system" | "cli";
  actorId: string;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  changes: Record<string, unknown>;
  prevHash: string;
  hash: string;
  hashVersion: number;
}

/** One page, newest first: at most `limit` events with seq below `before`. */
export async function listAuditEvents(
  q: Queryable,
  organizationId: string,
  filter: AuditFilter,
  page: { limit: number; before?: number | undefined },
): Promise<AuditEventRow[]> {
  const { sql, params } = where(organizationId, filter, page.before);
  params.push(page.limit);
  // The page comes back as one JSON value: the engines parse one JSON text far faster than a
  // hundred rows of eleven cells (PGlite converts each cell on its own).
  const { rows } = await q.query<{ page: AuditEventRow[] }>(
    `SELECT coalesce(json_agg(x ORDER BY x.seq DESC), '[]') AS page FROM (
       SELECT e.seq, ${OCCURRED_AT} AS "occurredAt", e.actor_type AS "actorType", e.actor_id AS "actorId",
              u.display_name AS "actorName", e.action, e.target_type AS "targetType", e.target_id AS "targetId",
              e.changes, e.prev_hash AS "prevHash", e.hash, e.hash_version AS "hashVersion"
         FROM audit_events e LEFT JOIN users u ON e.actor_type = 'user' AND u.id = e.actor_id
        WHERE ${sql} ORDER BY e.seq DESC LIMIT $${params.length}) x`,
    params,
  );
  return rows[0]!.page;
}

/** Cells of an export row, in this order (every cell PostgreSQL's text; `changes` is jsonb text). */
export const exportColumns = [
  "seq",
  "occurred_at",
  "actor_type",
  "actor_id",
  "action",
  "target_type",
  "target_id",
  "changes",
  "hash",
  "prev_hash",
  "hash_version",
] as const;

/**
 * The filtered events in chain order (oldest first, as the trail is verified), at most `max`, in
 * batches from one snapshot.
 */
export function scanAuditEvents(
  q: Queryable,
  organizationId: string,
  filter: AuditFilter,
  max: number,
): AsyncIterable<TextRow[]> {
  const { sql, params } = where(organizationId, filter);
  params.push(max);
  return q.scan(
    `SELECT e.seq, ${OCCURRED_AT}, e.actor_type, e.actor_id, e.action, e.target_type, e.target_id,
            e.changes, e.hash, e.prev_hash, e.hash_version
       FROM audit_events e WHERE ${sql} ORDER BY e.seq LIMIT $${params.length}`,
    params,
  );
}
