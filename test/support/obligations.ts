/**
 * An organization with published policies whose officers are the test server's members, for the
 * obligations, dashboard and workforce tests. The clock starts at 2026-03-02T09:00Z, which is
 * 01:00 on March 2 in BrightPath's zone (America/Los_Angeles).
 */
import assert from "node:assert/strict";
import type { Database } from "../../src/db/index.ts";
import { findCurrentPolicyVersion } from "../../src/modules/policies/policies.repo.ts";
import {
  publishPolicies,
  renderOrRefuse,
  storePolicyVersion,
} from "../../src/modules/policies/policies.service.ts";
import { findCurrentProfile, lockOrganization } from "../../src/modules/profile/profile.repo.ts";
import { validateProfileData } from "../../src/profile/errors.ts";
import { saveProfile } from "../../src/modules/profile/profile.service.ts";
import { brightpathBody } from "./org-data.ts";
import { startTestServer, type TestServer } from "./server.ts";

export type ProfileBody = ReturnType<typeof brightpathBody>;

/** BrightPath with the test members as officers, effective the day before the clock. */
export function officersProfile(
  server: TestServer,
  change: (body: ProfileBody) => void = () => {},
): ProfileBody {
  const body = brightpathBody();
  body.governance.effectiveDate = "2026-03-01";
  const people = body["people"] as Record<string, Record<string, unknown>>;
  people["securityOfficer"] = {
    ...people["securityOfficer"],
    name: "Sandra Officer",
    email: server.members["security-officer"].email,
  };
  people["privacyOfficer"] = {
    ...people["privacyOfficer"],
    name: "Paul Privacy",
    email: server.members["privacy-officer"].email,
  };
  people["engineeringLead"] = { ...people["engineeringLead"], email: server.members.owner.email };
  change(body);
  return body;
}

/**
 * Saves the profile as the owner and publishes it at the clock's time. A later version is stored
 * the way a published proposal stores it (storePolicyVersion), without the proposal and its
 * approvals (src/modules/governance has those tests): these tests are about what follows.
 */
export async function publishProfile(db: Database, server: TestServer, body: ProfileBody): Promise<void> {
  const organizationId = server.organization.id;
  const actor = { type: "user" as const, id: server.members.owner.id };
  const now = server.clock.now();
  await saveProfile({ db, organizationId, actor, data: body, now });
  if (!(await findCurrentPolicyVersion(db, organizationId))) {
    await publishPolicies({ db, organizationId, actor, now });
    return;
  }
  const checked = validateProfileData(body);
  assert.ok(checked.ok, "the test profile must be valid");
  const set = renderOrRefuse(checked.profile, {});
  await db.transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const profile = (await findCurrentProfile(tx, organizationId))!;
    await storePolicyVersion(tx, {
      organizationId,
      profileVersionId: profile.id,
      set,
      effectiveFrom: set.effectiveDate,
      actor,
      now,
    });
  });
}

export async function publishedOrganization(
  db: Database,
  change?: (body: ProfileBody) => void,
): Promise<TestServer> {
  const server = await startTestServer(db);
  await publishProfile(db, server, officersProfile(server, change));
  return server;
}

export interface OccurrenceFact {
  id: string;
  seriesKey: string;
  dueOn: string;
  obligationId: string;
  completed: boolean;
  superseded: boolean;
}

/** Occurrences of one commitment, oldest first, as stored. */
export async function occurrencesOf(
  db: Database,
  organizationId: string,
  commitmentId: string,
): Promise<OccurrenceFact[]> {
  const { rows } = await db.query<OccurrenceFact>(
    `SELECT o.id, o.series_key AS "seriesKey", o.due_on AS "dueOn", o.obligation_id AS "obligationId",
            o.completed_at IS NOT NULL AS completed, o.superseded_at IS NOT NULL AS superseded
       FROM occurrences o JOIN obligations ob ON ob.id = o.obligation_id
      WHERE o.organization_id = $1 AND ob.commitment_id = $2 ORDER BY o.due_on, o.created_at`,
    [organizationId, commitmentId],
  );
  return rows;
}

/** A person row as the workforce register would write it. */
export async function insertPerson(
  db: Database,
  organizationId: string,
  person: { email: string; startDate: string; userId?: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO people (organization_id, user_id, full_name, email, kind, start_date, created_at)
     VALUES ($1, $2, 'Test Person', $3, 'employee', $4, now()) RETURNING id`,
    [organizationId, person.userId ?? null, person.email, person.startDate],
  );
  return rows[0]!.id;
}
