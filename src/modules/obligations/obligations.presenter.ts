/** Rows to API shapes: rows never reach a client. */
import type { ObligationRow } from "./obligations.repo.ts";
import type { OccurrenceRow } from "./occurrences.repo.ts";
import type { OccurrenceView } from "./obligations.schema.ts";

const person = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? "" });

export function presentOccurrence(row: OccurrenceRow): OccurrenceView {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    policyId: row.policyId,
    sectionNumber: row.sectionNumber,
    text: row.text,
    evidence: row.evidence,
    ownerRole: row.ownerRole,
    kind: row.kind,
    rules: row.rules,
    citations: row.citations,
    person: person(row.personId, row.personName),
    startsOn: row.startsOn,
    dueOn: row.dueOn,
    dueAt: row.dueAt.toISOString(),
    overdueAt: row.overdueAt.toISOString(),
    status: row.status,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy: person(row.completedBy, row.completedByName),
    completionNote: row.completionNote,
    waivedAt: row.waivedAt?.toISOString() ?? null,
    waivedBy: person(row.waivedBy, row.waivedByName),
    waiverReason: row.waiverReason,
    trigger:
      row.triggerEvent === null
        ? null
        : { event: row.triggerEvent, subjectType: row.triggerSubjectType!, subjectId: row.triggerSubjectId! },
  };
}

export function presentObligation(row: ObligationRow) {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    policyId: row.policyId,
    sectionNumber: row.sectionNumber,
    kind: row.kind,
    ownerRole: row.ownerRole,
    perPerson: row.perPerson,
    cadence: row.cadenceEvery === null ? null : { every: row.cadenceEvery, unit: row.cadenceUnit! },
    triggerEvent: row.triggerEvent,
    within: row.withinAmount === null ? null : { amount: row.withinAmount, unit: row.withinUnit! },
    graceDays: row.graceDays,
    rules: row.rules,
    citations: row.citations,
    text: row.text,
    effectiveFrom: row.effectiveFrom,
    effectiveUntil: row.effectiveUntil,
  };
}
