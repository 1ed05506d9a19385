/**
 * A month of work two ways: a grid of weeks (Monday first) for the eye, and the same work as a
 * list of days beneath, which reads better with a screen reader.
 */
import type { ReactNode } from "react";
import type { Occurrence } from "../api/types.ts";
import {
  addDays,
  formatDay,
  occurrenceStatusLabel,
  OccurrenceStatusTag,
  ownerLabel,
  shorten,
} from "../components/occurrence-status.tsx";
import { EmptyState } from "../components/status.tsx";
import { Link } from "../router.tsx";

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The weeks shown for a month ("2026-03"): whole weeks from the Monday before the 1st. */
export function monthWeeks(month: string): string[][] {
  const start = gridStart(month);
  const end = gridEnd(month);
  const weeks: string[][] = [];
  for (let day = start; day <= end; day = addDays(day, 7))
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  return weeks;
}

/** The Monday on or before the 1st: the grid's first day. */
export function gridStart(month: string): string {
  const first = `${month}-01`;
  return addDays(first, -weekday(first));
}

/** The Sunday on or after the month's last day: the grid's last day. */
export function gridEnd(month: string): string {
  const last = addDays(`${nextMonth(month)}-01`, -1);
  return addDays(last, 6 - weekday(last));
}

export function nextMonth(month: string, step = 1): string {
  const [year, index] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(year, index - 1 + step, 1));
  return date.toISOString().slice(0, 7);
}

export const monthTitle = (month: string) =>
  new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

const href = (o: Occurrence) => `/work/${encodeURIComponent(o.id)}`;

function byDay(items: Occurrence[]): Map<string, Occurrence[]> {
  const map = new Map<string, Occurrence[]>();
  for (const o of items) map.set(o.dueOn, [...(map.get(o.dueOn) ?? []), o]);
  return map;
}

export function MonthGrid({
  month,
  items,
  today,
}: {
  month: string;
  items: Occurrence[];
  today: string;
}): ReactNode {
  const due = byDay(items);
  return (
    <div className="table-wrap">
      <table className="calendar">
        <caption className="visually-hidden">
          {monthTitle(month)}, one row per week. The same work is listed by day below the calendar.
        </caption>
        <thead>
          <tr>
            {weekdays.map((name) => (
              <th key={name} scope="col">
                <abbr title={name}>{name.slice(0, 3)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.startsWith(month);
                const classes = [
                  "calendar__day",
                  inMonth ? "" : "calendar__day--other",
                  day === today ? "calendar__day--today" : "",
                ];
                return (
                  <td key={day} className={classes.join(" ").trim()}>
                    <span className="calendar__date">
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="visually-hidden">{formatDay(day)}</span>
                      {day === today ? <strong className="calendar__today">Today</strong> : null}
                    </span>
                    {(due.get(day) ?? []).length > 0 ? (
                      <ul className="calendar__items">
                        {(due.get(day) ?? []).map((o) => (
                          <li key={o.id}>
                            <Link
                              to={href(o)}
                              className={`calendar-item calendar-item--${o.status}`}
                              title={o.text}
                            >
                              <span className="calendar-item__status">
                                {occurrenceStatusLabel(o.status)}:
                              </span>{" "}
                              {shorten(o.text, 48)}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MonthList({ month, items }: { month: string; items: Occurrence[] }): ReactNode {
  const days = [...byDay(items.filter((o) => o.dueOn.startsWith(month))).entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <section className="section" aria-labelledby="calendar-list">
      <h2 id="calendar-list" tabIndex={-1}>
        {monthTitle(month)} as a list
      </h2>
      {days.length === 0 ? (
        <EmptyState title={`Nothing due in ${monthTitle(month)}`}>
          <p>Use the buttons above to look at another month.</p>
        </EmptyState>
      ) : (
        days.map(([day, list]) => (
          <div key={day} className="calendar-list__day">
            <h3>{formatDay(day)}</h3>
            <ul className="plain-list">
              {list.map((o) => (
                <li key={o.id}>
                  <OccurrenceStatusTag status={o.status} /> <Link to={href(o)}>{o.text}</Link>{" "}
                  <span className="muted">
                    ({ownerLabel(o.ownerRole)}
                    {o.person ? `, ${o.person.name}` : ""})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
