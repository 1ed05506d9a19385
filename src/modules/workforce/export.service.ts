/**
 * CSV exports of the workforce registers. The roster uses the import's columns, so an export
 * imports again unchanged; every cell is protected against formula injection (csv.ts).
 */
import type { Queryable } from "../../db/index.ts";
import { listGrants } from "./access.repo.ts";
import { safeCsvRecord } from "./csv.ts";
import { importColumns } from "./import.validate.ts";
import { listPeople, type RosterStatus } from "./people.repo.ts";
import { listSanctions } from "./sanctions.repo.ts";

/** More rows than any organization's register holds; an export is never cut short silently. */
const ALL = 1_000_000;

export interface CsvFile {
  body: string;
  fileName: string;
}

const stamp = (now: Date) => now.toISOString().slice(0, 10);
const iso = (at: Date | null) => at?.toISOString() ?? null;

export async function exportRoster(
  q: Queryable,
  organizationId: string,
  status: RosterStatus,
  now: Date,
): Promise<CsvFile> {
  const people = await listPeople(q, organizationId, { status, limit: ALL, offset: 0 });
  const lines = [safeCsvRecord(importColumns)];
  for (const p of people) {
    lines.push(
      safeCsvRecord([p.fullName, p.email, p.kind, p.jobTitle, p.supervisorEmail, p.startDate, p.endDate]),
    );
  }
  return { body: lines.join(""), fileName: `people-${stamp(now)}.csv` };
}

export async function exportGrants(
  q: Queryable,
  organizationId: string,
  status: "active" | "revoked" | "all",
  now: Date,
): Promise<CsvFile> {
  const grants = await listGrants(q, organizationId, { status, limit: ALL, offset: 0 });
  const lines = [
    safeCsvRecord([
      "id",
      "person_name",
      "person_email",
      "system",
      "level",
      "expires_on",
      "verification_method",
      "granted_by",
      "granted_at",
      "last_used_on",
      "revoked_at",
      "revoke_reason",
    ]),
  ];
  for (const g of grants) {
    lines.push(
      safeCsvRecord([
        g.id,
        g.personName,
        g.personEmail,
        g.system,
        g.level,
        g.expiresOn,
        g.verificationMethod,
        g.grantedByName,
        g.grantedAt.toISOString(),
        g.lastUsedOn,
        iso(g.revokedAt),
        g.revokeReason,
      ]),
    );
  }
  return { body: lines.join(""), fileName: `access-grants-${stamp(now)}.csv` };
}

export async function exportSanctions(q: Queryable, organizationId: string, now: Date): Promise<CsvFile> {
  const sanctions = await listSanctions(q, organizationId, { limit: ALL, offset: 0 });
  const lines = [
    safeCsvRecord([
      "id",
      "person_name",
      "person_email",
      "occurred_on",
      "category",
      "action",
      "policy_id",
      "notes",
      "recorded_by",
      "recorded_at",
    ]),
  ];
  for (const s of sanctions) {
    lines.push(
      safeCsvRecord([
        s.id,
        s.personName,
        s.personEmail,
        s.occurredOn,
        s.category,
        s.action,
        s.policyId,
        s.notes,
        s.recordedByName,
        s.recordedAt.toISOString(),
      ]),
    );
  }
  return { body: lines.join(""), fileName: `sanctions-${stamp(now)}.csv` };
}
