/**
 * One piece of work in full: the commitment, where it comes from, its rules in words, the deadline
 * and grace, what started it, how it was closed; and the forms to complete or waive it.
 */
import { useCallback, useState, type ReactNode } from "react";
import type { Occurrence } from "../api/types.ts";
import { workApi } from "../api/work.ts";
import { CompleteForm } from "../components/occurrence-complete.tsx";
import { OccurrenceEvidence } from "../components/occurrence-evidence.tsx";
import { usePolicyTitles } from "../components/occurrence-policies.ts";
import {
  Day,
  eventLabel,
  formatDay,
  isOpen,
  OccurrenceStatusTag,
  ownerLabel,
  ruleText,
} from "../components/occurrence-status.tsx";
import { WaiveForm } from "../components/occurrence-waive.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, Notice, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";

export function WorkPage({ occurrenceId }: { occurrenceId: string }): ReactNode {
  const load = useCallback(() => workApi.occurrence(occurrenceId), [occurrenceId]);
  const [resource, reload] = useResource(load);
  const [message, setMessage] = useState<string | null>(null);
  const done = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
      window.scrollTo(0, 0);
    },
    [reload],
  );
  return (
    <>
      <p className="back-link">
        <Link to="/inbox">Inbox</Link>
      </p>
      {message ? <Notice tone="success">{message}</Notice> : null}
      <ResourceView resource={resource} what="work">
        {(occurrence) => <Work occurrence={occurrence} onDone={done} />}
      </ResourceView>
    </>
  );
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function Work({
  occurrence: o,
  onDone,
}: {
  occurrence: Occurrence;
  onDone: (text: string) => void;
}): ReactNode {
  const { can } = useSession();
  const titles = usePolicyTitles();
  const grace = days(o.dueAt, o.overdueAt);
  return (
    <>
      <PageHeading title={`Due ${formatDay(o.dueOn)}`} caption={`${ownerLabel(o.ownerRole)} work`} />
      <p className="lead work-sentence">{o.text}</p>
      <dl className="summary-list">
        <div>
          <dt>Status</dt>
          <dd>
            <OccurrenceStatusTag status={o.status} />
          </dd>
        </div>
        <div>
          <dt>Policy</dt>
          <dd>
            <Link to={`/policies/${encodeURIComponent(o.policyId)}`}>{titles[o.policyId] ?? o.policyId}</Link>
            , section {o.sectionNumber}
          </dd>
        </div>
        <div>
          <dt>Citations</dt>
          <dd>{o.citations.length > 0 ? o.citations.join(", ") : "None"}</dd>
        </div>
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
        {o.startsOn ? (
          <div>
            <dt>Can start</dt>
            <dd>
              <Day value={o.startsOn} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Due date</dt>
          <dd>
            <Day value={o.dueOn} />
          </dd>
        </div>
        <div>
          <dt>Overdue from</dt>
          <dd>
            <DateTime value={o.overdueAt} />{" "}
            {grace > 0 ? `(after ${grace} ${grace === 1 ? "day" : "days"} of grace)` : "(no grace period)"}
          </dd>
        </div>
        <div>
          <dt>Expected record</dt>
          <dd>{o.evidence}</dd>
        </div>
        <div>
          <dt>Rules</dt>
          <dd>
            {o.rules.length === 0 ? (
              "No special rules."
            ) : (
              <ul className="plain-list">
                {o.rules.map((rule) => (
                  <li key={rule}>{ruleText[rule] ?? rule}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Started by</dt>
          <dd>
            {o.trigger ? (
              <>
                {eventLabel(o.trigger.event)} ({o.trigger.subjectType}{" "}
                <code className="id">{o.trigger.subjectId}</code>)
              </>
            ) : (
              "The policy's schedule"
            )}
          </dd>
        </div>
        <Closed occurrence={o} />
      </dl>
      <OccurrenceEvidence occurrenceId={o.id} closedAt={o.completedAt ?? o.waivedAt} />
      {isOpen(o.status) ? (
        <>
          <div className="section">
            <CompleteForm key={`complete-${o.id}`} occurrence={o} onDone={onDone} />
          </div>
          {can("obligations:manage") ? (
            <div className="section">
              <WaiveForm key={`waive-${o.id}`} occurrence={o} onDone={onDone} />
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function Closed({ occurrence: o }: { occurrence: Occurrence }): ReactNode {
  if (o.completedAt) {
    return (
      <>
        <div>
          <dt>Completed</dt>
          <dd>
            <DateTime value={o.completedAt} />
            {o.completedBy ? ` by ${o.completedBy.name}` : null}
          </dd>
        </div>
        <div>
          <dt>Note</dt>
          <dd>{o.completionNote ?? <span className="muted">None</span>}</dd>
        </div>
      </>
    );
  }
  if (o.waivedAt) {
    return (
      <>
        <div>
          <dt>Waived</dt>
          <dd>
            <DateTime value={o.waivedAt} />
            {o.waivedBy ? ` by ${o.waivedBy.name}` : null}
          </dd>
        </div>
        <div>
          <dt>Reason</dt>
          <dd>{o.waiverReason}</dd>
        </div>
      </>
    );
  }
  return null;
}
