/**
 * A large organization for the API benchmark (issue 4): the Brightpath example profile with its
 * policies published, `members` members with varied roles, about 60% of the workforce having
 * acknowledged the current policies, and an audit trail of `events` events forming a valid chain.
 *
 * The organization, its owner, profile and policies are written by the real services (setup,
 * publish); everything else is bulk INSERTs of JSON batches, because a row per round trip would take
 * minutes. Every bulk event is checked against its zod schema and hashed with the canonical
 * encoding exactly as recordEvent does, and the chain is verified before the seed returns.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { verifyAuditChain } from "../src/audit/index.ts";
import type { Role } from "../src/auth/permissions.ts";
import type { Database } from "../src/db/index.ts";
import { publishPolicies } from "../src/modules/policies/policies.service.ts";
import { setUpOrganization } from "../src/modules/setup/setup.service.ts";
import { exampleProfile } from "../test/support/profiles.ts";
import { appendEvents, insertJson, type EventSpec } from "./seed-bulk.ts";

const DAY = 86_400_000;
const FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kemi", "Luis"];
const LAST = ["Okafor", "Nguyen", "Schmidt", "Rossi", "Haddad", "Kowalski", "Silva", "Tanaka", "Moreau"];

export interface SeededOrganization {
  organizationId: string;
  /** A member whose first role is each role, to open sessions for. */
  memberWith: Record<Role, string>;
  members: number;
  acknowledged: number;
  events: number;
}

/** Roles of the i-th bulk member (1-based): mostly workforce, a few of every other role. */
function rolesOf(i: number): Role[] {
  if (i % 100 === 0) return ["auditor"];
  if (i % 50 === 1) return ["hr", "workforce-member"];
  if (i % 50 === 2) return ["approver", "workforce-member"];
  if (i === 3) return ["privacy-officer", "workforce-member"];
  if (i === 4) return ["security-officer"];
  return ["workforce-member"];
}

/** Seeds the organization described above into an empty, migrated database. */
export async function seedOrganization(
  db: Database,
  options: { members: number; events: number },
): Promise<SeededOrganization> {
  // History starts 90 days ago, so every seeded event is older than the requests that follow.
  const start = new Date(Date.now() - 90 * DAY);
  const setup = await setUpOrganization({
    db,
    now: start,
    organization: { slug: "brightpath", name: "Brightpath Health" },
    admin: {
      email: "owner@brightpath.example",
      displayName: "Olivia Owner",
      password: randomBytes(18).toString("base64url"),
    },
    passwordMinLength: 12,
    firstOnly: false,
    actor: { type: "cli", id: "bench" },
    profile: exampleProfile("brightpath-saas.yaml"),
  });
  const organizationId = setup.organization.id;
  const ownerId = setup.user.id;
  const published = await publishPolicies({
    db,
    organizationId,
    actor: { type: "user", id: ownerId },
    now: start,
  });
  const version = published.version;

  return db.transaction(async (tx) => {
    // One real argon2id hash (the owner's), shared: hashing 1,000 passwords would take 20 s.
    const { rows } = await tx.query<{ hash: string }>(
      "SELECT password_hash AS hash FROM users WHERE id = $1",
      [ownerId],
    );
    const passwordHash = rows[0]!.hash;
    const memberWith: Partial<Record<Role, string>> = { owner: ownerId };
    const users = [];
    const memberships = [];
    const acks = [];
    const membershipEvents: EventSpec[] = [];
    const ackEvents: EventSpec[] = [];
    const policyIds = (
      await tx.query<{ id: string }>(
        "SELECT p->>'id' AS id FROM policy_versions v, jsonb_array_elements(v.summaries) WITH ORDINALITY AS e(p, n) WHERE v.id = $1 ORDER BY n",
        [version.id],
      )
    ).rows.map((r) => r.id);
    for (let i = 1; i < options.members; i += 1) {
      const id = `usr_${randomUUID().replaceAll("-", "")}`;
      const email = `member${i}@brightpath.example`;
      const roles = rolesOf(i);
      // Sessions open as a member whose first role is the one wanted (hr, not an hr's workforce role).
      memberWith[roles[0]!] ??= id;
      const officer = roles.some((r) => r.endsWith("-officer"));
      const displayName = `${FIRST[i % FIRST.length]!} ${LAST[(i * 7) % LAST.length]!} ${i}`;
      users.push({ id, email, displayName, passwordHash, mfa: officer ? start.toISOString() : null });
      for (const role of roles) memberships.push({ userId: id, role });
      membershipEvents.push({
        actorId: ownerId,
        event: {
          action: "membership.created",
          target: { type: "membership", id },
          changes: { userId: id, email, roles },
        },
      });
      if (roles.includes("workforce-member") && (i * 7) % 10 < 6) {
        acks.push({ userId: id });
        for (const policyId of policyIds)
          ackEvents.push({
            actorId: id,
            event: {
              action: "policy.acknowledged",
              target: { type: "policy-version", id: version.id },
              changes: { policyId, version: version.version, contentHash: version.contentHash },
            },
          });
      }
    }
    await insertJson(
      tx,
      `INSERT INTO users (id, email, display_name, password_hash, totp_enabled_at, created_at)
       SELECT r.id, r.email, r."displayName", r."passwordHash", r.mfa::timestamptz, now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, email text, "displayName" text, "passwordHash" text, mfa text)`,
      users,
    );
    await insertJson(
      tx,
      `INSERT INTO memberships (organization_id, user_id, role, created_at)
       SELECT $2, r."userId", r.role, now() FROM jsonb_to_recordset($1::jsonb) AS r("userId" text, role text)`,
      memberships,
      [organizationId],
    );
    await insertJson(
      tx,
      `INSERT INTO acknowledgments (organization_id, user_id, policy_version_id, content_hash, acknowledged_at)
       SELECT $2, r."userId", $3, $4, $5 FROM jsonb_to_recordset($1::jsonb) AS r("userId" text)`,
      acks,
      [organizationId, version.id, version.contentHash, new Date(start.getTime() + DAY)],
    );

    // The trail: each membership, each acknowledgment (one event per policy, as the service
    // writes), then sign-ins of random members up to `events` in all.
    const head = await tx.query<{ seq: number }>(
      "SELECT seq::int AS seq FROM audit_chain_heads WHERE organization_id = $1",
      [organizationId],
    );
    const specs = [...membershipEvents, ...ackEvents];
    const userIds = users.map((u) => u.id);
    while (specs.length < options.events - head.rows[0]!.seq) {
      const actorId = userIds[specs.length % userIds.length]!;
      specs.push({
        actorId,
        event: { action: "user.signed-in", target: { type: "user", id: actorId }, changes: { mfa: false } },
      });
    }
    const step = Math.floor((89 * DAY) / specs.length);
    await appendEvents(tx, organizationId, specs, (i) => new Date(start.getTime() + 60_000 + i * step));
    return {
      organizationId,
      memberWith: memberWith as Record<Role, string>,
      members: options.members,
      acknowledged: acks.length,
      events: head.rows[0]!.seq + specs.length,
    };
  });
}

/** Throws unless the seeded trail verifies end to end (the benchmark must read a valid chain). */
export async function assertChainValid(db: Database, seeded: SeededOrganization): Promise<void> {
  const result = await verifyAuditChain(db, { organizationId: seeded.organizationId });
  if (!result.ok || result.count !== seeded.events)
    throw new Error(`the seeded audit trail does not verify: ${JSON.stringify(result)}`);
}
