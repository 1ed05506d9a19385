/**
 * The compliance dashboard: a status per commitment of the version in force, graded from the work
 * actually done, rolled up to every citation those commitments serve, and what is due this week.
 * Read in one snapshot so counts and lists agree.
 */
import { loadCatalog } from "../../catalog/catalog.ts";
import type { Database } from "../../db/index.ts";
import { addDays, localDateOf } from "../../obligations/deadlines.ts";
import {
  addCounts,
  gradeCitation,
  gradeCommitment,
  noWork,
  type GradeStatus,
  type WorkCounts,
} from "../../obligations/grade.ts";
import { listAllObligations } from "../obligations/obligations.repo.ts";
import { listOccurrences, type OccurrenceRow } from "../obligations/occurrences.repo.ts";
import { organizationTimeZone } from "../policies/policies.repo.ts";
import { countWork, currentCommitments, type CommitmentSummary } from "./dashboard.repo.ts";

export interface CommitmentGrade extends CommitmentSummary {
  status: GradeStatus;
  counts: WorkCounts;
  lastCompletedAt: Date | null;
  nextDueOn: string | null;
  evidence: number;
}

export interface CitationGrade {
  citation: string;
  title: string;
  ra: "R" | "A" | null;
  status: GradeStatus;
  commitmentIds: string[];
}

export interface Dashboard {
  today: string;
  timeZone: string;
  policyVersionId: string | null;
  commitments: CommitmentGrade[];
  citations: CitationGrade[];
  dueThisWeek: OccurrenceRow[];
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const latest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export async function buildDashboard(db: Database, organizationId: string, now: Date): Promise<Dashboard> {
  return db.transaction(
    async (tx) => {
      const timeZone = await organizationTimeZone(tx, organizationId);
      const today = localDateOf(now, timeZone);
      const current = await currentCommitments(tx, organizationId);
      if (!current)
        return { today, timeZone, policyVersionId: null, commitments: [], citations: [], dueThisWeek: [] };
      const [obligations, work] = [
        await listAllObligations(tx, organizationId),
        await countWork(tx, organizationId, now),
      ];
      const byCommitment = new Map<
        string,
        { counts: WorkCounts; last: Date | null; next: string | null; evidence: number }
      >();
      for (const ob of obligations) {
        const w = work.get(ob.id);
        if (!w) continue;
        const acc = byCommitment.get(ob.commitmentId) ?? {
          counts: noWork,
          last: null,
          next: null,
          evidence: 0,
        };
        byCommitment.set(ob.commitmentId, {
          counts: addCounts(acc.counts, w),
          last: latest(acc.last, w.lastCompletedAt),
          next: earliest(acc.next, w.nextDueOn),
          evidence: acc.evidence + w.evidence,
        });
      }
      const commitments = current.commitments.map((c): CommitmentGrade => {
        const acc = byCommitment.get(c.id);
        const counts = acc?.counts ?? noWork;
        return {
          ...c,
          status: gradeCommitment(c.kind, counts),
          counts,
          lastCompletedAt: acc?.last ?? null,
          nextDueOn: acc?.next ?? null,
          evidence: acc?.evidence ?? 0,
        };
      });
      const dueThisWeek = await listOccurrences(tx, organizationId, now, {
        statuses: ["due", "overdue"],
        to: addDays(today, 6),
        limit: 200,
        offset: 0,
      });
      return {
        today,
        timeZone,
        policyVersionId: current.versionId,
        commitments,
        citations: gradeCitations(commitments),
        dueThisWeek,
      };
    },
    { readOnly: true, isolation: "repeatable read" },
  );
}

/** Every citation a commitment of the version serves, in catalog order, graded by its weakest commitment. */
function gradeCitations(commitments: readonly CommitmentGrade[]): CitationGrade[] {
  const catalog = loadCatalog();
  const served = new Map<string, CommitmentGrade[]>();
  for (const c of commitments) for (const id of c.citations) served.set(id, [...(served.get(id) ?? []), c]);
  const order = new Map(catalog.citations.map((entry, i) => [entry.id, i]));
  return [...served.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([citation, list]) => {
      const entry = catalog.citationById.get(citation);
      return {
        citation,
        title: entry?.title ?? citation,
        ra: entry?.ra ?? null,
        status: gradeCitation(list.map((c) => c.status)),
        commitmentIds: list.map((c) => c.id),
      };
    });
}
