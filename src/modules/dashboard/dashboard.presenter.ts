/** The dashboard as JSON and as CSV. */
import { gradeStatuses, type GradeStatus } from "../../obligations/grade.ts";
import { csvRecord } from "../audit-log/csv.ts";
import { presentOccurrence } from "../obligations/obligations.presenter.ts";
import type { Dashboard } from "./dashboard.service.ts";
import type { DashboardView } from "./dashboard.schema.ts";

export function presentDashboard(d: Dashboard): DashboardView {
  const totals = Object.fromEntries(gradeStatuses.map((s) => [s, 0])) as Record<GradeStatus, number>;
  for (const c of d.commitments) totals[c.status] += 1;
  return {
    today: d.today,
    timeZone: d.timeZone,
    policyVersionId: d.policyVersionId,
    totals,
    commitments: d.commitments.map((c) => ({
      commitmentId: c.id,
      policyId: c.policyId,
      policyTitle: c.policyTitle,
      sectionNumber: c.sectionNumber,
      text: c.text,
      owner: c.owner,
      kind: c.kind,
      citations: c.citations,
      status: c.status,
      counts: c.counts,
      lastCompletedAt: c.lastCompletedAt?.toISOString() ?? null,
      nextDueOn: c.nextDueOn,
      evidence: c.evidence,
    })),
    citations: d.citations,
    dueThisWeek: d.dueThisWeek.map(presentOccurrence),
  };
}

export function dashboardCsv(d: Dashboard, by: "commitment" | "citation"): string {
  if (by === "citation") {
    const header = csvRecord(["citation", "title", "required_or_addressable", "status", "commitments"]);
    const rows = d.citations.map((c) =>
      csvRecord([c.citation, c.title, c.ra, c.status, c.commitmentIds.join(" ")]),
    );
    return [header, ...rows].join("");
  }
  const header = csvRecord([
    "commitment",
    "policy",
    "section",
    "owner",
    "kind",
    "status",
    "last_completed_at",
    "next_due_on",
    "overdue",
    "due",
    "done",
    "done_late",
    "waived",
    "evidence",
    "citations",
  ]);
  const rows = d.commitments.map((c) =>
    csvRecord([
      c.id,
      c.policyId,
      c.sectionNumber,
      c.owner,
      c.kind,
      c.status,
      c.lastCompletedAt?.toISOString() ?? null,
      c.nextDueOn,
      String(c.counts.overdue),
      String(c.counts.due),
      String(c.counts.done),
      String(c.counts.doneLate),
      String(c.counts.waived),
      String(c.evidence),
      c.citations.join(" "),
    ]),
  );
  return [header, ...rows].join("");
}
