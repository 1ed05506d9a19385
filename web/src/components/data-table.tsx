/**
 * A dense table in the Primer manner: a caption, sortable columns (buttons in the headers, with
 * aria-sort so screen readers announce the order) and rows keyed by a stable id.
 */
import { useState, type ReactNode } from "react";

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Present when the column can be sorted. */
  sortValue?: (row: T) => string | number;
  /** Right-aligned numbers, narrow action columns. */
  className?: string;
}

interface Sort {
  key: string;
  direction: "ascending" | "descending";
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: Sort;
}): ReactNode {
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  const column = sort ? columns.find((candidate) => candidate.key === sort.key) : undefined;
  const sorted = column?.sortValue ? sortRows(rows, column.sortValue, sort!.direction) : rows;

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((col) => {
              const active = sort?.key === col.key ? sort.direction : undefined;
              return (
                <th key={col.key} scope="col" aria-sort={active ?? "none"} className={col.className}>
                  {col.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => {
                        setSort({
                          key: col.key,
                          direction: active === "ascending" ? "descending" : "ascending",
                        });
                      }}
                    >
                      {col.header}
                      <span aria-hidden="true" className="sort-button__arrow">
                        {active === "ascending" ? " ▲" : active === "descending" ? " ▼" : " ↕"}
                      </span>
                    </button>
                  ) : (
                    col.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((col) => (
                <td key={col.key} className={col.className}>
                  {col.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sortRows<T>(rows: T[], value: (row: T) => string | number, direction: Sort["direction"]): T[] {
  const factor = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    const order =
      typeof left === "number" && typeof right === "number"
        ? left - right
        : String(left).localeCompare(String(right), undefined, { sensitivity: "base" });
    return order * factor;
  });
}
