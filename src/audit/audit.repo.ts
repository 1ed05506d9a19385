/** The audit trail's SQL (the only place it is written). Everything is scoped to one organization unless named `unsafe...`. */
import { V2_SEPARATOR, type EncodedFields, type HashVersion } from "./canonical.ts";
import type { Queryable, Transaction } from "../db/index.ts";

export interface ChainHead {
  organizationId: string;
  slug: string;
  /** 0 and the genesis hash when the organization has no event yet. */
  seq: number;
  hash: string | null;
}

/**
 * Takes the next seq and the previous hash for an organization. The upsert locks the head row until
 * the transaction ends, so concurrent writers for one organization queue here and the chain cannot
 * fork; other organizations are not blocked. Returns null when the organization does not exist.
 */
export async function advanceChainHead(
  tx: Transaction,
  { organizationId, genesis }: { organizationId: string; genesis: string },
): Promise<{ seq: number; prevHash: string } | null> {
  try {
    const { rows } = await tx.query<{ seq: number; hash: string }>(
      `INSERT INTO audit_chain_heads AS head (organization_id, seq, hash) VALUES ($1, 1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET seq = head.seq + 1
       RETURNING seq, hash`,
      [organizationId, genesis],
    );
    const row = rows[0]!;
    return { seq: row.seq, prevHash: row.hash };
  } catch (error) {
    if ((error as { code?: unknown }).code === "23503") return null; // foreign key: no such organization
    throw error;
  }
}

/** A row to insert: the fields the hash covers, plus the chain links. */
export interface NewEventRow extends EncodedFields {
  prevHash: string;
  hash: string;
  hashVersion: HashVersion;
}

/** Stores the event and moves the head's hash to it, in one statement. Returns the event id. */
export async function insertEvent(tx: Transaction, e: NewEventRow): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `WITH event AS (
       INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action,
                                 target_type, target_id, changes, prev_hash, hash, hash_version)
       VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9::json, $10, $11, $12)
       RETURNING id
     )
     UPDATE audit_chain_heads SET hash = $11 WHERE organization_id = $1
     RETURNING (SELECT id FROM event) AS id`,
    [
      e.organizationId,
      e.seq,
      e.occurredAt,
      e.actorType,
      e.actorId,
      e.action,
      e.targetType,
      e.targetId,
      e.changes,
      e.prevHash,
      e.hash,
      e.hashVersion,
    ],
  );
  return rows[0]!.id;
}

const HEADS = `SELECT o.id AS "organizationId", o.slug, COALESCE(h.seq, 0) AS seq, h.hash
  FROM organizations o LEFT JOIN audit_chain_heads h ON h.organization_id = o.id`;

export async function chainHeadOf(q: Queryable, organizationId: string): Promise<ChainHead | null> {
  const { rows } = await q.query<ChainHead>(`${HEADS} WHERE o.id = $1`, [organizationId]);
  return rows[0] ?? null;
}

/** Every organization's head. UNSAFE: crosses organizations; for operator tasks (CLI verify), never for a request. */
export async function unsafeListChainHeads(q: Queryable): Promise<ChainHead[]> {
  return (await q.query<ChainHead>(`${HEADS} ORDER BY o.slug`)).rows;
}

/** Finds an organization by its slug, the name operators type. */
export async function findOrganizationBySlug(
  q: Queryable,
  slug: string,
): Promise<{ id: string; slug: string } | null> {
  const { rows } = await q.query<{ id: string; slug: string }>(
    "SELECT id, slug FROM organizations WHERE slug = $1",
    [slug],
  );
  return rows[0] ?? null;
}

/**
 * Separators of `readChainPage`: they cannot occur in hex, digits, JSON text or (by schema) ids.
 * Cells are joined as hash version 2 joins its fields, so a record's text from seq to prev_hash is
 * that version's input after its prefix.
 */
export const RECORD_SEPARATOR = "\x1e";
export const FIELD_SEPARATOR = V2_SEPARATOR;

/**
 * Events with seq in (after, upTo] packed into one string: records in seq order joined by
 * RECORD_SEPARATOR, each the cells id, seq, occurred_at, actor_type, actor_id, action, target_type,
 * target_id, changes, prev_hash, hash, hash_version joined by FIELD_SEPARATOR. One value per page
 * instead of twelve per event makes the read several times faster (PGlite spends microseconds per
 * cell); ordering in a subquery rather than inside string_agg spares PostgreSQL a sort of rows the
 * index already returns in order (PostgreSQL keeps a plain subquery's order; were it ever lost,
 * verification would report a break, never pass a bad chain); and the seq range keeps the plan an index range scan even on
 * tables never analyzed. `next` is the first seq after `upTo`, so gaps of any size cost one page.
 * Timestamps follow the session's TimeZone and DateStyle: set them with `useUtcTimestamps`.
 */
export async function readChainPage(
  tx: Transaction,
  { organizationId, after, upTo }: { organizationId: string; after: number; upTo: number },
): Promise<{ packed: string | null; next: number | null }> {
  const { rows } = await tx.query<{ packed: string | null; next: number | null }>(
    `SELECT string_agg(concat_ws(chr(31), id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id,
                                 changes, prev_hash, hash, hash_version), chr(30)) AS packed,
            (SELECT min(seq) FROM audit_events WHERE organization_id = $1 AND seq > $3) AS next
     FROM (SELECT * FROM audit_events WHERE organization_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq) AS page`,
    [organizationId, after, upTo],
  );
  return rows[0]!;
}

/** Whether the organization has events below seq 1 (none are ever written: a forgery). */
export async function hasEventsBeforeFirst(q: Queryable, organizationId: string): Promise<boolean> {
  const { rows } = await q.query<{ found: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM audit_events WHERE organization_id = $1 AND seq < 1) AS found",
    [organizationId],
  );
  return rows[0]!.found;
}

/** What `hashPageInDatabase` reports for a seq range. */
export interface PageDigest {
  /** Rows in the range, and its lowest and highest seq (null when empty). */
  count: number;
  first: number | null;
  last: number | null;
  /** Every row is version 2 and its fields hash to its stored hash. */
  hashed: boolean;
  /** Every row after the first links to the one before it (prev_hash = that row's hash). */
  linked: boolean;
  /** prev_hash of the first row and hash of the last (seq after + 1 and upTo). */
  firstPrevHash: string | null;
  lastHash: string | null;
}

/**
 * PostgreSQL only: recomputes the version 2 hash of every event with seq in (after, upTo] inside
 * the database (pg_catalog.sha256 over the same bytes canonical.ts hashes; `prefix` is
 * `v2Prefix(organizationId)`) and checks each links to the one before it, returning a summary
 * instead of the events. Any NULL counts as a failure, and nothing here throws on altered data
 * (LIMIT 1: a seq may appear twice once its unique constraint is dropped; the count or the links
 * then fail). The
 * caller still checks the seqs and the links between pages. Timestamps must be set to UTC
 * (`useUtcTimestamps`), as for `readChainPage`.
 */
export async function hashPageInDatabase(
  tx: Transaction,
  {
    organizationId,
    after,
    upTo,
    prefix,
  }: { organizationId: string; after: number; upTo: number; prefix: string },
): Promise<PageDigest> {
  const { rows } = await tx.query<PageDigest>(
    `SELECT count(*)::int AS count, min(seq) AS first, max(seq) AS last,
            coalesce(bool_and(coalesce(hash_version = 2 AND hash = encode(pg_catalog.sha256(convert_to(
              $4 || concat_ws(chr(31), seq, occurred_at, actor_type, actor_id, action, target_type, target_id,
                              changes, prev_hash), 'UTF8')), 'hex'), false)), false) AS hashed,
            coalesce(bool_and(coalesce(prev_hash = link, link IS NULL AND prev_hash IS NOT NULL)), false) AS linked,
            (SELECT prev_hash FROM audit_events WHERE organization_id = $1 AND seq = $2 + 1 LIMIT 1) AS "firstPrevHash",
            (SELECT hash FROM audit_events WHERE organization_id = $1 AND seq = $3 LIMIT 1) AS "lastHash"
       FROM (SELECT *, lag(hash) OVER (ORDER BY seq) AS link
               FROM audit_events WHERE organization_id = $1 AND seq > $2 AND seq <= $3) AS page`,
    [organizationId, after, upTo, prefix],
  );
  return rows[0]!;
}

/** Timestamps as `2025-01-31 09:00:00.123+00` for the rest of the transaction. */
export async function useUtcTimestamps(tx: Transaction): Promise<void> {
  await tx.query("SET LOCAL TimeZone = 'UTC'");
  await tx.query("SET LOCAL DateStyle = 'ISO'");
}

export async function eventAt(q: Queryable, organizationId: string, seq: number) {
  const { rows } = await q.query<{ id: number; prevHash: string; hash: string }>(
    `SELECT id, prev_hash AS "prevHash", hash FROM audit_events WHERE organization_id = $1 AND seq = $2`,
    [organizationId, seq],
  );
  return rows[0] ?? null;
}

/** The seq of the organization's event with this hash (a full scan: only used once a break is found). */
export async function seqOfHash(q: Queryable, organizationId: string, hash: string): Promise<number | null> {
  const { rows } = await q.query<{ seq: number }>(
    "SELECT seq FROM audit_events WHERE organization_id = $1 AND hash = $2 ORDER BY seq LIMIT 1",
    [organizationId, hash],
  );
  return rows[0]?.seq ?? null;
}
