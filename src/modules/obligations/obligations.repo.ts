/** Obligations and their occurrences: the only SQL that writes them. Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { LocalDate } from "../../obligations/deadlines.ts";
import type { NewOccurrence, PersonSpan } from "../../obligations/materialize.ts";
import type { ObligationSpec } from "../../obligations/plan.ts";
import type { CadenceUnit } from "../../profile/primitives.ts";

export interface ObligationRow {
  id: string;
  commitmentId: string;
  policyId: string;
  sectionNumber: string;
  policyVersionId: string;
  kind: "recurring" | "triggered";
  ownerRole: string;
  perPerson: boolean;
  cadenceEvery: number | null;
  cadenceUnit: CadenceUnit | null;
  anchorDate: LocalDate | null;
  triggerEvent: string | null;
  withinAmount: number | null;
  withinUnit: "hours" | "days" | null;
  graceDays: number;
  rules: string[];
  citations: string[];
  text: string;
  evidence: string;
  scheduleKey: string;
  effectiveFrom: LocalDate;
  trackedFrom: LocalDate;
  effectiveUntil: LocalDate | null;
}

const COLUMNS = `id, commitment_id AS "commitmentId", policy_id AS "policyId", section_number AS "sectionNumber",
  policy_version_id AS "policyVersionId", kind, owner_role AS "ownerRole", per_person AS "perPerson",
  cadence_every AS "cadenceEvery", cadence_unit AS "cadenceUnit", anchor_date AS "anchorDate",
  trigger_event AS "triggerEvent", within_amount AS "withinAmount", within_unit AS "withinUnit",
  grace_days AS "graceDays", rules, citations, text, evidence, schedule_key AS "scheduleKey",
  effective_from AS "effectiveFrom", tracked_from AS "trackedFrom", effective_until AS "effectiveUntil"`;

/** Obligations in effect now or closing later than `since`: the rows that may still owe periods. */
export async function listObligationsSince(
  q: Queryable,
  organizationId: string,
  since: LocalDate,
): Promise<ObligationRow[]> {
  const { rows } = await q.query<ObligationRow>(
    `SELECT ${COLUMNS} FROM obligations
      WHERE organization_id = $1 AND (effective_until IS NULL OR effective_until > $2::date)
      ORDER BY policy_id, section_number, commitment_id, effective_from`,
    [organizationId, since],
  );
  return rows;
}

/** Every obligation ever recorded for the organization, history included. */
export async function listAllObligations(q: Queryable, organizationId: string): Promise<ObligationRow[]> {
  const { rows } = await q.query<ObligationRow>(
    `SELECT ${COLUMNS} FROM obligations WHERE organization_id = $1
      ORDER BY policy_id, section_number, commitment_id, effective_from`,
    [organizationId],
  );
  return rows;
}

/**
 * Triggered obligations listening for an event, one per commitment: the row in effect on the
 * event's date, or, for an event dated before the commitment was first scheduled (a hire recorded
 * with a start date before the policies took effect), the row in effect now: the work is still owed.
 */
export async function listTriggeredObligations(
  q: Queryable,
  organizationId: string,
  event: string,
  on: LocalDate,
): Promise<ObligationRow[]> {
  const { rows } = await q.query<ObligationRow>(
    `SELECT ${COLUMNS} FROM obligations ob
      WHERE organization_id = $1 AND kind = 'triggered' AND trigger_event = $2
        AND ((effective_from <= $3::date AND (effective_until IS NULL OR effective_until > $3::date))
          OR (effective_until IS NULL AND effective_from > $3::date AND NOT EXISTS (
                SELECT 1 FROM obligations earlier
                 WHERE earlier.organization_id = ob.organization_id AND earlier.commitment_id = ob.commitment_id
                   AND earlier.effective_from <= $3::date)))
      ORDER BY commitment_id`,
    [organizationId, event, on],
  );
  return rows;
}

export async function insertObligation(
  tx: Transaction,
  input: {
    organizationId: string;
    policyVersionId: string;
    spec: ObligationSpec;
    effectiveFrom: LocalDate;
    trackedFrom: LocalDate;
  },
): Promise<string> {
  const { spec } = input;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO obligations (organization_id, commitment_id, policy_id, section_number, policy_version_id, kind,
       owner_role, per_person, cadence_every, cadence_unit, anchor_date, trigger_event, within_amount, within_unit,
       grace_days, rules, citations, text, evidence, schedule_key, effective_from, tracked_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $6 = 'recurring' THEN $11::date END, $12, $13, $14,
       $15, $16::jsonb, $17::jsonb, $18, $19, $20, $11::date, $21::date)
     RETURNING id`,
    [
      input.organizationId,
      spec.commitmentId,
      spec.policyId,
      spec.sectionNumber,
      input.policyVersionId,
      spec.kind,
      spec.ownerRole,
      spec.perPerson,
      spec.cadence?.every ?? null,
      spec.cadence?.unit ?? null,
      input.effectiveFrom,
      spec.triggerEvent,
      spec.within?.amount ?? null,
      spec.within?.unit ?? null,
      spec.graceDays,
      JSON.stringify(spec.rules),
      JSON.stringify(spec.citations),
      spec.text,
      spec.evidence,
      spec.scheduleKey,
      input.trackedFrom,
    ],
  );
  return rows[0]!.id;
}

/** The schedule is unchanged: the row takes the new version's words (the version keeps the old ones). */
export async function refreshObligation(
  tx: Transaction,
  organizationId: string,
  id: string,
  policyVersionId: string,
  spec: ObligationSpec,
): Promise<void> {
  await tx.query(
    `UPDATE obligations SET policy_version_id = $3, policy_id = $4, section_number = $5, citations = $6::jsonb,
       text = $7, evidence = $8
      WHERE organization_id = $1 AND id = $2`,
    [
      organizationId,
      id,
      policyVersionId,
      spec.policyId,
      spec.sectionNumber,
      JSON.stringify(spec.citations),
      spec.text,
      spec.evidence,
    ],
  );
}

export async function closeObligations(
  tx: Transaction,
  organizationId: string,
  ids: readonly string[],
  until: LocalDate,
): Promise<void> {
  if (ids.length === 0) return;
  // A row opened on the same day it closes is simply empty (effective_until = effective_from).
  await tx.query(
    `UPDATE obligations SET effective_until = GREATEST(effective_from, $3::date)
      WHERE organization_id = $1 AND id = ANY($2::text[]) AND effective_until IS NULL`,
    [organizationId, ids, until],
  );
}

/** Open work of closed obligations due on or after the change: kept for history, no longer graded. */
export async function supersedeOpenOccurrences(
  tx: Transaction,
  organizationId: string,
  obligationIds: readonly string[],
  from: LocalDate,
  now: Date,
): Promise<number> {
  if (obligationIds.length === 0) return 0;
  const { rowCount } = await tx.query(
    `UPDATE occurrences SET superseded_at = $4
      WHERE organization_id = $1 AND obligation_id = ANY($2::text[]) AND due_on >= $3::date
        AND completed_at IS NULL AND waived_at IS NULL AND superseded_at IS NULL`,
    [organizationId, obligationIds, from, now],
  );
  return rowCount;
}

/** Inserts what is not there yet (by obligation and series key); returns how many rows were new. */
export async function insertOccurrences(
  tx: Transaction,
  organizationId: string,
  occurrences: readonly NewOccurrence[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  // One statement per few thousand rows: unnest keeps it a single round trip on both engines.
  for (let i = 0; i < occurrences.length; i += 5000) {
    const batch = occurrences.slice(i, i + 5000);
    const column = <T>(pick: (o: NewOccurrence) => T) => batch.map(pick);
    const { rowCount } = await tx.query(
      `INSERT INTO occurrences (organization_id, obligation_id, series_key, person_id, subject_user_id, trigger_id,
         starts_on, due_on, due_at, due_soon_at, overdue_at, created_at)
       SELECT $1, * , $12::timestamptz FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::date[], $8::date[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[])
       ON CONFLICT (organization_id, obligation_id, series_key) DO NOTHING`,
      [
        organizationId,
        column((o) => o.obligationId),
        column((o) => o.seriesKey),
        column((o) => o.personId),
        column((o) => o.subjectUserId),
        column((o) => o.triggerId),
        column((o) => o.startsOn),
        column((o) => o.dueOn),
        column((o) => o.dueAt.toISOString()),
        column((o) => o.dueSoonAt.toISOString()),
        column((o) => o.overdueAt.toISOString()),
        now,
      ],
    );
    inserted += rowCount;
  }
  return inserted;
}

/** People working on or after a date: the ones per-person series may still owe work. */
export async function listPeopleSince(
  q: Queryable,
  organizationId: string,
  since: LocalDate,
): Promise<PersonSpan[]> {
  const { rows } = await q.query<PersonSpan>(
    `SELECT id, start_date AS "startDate", end_date AS "endDate" FROM people
      WHERE organization_id = $1 AND (end_date IS NULL OR end_date >= $2::date) ORDER BY id`,
    [organizationId, since],
  );
  return rows;
}

export interface NewTrigger {
  organizationId: string;
  event: string;
  occurredAt: Date;
  subjectType: string;
  subjectId: string;
  personId: string | null;
  subjectUserId: string | null;
  raisedBy: string;
  raisedAt: Date;
}

export async function insertTrigger(tx: Transaction, t: NewTrigger): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO obligation_triggers (organization_id, event, occurred_at, subject_type, subject_id, person_id,
       subject_user_id, raised_by, raised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      t.organizationId,
      t.event,
      t.occurredAt,
      t.subjectType,
      t.subjectId,
      t.personId,
      t.subjectUserId,
      t.raisedBy,
      t.raisedAt,
    ],
  );
  return rows[0]!.id;
}
