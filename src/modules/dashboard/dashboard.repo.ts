/** The dashboard's reads: work counted per obligation, and the commitments of the version in force. */
import type { Queryable } from "../../db/index.ts";
import type { WorkCounts } from "../../obligations/grade.ts";

export interface ObligationWork extends WorkCounts {
  obligationId: string;
  lastCompletedAt: Date | null;
  nextDueOn: string | null;
  evidence: number;
}

/**
 * Open work comes from the small partial index of open occurrences; closed work from the
 * per-obligation progress counters. Both keyed by obligation, merged in memory.
 */
export async function countWork(
  q: Queryable,
  organizationId: string,
  now: Date,
): Promise<Map<string, ObligationWork>> {
  const open = await q.query<{
    obligationId: string;
    upcoming: number;
    due: number;
    overdue: number;
    nextDueOn: string | null;
  }>(
    `SELECT obligation_id AS "obligationId",
       count(*) FILTER (WHERE due_soon_at > $2)::int AS upcoming,
       count(*) FILTER (WHERE due_soon_at <= $2 AND overdue_at > $2)::int AS due,
       count(*) FILTER (WHERE overdue_at <= $2)::int AS overdue,
       min(due_on)::text AS "nextDueOn"
       FROM occurrences
      WHERE organization_id = $1 AND completed_at IS NULL AND waived_at IS NULL AND superseded_at IS NULL
      GROUP BY obligation_id`,
    [organizationId, now],
  );
  const closed = await q.query<{
    obligationId: string;
    done: number;
    doneLate: number;
    waived: number;
    lastCompletedAt: Date | null;
    evidence: number;
  }>(
    `SELECT obligation_id AS "obligationId", done, done_late AS "doneLate", waived,
       last_completed_at AS "lastCompletedAt", evidence
       FROM obligation_progress WHERE organization_id = $1`,
    [organizationId],
  );
  const work = new Map<string, ObligationWork>();
  const entry = (id: string) => {
    let w = work.get(id);
    if (!w) {
      w = {
        obligationId: id,
        upcoming: 0,
        due: 0,
        overdue: 0,
        done: 0,
        doneLate: 0,
        waived: 0,
        lastCompletedAt: null,
        nextDueOn: null,
        evidence: 0,
      };
      work.set(id, w);
    }
    return w;
  };
  for (const r of open.rows)
    Object.assign(entry(r.obligationId), {
      upcoming: r.upcoming,
      due: r.due,
      overdue: r.overdue,
      nextDueOn: r.nextDueOn,
    });
  for (const r of closed.rows) {
    Object.assign(entry(r.obligationId), {
      done: r.done,
      doneLate: r.doneLate,
      waived: r.waived,
      lastCompletedAt: r.lastCompletedAt,
      evidence: r.evidence,
    });
  }
  return work;
}

/** A commitment of the version in force, as the dashboard lists it. */
export interface CommitmentSummary {
  id: string;
  policyId: string;
  policyTitle: string;
  sectionNumber: string;
  text: string;
  owner: string;
  citations: string[];
  kind: "recurring" | "triggered" | "standing";
}

// Stored versions never change, so their commitments are read once per process (a version's
// `rendered` document is large: reading it on every request would dominate the dashboard).
const cache = new Map<string, CommitmentSummary[]>();

export async function currentCommitments(
  q: Queryable,
  organizationId: string,
): Promise<{ versionId: string; commitments: CommitmentSummary[] } | null> {
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM policy_versions WHERE organization_id = $1 AND is_current",
    [organizationId],
  );
  const versionId = rows[0]?.id;
  if (versionId === undefined) return null;
  let commitments = cache.get(versionId);
  if (!commitments) {
    const stored = await q.query<{ commitments: CommitmentSummary[] | null }>(
      `SELECT jsonb_agg(jsonb_build_object('id', c->>'id', 'policyId', p->>'id', 'policyTitle', p->>'title',
          'sectionNumber', c->>'sectionNumber', 'text', c->>'text', 'owner', c->>'owner', 'citations', c->'citations',
          'kind', c->'schedule'->>'kind') ORDER BY pn, cn) AS commitments
         FROM policy_versions v,
              jsonb_array_elements(v.rendered->'policies') WITH ORDINALITY AS pe(p, pn),
              jsonb_array_elements(p->'commitments') WITH ORDINALITY AS ce(c, cn)
        WHERE v.organization_id = $1 AND v.id = $2`,
      [organizationId, versionId],
    );
    commitments = stored.rows[0]?.commitments ?? [];
    if (cache.size > 200) cache.clear();
    cache.set(versionId, commitments);
  }
  return { versionId, commitments };
}
