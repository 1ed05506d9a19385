/**
 * One piece of open work in a list: what to do, by when, who owns it and for whom, with the
 * Complete (and, for officers, Waive) action opening its form in place.
 */
import type { ReactNode } from "react";
import type { Occurrence } from "../api/types.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { CompleteForm } from "./occurrence-complete.tsx";
import { Day, OccurrenceStatusTag, ownerLabel, shorten } from "./occurrence-status.tsx";
import { WaiveForm } from "./occurrence-waive.tsx";

export type WorkAction = "complete" | "waive";

export function OccurrenceItem({
  occurrence: o,
  policyTitle,
  action,
  onAction,
  onDone,
}: {
  occurrence: Occurrence;
  policyTitle: string | undefined;
  /** The form open on this item, if any. */
  action: WorkAction | null;
  onAction: (action: WorkAction | null) => void;
  onDone: (message: string) => void;
}): ReactNode {
  const { can } = useSession();
  const cancel = () => {
    onAction(null);
  };
  const context = <span className="visually-hidden">: {shorten(o.text, 80)}</span>;
  return (
    <li className="work-item">
      <p className="work-item__when">
        <OccurrenceStatusTag status={o.status} />{" "}
        <span className="work-item__due">
          Due date: <Day value={o.dueOn} />
        </span>
      </p>
      <p className="work-item__text">{o.text}</p>
      <dl className="work-item__meta">
        <div>
          <dt>Owner</dt>
          <dd>{ownerLabel(o.ownerRole)}</dd>
        </div>
        {o.person ? (
          <div>
            <dt>Person</dt>
            <dd>{o.person.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>Policy</dt>
          <dd>
            {policyTitle ?? o.policyId}, section {o.sectionNumber}
          </dd>
        </div>
      </dl>
      {action === null ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onAction("complete");
            }}
          >
            Complete{context}
          </button>
          {can("obligations:manage") ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                onAction("waive");
              }}
            >
              Waive{context}
            </button>
          ) : null}
          <Link to={`/work/${encodeURIComponent(o.id)}`}>Details{context}</Link>
        </div>
      ) : action === "complete" ? (
        <CompleteForm occurrence={o} heading="h3" autoFocus onCancel={cancel} onDone={onDone} />
      ) : (
        <WaiveForm occurrence={o} heading="h3" autoFocus onCancel={cancel} onDone={onDone} />
      )}
    </li>
  );
}
