/**
 * The numbers the workforce lifecycle runs on, read from the organization's current profile so the
 * app enforces what the published policies state. Before a profile exists the schema's defaults
 * apply (and the organization's day is UTC).
 */
import type { Queryable } from "../../db/index.ts";
import { Access, Training } from "../../profile/commitments.ts";

export interface WorkforceSettings {
  timeZone: string;
  /** training.newHireDays: training is owed within this many days of the start date. */
  newHireDays: number;
  /** access.terminationRevocationHours: the termination checklist's deadline. */
  terminationRevocationHours: number;
  /** access.temporaryAccessMaxDays: the longest a temporary grant may run. */
  temporaryAccessMaxDays: number;
  /** access.inactiveAccountDays: the default threshold of the inactive-grants list. */
  inactiveAccountDays: number;
}

let defaults: Omit<WorkforceSettings, "timeZone"> | null = null;
function schemaDefaults(): Omit<WorkforceSettings, "timeZone"> {
  if (defaults) return defaults;
  const access = Access.parse({});
  defaults = {
    newHireDays: Training.parse({}).newHireDays,
    terminationRevocationHours: access.terminationRevocationHours,
    temporaryAccessMaxDays: access.temporaryAccessMaxDays,
    inactiveAccountDays: access.inactiveAccountDays,
  };
  return defaults;
}

type Row = { [K in keyof WorkforceSettings]: WorkforceSettings[K] | null };

export async function workforceSettings(q: Queryable, organizationId: string): Promise<WorkforceSettings> {
  const { rows } = await q.query<Row>(
    `SELECT data->'organization'->>'timeZone' AS "timeZone",
            (data->'training'->>'newHireDays')::int AS "newHireDays",
            (data->'access'->>'terminationRevocationHours')::int AS "terminationRevocationHours",
            (data->'access'->>'temporaryAccessMaxDays')::int AS "temporaryAccessMaxDays",
            (data->'access'->>'inactiveAccountDays')::int AS "inactiveAccountDays"
       FROM profile_versions WHERE organization_id = $1 AND is_current`,
    [organizationId],
  );
  const row = rows[0];
  const fallback = schemaDefaults();
  return {
    timeZone: row?.timeZone ?? "UTC",
    newHireDays: row?.newHireDays ?? fallback.newHireDays,
    terminationRevocationHours: row?.terminationRevocationHours ?? fallback.terminationRevocationHours,
    temporaryAccessMaxDays: row?.temporaryAccessMaxDays ?? fallback.temporaryAccessMaxDays,
    inactiveAccountDays: row?.inactiveAccountDays ?? fallback.inactiveAccountDays,
  };
}
