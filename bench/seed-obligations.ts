/**
 * A large organization for the obligations benchmark (issue 5): BrightPath's policies published six
 * years ago by the real services, 5,000 people hired across those years (15% since left), and the
 * work the policies created in that time: every recurring period, each person's annual training,
 * each hire's training and each leaver's access revocation, nearly all completed. Occurrences are
 * computed by the engine's own functions and written in bulk.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "../src/db/index.ts";
import { addDays, localDateOf, startOfLocalDay, type LocalDate } from "../src/obligations/deadlines.ts";
import {
  recurringOccurrences,
  triggeredOccurrence,
  type NewOccurrence,
  type PersonSpan,
} from "../src/obligations/materialize.ts";
import { insertOccurrences, listAllObligations } from "../src/modules/obligations/obligations.repo.ts";
import { rebuildProgress } from "../src/modules/obligations/occurrences.repo.ts";
import { publishPolicies } from "../src/modules/policies/policies.service.ts";
import { setUpOrganization } from "../src/modules/setup/setup.service.ts";
import { exampleProfile } from "../test/support/profiles.ts";
import { insertJson } from "./seed-bulk.ts";

export const PEOPLE = 5_000;
const YEARS = 6;
const DAY = 86_400_000;

export interface SeededHistory {
  organizationId: string;
  officerId: string;
  profile: Record<string, unknown>;
  now: Date;
  today: LocalDate;
  occurrences: number;
  completed: number;
}

export async function seedHistory(db: Database): Promise<SeededHistory> {
  const now = new Date();
  const start = new Date(now.getTime() - YEARS * 365 * DAY);
  const email = "officer@brightpath.example";
  const profile = structuredClone(exampleProfile("brightpath-saas.yaml")) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  const zone = profile["organization"]!["timeZone"] as string;
  profile["governance"] = { ...profile["governance"], effectiveDate: localDateOf(start, zone) };
  const people = profile["people"] as Record<string, Record<string, unknown>>;
  people["securityOfficer"] = { ...people["securityOfficer"], email };
  people["privacyOfficer"] = { ...people["privacyOfficer"], email };
  const setup = await setUpOrganization({
    db,
    now: start,
    organization: { slug: "brightpath", name: "BrightPath" },
    admin: {
      email,
      displayName: people["securityOfficer"]["name"] as string,
      password: randomBytes(18).toString("base64url"),
    },
    passwordMinLength: 12,
    firstOnly: false,
    actor: { type: "cli", id: "bench" },
    profile: profile as never,
  });
  const organizationId = setup.organization.id;
  const officerId = setup.user.id;
  await publishPolicies({ db, organizationId, actor: { type: "user", id: officerId }, now: start });

  const today = localDateOf(now, zone);
  const first = localDateOf(start, zone);
  const spans: PersonSpan[] = [];
  const rows: object[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const startDate = addDays(first, Math.floor((i / PEOPLE) * YEARS * 365));
    const leaves = i % 7 === 3;
    const endDate = leaves
      ? addDays(startDate, Math.min(400 + (i % 500), Math.max(1, daysBetween(startDate, today) - 1)))
      : null;
    const id = `per_${randomUUID().replaceAll("-", "")}`;
    spans.push({ id, startDate, endDate });
    rows.push({
      id,
      full_name: `Person ${i}`,
      email: `person${i}@brightpath.example`,
      kind: i % 5 === 0 ? "contractor" : "employee",
      start_date: startDate,
      end_date: endDate,
    });
  }
  const obligations = await listAllObligations(db, organizationId);
  return db.transaction(async (tx) => {
    await insertJson(
      tx,
      `INSERT INTO people (id, organization_id, full_name, email, kind, start_date, end_date, created_at)
       SELECT id, $2, full_name, email, kind, start_date, end_date, $3 FROM jsonb_to_recordset($1::jsonb)
         AS r(id text, full_name text, email text, kind text, start_date date, end_date date)`,
      rows,
      [organizationId, start],
    );
    const owed = new Map<string, NewOccurrence>();
    const triggers: object[] = [];
    for (const ob of obligations) {
      if (ob.kind === "recurring") {
        // The engine writes a window of periods per pass; six years of passes, one a year.
        for (let day = first; day <= today; day = addDays(day, 365)) {
          const pass = recurringOccurrences(
            {
              id: ob.id,
              perPerson: ob.perPerson,
              cadence: { every: ob.cadenceEvery!, unit: ob.cadenceUnit! },
              anchorDate: ob.anchorDate!,
              trackedFrom: ob.trackedFrom,
              effectiveUntil: ob.effectiveUntil,
              graceDays: ob.graceDays,
            },
            spans,
            day,
            zone,
          );
          for (const o of pass) owed.set(`${o.obligationId}|${o.seriesKey}`, o);
        }
        continue;
      }
      const event = ob.triggerEvent;
      if (event !== "workforce.hired" && event !== "workforce.terminated") continue;
      for (const person of spans) {
        const day = event === "workforce.hired" ? person.startDate : person.endDate;
        if (day === null || day > today) continue;
        const id = `trg_${randomUUID().replaceAll("-", "")}`;
        const occurredAt = startOfLocalDay(day, zone);
        triggers.push({ id, event, occurred_at: occurredAt.toISOString(), person_id: person.id });
        const o = triggeredOccurrence(
          { id: ob.id, within: { amount: ob.withinAmount!, unit: ob.withinUnit! } },
          { id, occurredAt, personId: person.id, subjectUserId: null },
          zone,
        );
        owed.set(`${o.obligationId}|${o.seriesKey}`, o);
      }
    }
    await insertJson(
      tx,
      `INSERT INTO obligation_triggers (id, organization_id, event, occurred_at, subject_type, subject_id, person_id, raised_by, raised_at)
       SELECT id, $2, event, occurred_at, 'person', person_id, person_id, $3, occurred_at FROM jsonb_to_recordset($1::jsonb)
         AS r(id text, event text, occurred_at timestamptz, person_id text)`,
      triggers,
      [organizationId, officerId],
    );
    const occurrences = await insertOccurrences(tx, organizationId, [...owed.values()], start);
    // Nearly everything that fell due more than a week ago was done: most on time, some late.
    const done = await tx.query(
      `UPDATE occurrences SET completed_by = $2, evidence_count = 1,
         completed_at = CASE WHEN abs(hashtext(id)) % 50 = 0 THEN overdue_at + interval '3 days' ELSE due_at - interval '2 days' END
        WHERE organization_id = $1 AND due_at < $3 AND abs(hashtext(id)) % 40 <> 7`,
      [organizationId, officerId, new Date(now.getTime() - 7 * DAY)],
    );
    await rebuildProgress(tx, organizationId);
    return { organizationId, officerId, profile, now, today, occurrences, completed: done.rowCount };
  });
}

function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}
