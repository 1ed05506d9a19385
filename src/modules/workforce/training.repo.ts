/**
 * Training status, read straight from the occurrences of the training commitments: completing a
 * course is completing its occurrence (with evidence) through the occurrences API.
 */
import type { Queryable } from "../../db/index.ts";
import { statusSql, type ListedStatus } from "../obligations/occurrences.repo.ts";
import {
  organizationCourses,
  personalCourses,
  type CourseView,
  type TrainingView,
} from "./training.schema.ts";

interface TrainingOccurrence {
  personId: string | null;
  commitmentId: string;
  completedAt: Date | null;
  dueOn: string;
  status: ListedStatus;
}

interface ActivePerson {
  id: string;
  name: string;
  startDate: string;
}

/** People working on `today` (no end date, or a last day not yet past) and their training work. */
export async function readTraining(
  q: Queryable,
  organizationId: string,
  now: Date,
  today: string,
): Promise<TrainingView> {
  const active = `SELECT id FROM people WHERE organization_id = $1 AND (end_date IS NULL OR end_date >= $4::date)`;
  const { rows: people } = await q.query<ActivePerson>(
    `SELECT id, full_name AS name, start_date AS "startDate" FROM people
      WHERE organization_id = $1 AND (end_date IS NULL OR end_date >= $2::date) ORDER BY lower(full_name), email`,
    [organizationId, today],
  );
  const { rows } = await q.query<TrainingOccurrence>(
    `SELECT o.person_id AS "personId", ob.commitment_id AS "commitmentId", o.completed_at AS "completedAt",
            o.due_on AS "dueOn", ${statusSql("$2::timestamptz")} AS status
       FROM occurrences o JOIN obligations ob ON ob.organization_id = o.organization_id AND ob.id = o.obligation_id
      WHERE o.organization_id = $1 AND ob.commitment_id = ANY($3::text[])
        AND (o.person_id IS NULL OR o.person_id IN (${active}))
      ORDER BY o.due_at, o.id`,
    [organizationId, now, [...personalCourses, ...organizationCourses], today],
  );
  const byKey = new Map<string, TrainingOccurrence[]>();
  for (const row of rows) {
    const key = `${row.personId ?? ""} ${row.commitmentId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const course = (personId: string | null, commitmentId: string) =>
    summarizeCourse(commitmentId, byKey.get(`${personId ?? ""} ${commitmentId}`) ?? []);
  return {
    people: people.map((p) => ({ person: p, courses: personalCourses.map((c) => course(p.id, c)) })),
    organizationWide: organizationCourses.map((c) => course(null, c)),
  };
}

const openStatuses: readonly ListedStatus[] = ["upcoming", "due", "overdue"];

/** One course from its occurrences in deadline order. */
export function summarizeCourse(
  commitmentId: string,
  occurrences: readonly TrainingOccurrence[],
): CourseView {
  const completed = occurrences
    .map((o) => o.completedAt)
    .filter((at): at is Date => at !== null)
    .sort((a, b) => b.getTime() - a.getTime());
  const next = occurrences.find((o) => openStatuses.includes(o.status));
  return {
    commitmentId,
    lastCompletedAt: completed[0]?.toISOString() ?? null,
    nextDueOn: next?.dueOn ?? null,
    status: next ? (next.status as "upcoming" | "due" | "overdue") : completed.length > 0 ? "done" : "none",
  };
}
