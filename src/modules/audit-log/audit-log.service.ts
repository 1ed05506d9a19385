/** Filtering and exporting an organization's audit trail for people and auditors. */
import { canonicalJson } from "../../audit/index.ts";
import type { Queryable } from "../../db/index.ts";
import { AppError } from "../../server/errors.ts";
import { exportColumns, scanAuditEvents, type AuditFilter } from "./audit-log.repo.ts";
import type { AuditFilterInput } from "./audit-log.schema.ts";
import { csvRecord } from "./csv.ts";

/** The most events one export holds; a larger trail is exported a period at a time. */
export const EXPORT_LIMIT = 100_000;

const DAY_MS = 86_400_000;
const isDay = (text: string) => text.length === 10;

/**
 * Time bounds as a half-open range: a day starts at 00:00 UTC and `to` a day includes all of it; an
 * instant `to` is included (events carry milliseconds, so +1 ms is the next possible event).
 */
export function resolveFilter(input: AuditFilterInput): AuditFilter {
  const from =
    input.from === undefined
      ? undefined
      : new Date(isDay(input.from) ? `${input.from}T00:00:00Z` : input.from);
  const until =
    input.to === undefined
      ? undefined
      : isDay(input.to)
        ? new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS)
        : new Date(Date.parse(input.to) + 1);
  if (from && until && from >= until) {
    throw new AppError("validation_failed", "the request has invalid fields", [
      { field: "query.to", message: "expected a time after from" },
    ]);
  }
  return { ...input, from, until };
}

export interface AuditExport {
  body: string;
  contentType: string;
  fileName: string;
  count: number;
}

/**
 * The filtered trail in chain order as CSV (RFC 4180; `changes` as canonical JSON, the form the
 * hash covers) or JSON. Refuses with 400 rather than cut an export short.
 */
export async function exportAuditEvents(options: {
  db: Queryable;
  organizationId: string;
  filter: AuditFilter;
  format: "csv" | "json";
  now: Date;
  /** The most events allowed (EXPORT_LIMIT; tests pass less). */
  limit?: number;
}): Promise<AuditExport> {
  const { db, organizationId, filter, format, now, limit = EXPORT_LIMIT } = options;
  const csv = [csvRecord(exportColumns)];
  const events: unknown[] = [];
  let count = 0;
  for await (const batch of scanAuditEvents(db, organizationId, filter, limit + 1)) {
    count += batch.length;
    if (count > limit) {
      throw new AppError("validation_failed", `an export holds at most ${limit} events`, [
        {
          field: "query.from",
          message: `more than ${limit} events match; narrow the period with from and to`,
        },
      ]);
    }
    for (const cells of batch) {
      // Cells in exportColumns order; changes (index 7) as canonical JSON.
      const changes = canonicalJson(JSON.parse(cells[7]!));
      if (format === "csv") {
        csv.push(csvRecord([...cells.slice(0, 7), changes, ...cells.slice(8)]));
        continue;
      }
      const [seq, occurredAt, actorType, actorId, action, targetType, targetId, , hash, prevHash, version] =
        cells;
      events.push({
        seq: Number(seq),
        occurredAt,
        actor: { type: actorType, id: actorId },
        action,
        target: { type: targetType, id: targetId },
        changes: JSON.parse(changes) as unknown,
        hash,
        prevHash,
        // Which encoding the hash covers (src/audit/canonical.ts, docs/ARCHITECTURE.md).
        hashVersion: Number(version),
      });
    }
  }
  const stamp = now.toISOString().slice(0, 10);
  if (format === "csv")
    return {
      body: csv.join(""),
      contentType: "text/csv; charset=utf-8",
      fileName: `audit-events-${stamp}.csv`,
      count,
    };
  return {
    body: JSON.stringify({ organizationId, exportedAt: now.toISOString(), count, events }),
    contentType: "application/json; charset=utf-8",
    fileName: `audit-events-${stamp}.json`,
    count,
  };
}
