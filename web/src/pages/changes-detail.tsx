/**
 * One proposed change: what it does (the diff), who must approve it and who has, and the buttons
 * the caller's role and slots allow (the server says which, and checks again on every request).
 */
import { useCallback, useState, type ReactNode } from "react";
import type { ChangeDetail } from "../api/types.ts";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, Notice, PageHeading, StatusTag } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";
import { approverLabels, changesApi, statusTone } from "./changes-api.tsx";
import { ChangeActions } from "./changes-actions.tsx";
import { ChangeDiffView } from "./changes-diff.tsx";

export function ChangeDetailPage({ changeId }: { changeId: string }): ReactNode {
  const load = useCallback(() => changesApi.read(changeId), [changeId]);
  const [resource, reload] = useResource(load);
  const [notice, setNotice] = useState<string | null>(null);
  const onDone = useCallback(
    (message: string) => {
      setNotice(message);
      reload();
    },
    [reload],
  );
  return (
    <>
      <p className="back-link">
        <Link to="/changes">All changes</Link>
      </p>
      <ResourceView resource={resource} what="change">
        {(change) => (
          <>
            <PageHeading title={change.summary} caption={`Change ${change.number}`} />
            {notice ? <Notice tone="success">{notice}</Notice> : null}
            <Facts change={change} />
            {change.status === "proposed" && change.blockers.length > 0 ? (
              <Notice tone="info" title="Before it can be published">
                <ul>
                  {change.blockers.map((b) => (
                    <li key={b}>{b.charAt(0).toUpperCase() + b.slice(1)}.</li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            <Slots change={change} />
            <ChangeActions change={change} onDone={onDone} />
            <ChangeDiffView diff={change.diff} />
          </>
        )}
      </ResourceView>
    </>
  );
}

/** How the emails announcing the published version fared, e.g. "5 sent, 1 given up after 10 tries". */
function announcementsText({ sent, waiting, givenUp }: NonNullable<ChangeDetail["announcements"]>): string {
  if (sent + waiting + givenUp === 0) return "None: no member is asked to acknowledge policies.";
  const parts = [`${sent} sent`];
  if (waiting > 0) parts.push(`${waiting} waiting to be sent or tried again`);
  if (givenUp > 0)
    parts.push(`${givenUp} refused by the mail server 10 times and given up (the server's log has the ids)`);
  return `${parts.join(", ")}.`;
}

function Facts({ change }: { change: ChangeDetail }): ReactNode {
  return (
    <dl className="summary-list">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusTag tone={statusTone[change.status]}>{change.status}</StatusTag>
          {change.publishedVersion ? ` as version ${change.publishedVersion}` : null}
          {change.closedAt ? (
            <>
              {" "}
              on <DateTime value={change.closedAt} />
              {change.closedByName ? ` by ${change.closedByName}` : null}
            </>
          ) : null}
        </dd>
      </div>
      {change.reason ? (
        <div>
          <dt>Reason</dt>
          <dd>{change.reason}</dd>
        </div>
      ) : null}
      <div>
        <dt>Effective date</dt>
        <dd>{change.effectiveDate}</dd>
      </div>
      {change.announcements ? (
        <div>
          <dt>Emails to acknowledge</dt>
          <dd>{announcementsText(change.announcements)}</dd>
        </div>
      ) : null}
      <div>
        <dt>Proposed</dt>
        <dd>
          <DateTime value={change.proposedAt} /> by {change.proposedByName ?? change.proposedBy}
        </dd>
      </div>
      <div>
        <dt>Draft hash</dt>
        <dd>
          <code className="hash" title={change.contentHash}>
            {change.contentHash.slice(0, 16)}…
          </code>
        </dd>
      </div>
    </dl>
  );
}

function Slots({ change }: { change: ChangeDetail }): ReactNode {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table__caption">
          Approvals ({change.approvals.approved} of {change.approvals.required})
        </caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Held by</th>
            <th scope="col">Approval</th>
          </tr>
        </thead>
        <tbody>
          {change.slots.map((slot) => (
            <tr key={slot.role}>
              <td>{approverLabels[slot.role] ?? slot.role}</td>
              <td>
                {slot.personName ?? "Nobody (the profile names no one)"}
                {slot.personName && slot.holders.length === 0 ? (
                  <span className="muted"> (no member has this email)</span>
                ) : null}
              </td>
              <td>
                {slot.approvedAt ? (
                  <>
                    <StatusTag tone="success">Approved</StatusTag> by {slot.approvedByName ?? slot.approvedBy}{" "}
                    on <DateTime value={slot.approvedAt} />
                  </>
                ) : (
                  <StatusTag tone="warning">Waiting</StatusTag>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
