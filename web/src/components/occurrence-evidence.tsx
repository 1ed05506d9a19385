/**
 * The evidence attached to a piece of work. Members without evidence:read see only what they
 * uploaded themselves (the server decides), so the heading says "you can see".
 */
import { useCallback, type ReactNode } from "react";
import { workApi } from "../api/work.ts";
import { Day } from "./occurrence-status.tsx";
import { useResource } from "./use-resource.ts";

export function OccurrenceEvidence({
  occurrenceId,
  closedAt,
}: {
  occurrenceId: string;
  /** When the work was closed: a change loads the list again. */
  closedAt: string | null;
}): ReactNode {
  const load = useCallback(
    () => workApi.evidenceOf(occurrenceId).then((list) => ({ list, closedAt })),
    [occurrenceId, closedAt],
  );
  const [resource] = useResource(load);
  if (resource.status !== "ready") return null;
  const { evidence: items, total } = resource.data.list;
  return (
    <section aria-labelledby="work-evidence">
      <h2 id="work-evidence">Evidence</h2>
      {total > items.length ? (
        <p className="muted">
          The newest {items.length} of {total} items are listed.
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">No evidence you can see is attached to this work.</p>
      ) : (
        <ul className="plain-list evidence-list">
          {items.map((item) => (
            <li key={item.id}>
              {item.kind === "file" && item.disposedAt === null ? (
                <a href={workApi.evidenceContentUrl(item.id)} download>
                  {item.title}
                </a>
              ) : item.kind === "link" && item.url ? (
                <a href={item.url} rel="noreferrer noopener" target="_blank">
                  {item.title}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                item.title
              )}{" "}
              <span className="muted">
                ({item.kind === "file" ? "file" : "link"}
                {item.filename && item.filename !== item.title ? ` ${item.filename}` : ""}, dated{" "}
                <Day value={item.effectiveDate} />
                {item.disposedAt ? ", disposed" : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
