/** The inbox's last section: the caller's work finished in the last days (the inbox picks them). */
import type { ReactNode } from "react";
import type { Occurrence } from "../api/types.ts";
import { DataTable } from "../components/data-table.tsx";
import { workColumn } from "../components/occurrence-columns.tsx";
import { Day, OccurrenceStatusTag } from "../components/occurrence-status.tsx";
import { DateTime } from "../components/status.tsx";

export function DoneRecently({ rows, days }: { rows: Occurrence[]; days: number }): ReactNode {
  return (
    <section className="section" aria-labelledby="inbox-done">
      <h2 id="inbox-done">Done recently</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing completed in the last {days} days.</p>
      ) : (
        <DataTable
          caption={`Completed in the last ${days} days, newest first`}
          rows={rows}
          rowKey={(o) => o.id}
          columns={[
            {
              key: "completed",
              header: "Completed",
              cell: (o) => <DateTime value={o.completedAt} />,
              sortValue: (o) => o.completedAt ?? "",
            },
            { key: "status", header: "Status", cell: (o) => <OccurrenceStatusTag status={o.status} /> },
            workColumn,
            {
              key: "due",
              header: "Was due",
              cell: (o) => <Day value={o.dueOn} />,
              sortValue: (o) => o.dueOn,
            },
            { key: "by", header: "By", cell: (o) => o.completedBy?.name ?? "" },
          ]}
        />
      )}
    </section>
  );
}
