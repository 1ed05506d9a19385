/**
 * Work on its due date, a month at a time: the caller's own, or (with obligations:read) everyone's.
 * The month and scope live in the address (`?month=2026-03&scope=all`) so a view can be shared.
 */
import { useCallback, type ReactNode } from "react";
import type { OccurrenceStatus } from "../api/types.ts";
import { workApi } from "../api/work.ts";
import { SelectField } from "../components/fields.tsx";
import { today as todayOf } from "../components/occurrence-status.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { navigate, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";
import { gridEnd, gridStart, MonthGrid, MonthList, monthTitle, nextMonth } from "./calendar-month.tsx";

// Replaced work (superseded by a newer policy version) is left out: nobody owes it any more.
const shown: OccurrenceStatus[] = ["overdue", "due", "upcoming", "done", "done-late", "waived"];

const address = (month: string, scope: "mine" | "all") =>
  `/calendar?month=${month}${scope === "all" ? "&scope=all" : ""}`;

export function CalendarPage(): ReactNode {
  const { can } = useSession();
  const { search } = useLocation();
  const today = todayOf();
  const asked = search.get("month") ?? "";
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : today.slice(0, 7);
  const canSeeAll = can("obligations:read");
  const scope: "mine" | "all" = canSeeAll && search.get("scope") === "all" ? "all" : "mine";

  const go = (nextMonthValue: string, nextScope = scope) => {
    navigate(address(nextMonthValue, nextScope), { replace: true });
  };

  return (
    <>
      <PageHeading title="Calendar" />
      <div className="toolbar calendar-toolbar">
        <h2 className="calendar-toolbar__month" aria-live="polite">
          {monthTitle(month)}
        </h2>
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              go(nextMonth(month, -1));
            }}
          >
            <span aria-hidden="true">‹ </span>Previous month
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              go(today.slice(0, 7));
            }}
            disabled={month === today.slice(0, 7)}
          >
            This month
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              go(nextMonth(month, 1));
            }}
          >
            Next month<span aria-hidden="true"> ›</span>
          </button>
        </div>
        {canSeeAll ? (
          <div className="calendar-toolbar__scope">
            <SelectField
              id="calendar-scope"
              label="Show"
              value={scope}
              options={[
                { value: "mine", label: "My work" },
                { value: "all", label: "Everyone's work" },
              ]}
              onChange={(value) => {
                go(month, value === "all" ? "all" : "mine");
              }}
            />
          </div>
        ) : null}
        <a href="#calendar-list">Skip to the list view</a>
      </div>
      <MonthWork month={month} scope={scope} today={today} />
    </>
  );
}

/** The month's work, loaded for the grid's whole weeks. */
function MonthWork({
  month,
  scope,
  today,
}: {
  month: string;
  scope: "mine" | "all";
  today: string;
}): ReactNode {
  const load = useCallback(
    () =>
      workApi
        .occurrences({ scope, status: shown, from: gridStart(month), to: gridEnd(month) })
        .then((items) => ({ items, month, scope })),
    [scope, month],
  );
  const [resource] = useResource(load);
  return (
    <ResourceView resource={resource} what="work">
      {(data) => {
        // While another month loads, the previous answer is not drawn into this month's grid.
        const current = data.month === month && data.scope === scope;
        const items = current ? data.items : [];
        return (
          <>
            {current ? null : (
              <p className="loading" role="status">
                Loading work…
              </p>
            )}
            <MonthGrid month={month} items={items} today={today} />
            <MonthList month={month} items={items} />
          </>
        );
      }}
    </ResourceView>
  );
}
