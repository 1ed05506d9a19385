/**
 * Events that start work. A hire, a termination, a lost key or a publication is recorded once as a
 * trigger; every triggered obligation in effect on that day that listens for the event gets one
 * occurrence with the deadline its policy states, in the same transaction as the record that
 * caused it (the workforce register calls this when it writes a hire).
 */
import { recordEvent, type Actor } from "../../audit/index.ts";
import type { Transaction } from "../../db/index.ts";
import { localDateOf } from "../../obligations/deadlines.ts";
import { triggeredOccurrence } from "../../obligations/materialize.ts";
import { AppError } from "../../server/errors.ts";
import { triggerEvents, type TriggerEvent } from "../../templates/frontmatter.ts";
import { insertOccurrences, insertTrigger, listTriggeredObligations } from "./obligations.repo.ts";

export interface RaiseEventOptions {
  organizationId: string;
  event: TriggerEvent;
  /** When it happened (a hire's start, a discovery): deadlines run from here. */
  occurredAt: Date;
  /** The record the event is about, for drill-down (`person`/`per_...`, `incident`/`inc_...`). */
  subject: { type: string; id: string };
  /** The person whose work it creates or concerns (a new hire's training), if any. */
  personId?: string | null;
  /** Whose activity the resulting review looks at: they may not complete it themselves. */
  subjectUserId?: string | null;
  timeZone: string;
  actor: Actor;
  now: Date;
}

export interface RaisedEvent {
  triggerId: string;
  occurrencesCreated: number;
}

export async function raiseObligationEvent(
  tx: Transaction,
  options: RaiseEventOptions,
): Promise<RaisedEvent> {
  const { organizationId, event, occurredAt, timeZone } = options;
  if (!(triggerEvents as readonly string[]).includes(event)) {
    throw new AppError("validation_failed", "unknown event", [
      { field: "event", message: `expected one of ${triggerEvents.join(", ")}` },
    ]);
  }
  const trigger = {
    personId: options.personId ?? null,
    subjectUserId: options.subjectUserId ?? null,
    occurredAt,
  };
  const triggerId = await insertTrigger(tx, {
    organizationId,
    event,
    subjectType: options.subject.type,
    subjectId: options.subject.id,
    ...trigger,
    raisedBy: options.actor.id,
    raisedAt: options.now,
  });
  const obligations = await listTriggeredObligations(
    tx,
    organizationId,
    event,
    localDateOf(occurredAt, timeZone),
  );
  const owed = obligations.map((o) =>
    triggeredOccurrence(
      { id: o.id, within: { amount: o.withinAmount!, unit: o.withinUnit! } },
      { id: triggerId, ...trigger },
      timeZone,
    ),
  );
  const occurrencesCreated = await insertOccurrences(tx, organizationId, owed, options.now);
  await recordEvent(tx, {
    organizationId,
    actor: options.actor,
    at: options.now,
    event: {
      action: "obligation.event-raised",
      target: { type: "obligation-trigger", id: triggerId },
      changes: {
        event,
        subjectType: options.subject.type,
        subjectId: options.subject.id,
        occurredAt: occurredAt.toISOString(),
        occurrencesCreated,
      },
    },
  });
  return { triggerId, occurrencesCreated };
}
