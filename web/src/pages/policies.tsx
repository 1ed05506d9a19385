/**
 * The current policies: every member reads them and acknowledges the version, bound to its content
 * hash so an acknowledgment never counts for text the member did not see.
 */
import { useCallback, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { PolicyList } from "../api/types.ts";
import { DateTime, EmptyState, Notice, PageHeading } from "../components/status.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { AcknowledgmentPanel, PublishButton } from "./policies-actions.tsx";

export function PoliciesPage(): ReactNode {
  const load = useCallback(() => api.policies(), []);
  const [resource, reload] = useResource(load);
  const [published, setPublished] = useState<string | null>(null);
  const onPublished = useCallback(
    (message: string) => {
      setPublished(message);
      reload();
    },
    [reload],
  );
  return (
    <>
      <PageHeading title="Policies" />
      {published ? <Notice tone="success">{published}</Notice> : null}
      <ResourceView resource={resource} what="policies">
        {(list) => <Policies list={list} reload={reload} onPublished={onPublished} />}
      </ResourceView>
    </>
  );
}

function Policies({
  list,
  reload,
  onPublished,
}: {
  list: PolicyList;
  reload: () => void;
  onPublished: (message: string) => void;
}): ReactNode {
  const { can } = useSession();
  if (list.version === null || list.contentHash === null || list.policies.length === 0) {
    return (
      <EmptyState title="No policies published yet">
        {can("policies:publish") ? (
          <>
            <p>
              The policies are built from the <Link to="/profile">organization profile</Link>. Fill it in and
              save it, then publish.
            </p>
            <PublishButton onDone={onPublished} label="Publish policies from the current profile" />
          </>
        ) : (
          <p>An officer publishes the policies from the organization profile. Check back later.</p>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <AcknowledgmentPanel list={list} contentHash={list.contentHash} onDone={reload} />
      <h2>Policy set</h2>
      <dl className="summary-list">
        <div>
          <dt>Version</dt>
          <dd>
            {list.version}
            {list.documentVersion ? ` (document version ${list.documentVersion})` : null}
          </dd>
        </div>
        <div>
          <dt>Effective date</dt>
          <dd>{list.effectiveDate ?? "Not set"}</dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>
            <DateTime value={list.publishedAt} />
            {list.publishedByName ? ` by ${list.publishedByName}` : null}
          </dd>
        </div>
        <div>
          <dt>Content hash</dt>
          <dd>
            <code className="hash" title={list.contentHash}>
              {list.contentHash.slice(0, 16)}…
            </code>
          </dd>
        </div>
      </dl>
      <ol className="policy-list">
        {list.policies.map((policy) => (
          <li key={policy.id}>
            <Link to={`/policies/${encodeURIComponent(policy.id)}`} className="policy-list__title">
              <span className="policy-list__number">{policy.number}.</span> {policy.title}
            </Link>
            {policy.summary ? <p className="policy-list__summary">{policy.summary}</p> : null}
          </li>
        ))}
      </ol>
      {can("changes:propose") ? (
        <section className="section" aria-labelledby="publish-heading">
          <h2 id="publish-heading">Change the policies</h2>
          <p>
            A new version goes through a proposal: you describe the change, the approvers named in the profile
            approve it, and it takes effect on the date you choose. The schedule of work follows from that
            date.
          </p>
          <Link to="/changes" className="button button--secondary">
            Propose a change
          </Link>
        </section>
      ) : null}
    </>
  );
}
