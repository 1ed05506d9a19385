/**
 * Which occurrences an obligation owes: the periods of recurring work up to the next one ahead,
 * and the deadline of triggered work. Pure; the repository inserts the result with
 * ON CONFLICT DO NOTHING on (obligation, series key), so running it again adds nothing.
 */
import type { Cadence } from "../profile/primitives.ts";
import {
  addCadence,
  addDays,
  dueSoonDays,
  endOfLocalDay,
  overdueAt,
  recurrences,
  startOfLocalDay,
  triggeredDeadline,
  type LocalDate,
} from "./deadlines.ts";

/**
 * How far back a pass looks for periods it has not written yet. A server that was down for a
 * while still writes the periods it missed; the window keeps each pass small on six years of
 * history (a longer outage is not backfilled beyond it).
 */
export const lookbackDays = 400;

export interface RecurringObligation {
  id: string;
  perPerson: boolean;
  cadence: Cadence;
  anchorDate: LocalDate;
  trackedFrom: LocalDate;
  /** Exclusive; null while in effect. */
  effectiveUntil: LocalDate | null;
  graceDays: number;
}

export interface PersonSpan {
  id: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
}

export interface NewOccurrence {
  obligationId: string;
  seriesKey: string;
  personId: string | null;
  subjectUserId: string | null;
  triggerId: string | null;
  startsOn: LocalDate | null;
  dueOn: LocalDate;
  dueAt: Date;
  dueSoonAt: Date;
  overdueAt: Date;
}

const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

function periodOccurrence(
  ob: RecurringObligation,
  period: { index: number; startsOn: LocalDate; dueOn: LocalDate },
  personId: string | null,
  timeZone: string,
): NewOccurrence {
  const dueAt = endOfLocalDay(period.dueOn, timeZone);
  return {
    obligationId: ob.id,
    seriesKey: personId ? `${personId}:${period.index}` : String(period.index),
    personId,
    subjectUserId: null,
    triggerId: null,
    startsOn: period.startsOn,
    dueOn: period.dueOn,
    dueAt,
    dueSoonAt: startOfLocalDay(addDays(period.dueOn, -(dueSoonDays - 1)), timeZone),
    overdueAt: overdueAt(dueAt, period.dueOn, ob.graceDays, timeZone),
  };
}

/** Periods due from the window's start up to the end of the next period after today. */
export function recurringOccurrences(
  ob: RecurringObligation,
  people: readonly PersonSpan[],
  today: LocalDate,
  timeZone: string,
): NewOccurrence[] {
  const from = later(ob.trackedFrom, addDays(today, -lookbackDays));
  let to = addCadence(today, ob.cadence, 1);
  // A period due on or after the day the schedule changed belongs to the new schedule.
  if (ob.effectiveUntil !== null) to = earlier(to, addDays(ob.effectiveUntil, -1));
  if (to < from) return [];
  if (!ob.perPerson) {
    return recurrences(ob.anchorDate, ob.cadence, from, to).map((p) =>
      periodOccurrence(ob, p, null, timeZone),
    );
  }
  const out: NewOccurrence[] = [];
  for (const person of people) {
    const personTo = person.endDate === null ? to : earlier(to, person.endDate);
    const personFrom = later(from, person.startDate);
    if (personTo < personFrom) continue;
    for (const period of recurrences(person.startDate, ob.cadence, personFrom, personTo)) {
      out.push(periodOccurrence(ob, period, person.id, timeZone));
    }
  }
  return out;
}

export interface TriggeredObligation {
  id: string;
  within: { amount: number; unit: "hours" | "days" };
}

export interface Trigger {
  id: string;
  occurredAt: Date;
  personId: string | null;
  subjectUserId: string | null;
}

/** Triggered work is due from the moment its event happens; the deadline comes from the policy. */
export function triggeredOccurrence(
  ob: TriggeredObligation,
  trigger: Trigger,
  timeZone: string,
): NewOccurrence {
  const { dueAt, dueOn } = triggeredDeadline(trigger.occurredAt, ob.within, timeZone);
  return {
    obligationId: ob.id,
    seriesKey: trigger.id,
    personId: trigger.personId,
    subjectUserId: trigger.subjectUserId,
    triggerId: trigger.id,
    startsOn: null,
    dueOn,
    dueAt,
    dueSoonAt: trigger.occurredAt,
    overdueAt: dueAt,
  };
}
