/** The rows of `outbox_emails`: queued in the caller's transaction, claimed, then settled. */
import type { Queryable } from "../../db/index.ts";

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}

export interface ClaimedEmail {
  id: string;
  organizationId: string;
  attempts: number;
  message: OutboxMessage;
}

/** The record a message is about. */
export interface OutboxSubject {
  subjectType: string;
  subjectId: string;
}

/** Queues messages for one organization, in the transaction `q` belongs to. */
export async function enqueueEmails(
  q: Queryable,
  options: {
    organizationId: string;
    purpose: string;
    subject: OutboxSubject;
    messages: OutboxMessage[];
    now: Date;
  },
): Promise<number> {
  const { organizationId, purpose, subject, messages, now } = options;
  if (messages.length === 0) return 0;
  const { rows } = await q.query<{ queued: number }>(
    `WITH added AS (
       INSERT INTO outbox_emails (organization_id, purpose, subject_type, subject_id, to_address, subject, body,
                                  created_at, next_attempt_at)
       SELECT $1, $2, $3, $4, m.to, m.subject, m.text, $5, $5
         FROM json_to_recordset($6::json) AS m("to" text, subject text, text text)
       RETURNING 1)
     SELECT count(*)::int AS queued FROM added`,
    [organizationId, purpose, subject.subjectType, subject.subjectId, now, JSON.stringify(messages)],
  );
  return rows[0]!.queued;
}

/** How the messages about one record fared: sent, still to be (re)tried, and given up. */
export interface DeliverySummary {
  sent: number;
  waiting: number;
  givenUp: number;
}

export async function deliverySummary(
  q: Queryable,
  organizationId: string,
  subject: OutboxSubject,
): Promise<DeliverySummary> {
  const { rows } = await q.query<DeliverySummary>(
    `SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
            count(*) FILTER (WHERE sent_at IS NULL AND gave_up_at IS NULL)::int AS waiting,
            count(*) FILTER (WHERE gave_up_at IS NOT NULL)::int AS "givenUp"
       FROM outbox_emails WHERE organization_id = $1 AND subject_type = $2 AND subject_id = $3`,
    [organizationId, subject.subjectType, subject.subjectId],
  );
  return rows[0]!;
}

/**
 * UNSAFE: crosses organizations (delivery serves them all). Claims up to `limit` messages due at
 * `now` that nobody else holds, for `holdMs`, and counts the attempt. SKIP LOCKED lets two
 * processes claim at once without waiting for, or sharing, each other's rows.
 */
export async function unsafeClaimDueEmails(
  q: Queryable,
  { now, holdMs, limit }: { now: Date; holdMs: number; limit: number },
): Promise<ClaimedEmail[]> {
  const { rows } = await q.query<{
    id: string;
    organizationId: string;
    attempts: number;
    to: string;
    subject: string;
    text: string;
  }>(
    `UPDATE outbox_emails SET claimed_until = $2, attempts = attempts + 1
      WHERE id IN (SELECT id FROM outbox_emails
                    WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $1
                      AND (claimed_until IS NULL OR claimed_until <= $1)
                    ORDER BY next_attempt_at, id LIMIT $3
                    FOR UPDATE SKIP LOCKED)
      RETURNING id::text, organization_id AS "organizationId", attempts, to_address AS "to", subject, body AS text`,
    [now, new Date(now.getTime() + holdMs), limit],
  );
  return rows
    .map(({ id, organizationId, attempts, to, subject, text }) => ({
      id,
      organizationId,
      attempts,
      message: { to, subject, text },
    }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

export async function markEmailSent(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    "UPDATE outbox_emails SET sent_at = $2, claimed_until = NULL, last_failure = NULL WHERE id = $1",
    [id, now],
  );
}

/** Records a failed try: tried again from `retryAt`, or never when `retryAt` is null. */
export async function markEmailFailed(
  q: Queryable,
  { id, now, reason, retryAt }: { id: string; now: Date; reason: string; retryAt: Date | null },
): Promise<void> {
  await q.query(
    `UPDATE outbox_emails SET claimed_until = NULL, last_failure = $3,
            next_attempt_at = COALESCE($4, next_attempt_at), gave_up_at = CASE WHEN $4::timestamptz IS NULL THEN $2::timestamptz END
      WHERE id = $1`,
    [id, now, reason, retryAt],
  );
}
