/** Organizations and audit events for the storage tests, written the way services will write them. */
import { randomBytes } from "node:crypto";
import { recordEvent, type Actor } from "../../src/audit/index.ts";
import type { Database, Queryable } from "../../src/db/index.ts";

export const officer: Actor = { type: "user", id: "usr_officer" };
export const fixedClock = new Date("2025-03-01T09:00:00.000Z");

export const uniqueSlug = (prefix = "org") => `${prefix}-${randomBytes(4).toString("hex")}`;

/** Creates an organization and its `organization.created` event in one transaction. */
export async function createOrganization(
  db: Database,
  slug = uniqueSlug(),
): Promise<{ id: string; slug: string }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      "INSERT INTO organizations (slug, name) VALUES ($1, $2) RETURNING id",
      [slug, `Org ${slug}`],
    );
    const id = rows[0]!.id;
    await recordEvent(tx, {
      organizationId: id,
      actor: officer,
      event: {
        action: "organization.created",
        target: { type: "organization", id },
        changes: { slug, name: `Org ${slug}` },
      },
      at: fixedClock,
    });
    return { id, slug };
  });
}

/** Appends `count` acknowledgment events (one transaction each), a minute apart. */
export async function acknowledge(db: Database, organizationId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await db.transaction((tx) =>
      recordEvent(tx, {
        organizationId,
        actor: { type: "user", id: `usr_${i}` },
        event: {
          action: "policy.acknowledged",
          target: { type: "policy-version", id: `pv_${i}` },
          changes: { policyId: "access-control", version: 1 + (i % 3), contentHash: "ab".repeat(32) },
        },
        at: new Date(fixedClock.getTime() + (i + 1) * 60_000),
      }),
    );
  }
}

/**
 * Runs raw SQL against the stored trail the way an attacker with database access would: the
 * append-only trigger is switched off for the statement and back on afterwards.
 */
export async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
    const { rowCount } = await tx.query(sql, params);
    await tx.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
    return rowCount;
  });
}

export async function eventRow(q: Queryable, organizationId: string, seq: number) {
  const { rows } = await q.query<{ id: number; prev_hash: string; hash: string }>(
    "SELECT id, prev_hash, hash FROM audit_events WHERE organization_id = $1 AND seq = $2",
    [organizationId, seq],
  );
  return rows[0]!;
}
