/**
 * The policies in effect on a date: the version whose effective date is the latest on or before
 * it. The date lives in the address (/as-of?date=2026-03-01), so an answer can be shared.
 */
import { useCallback, useState, type ReactNode, type SubmitEvent } from "react";
import { TextField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { today } from "../components/occurrence-status.tsx";
import { changesApi } from "./changes-api.tsx";

export function PoliciesAsOfPage(): ReactNode {
  const { search } = useLocation();
  const date = search.get("date") ?? today();
  const [typed, setTyped] = useState(date);
  const load = useCallback(() => changesApi.asOf(date), [date]);
  const [resource] = useResource(load);
  const show = (event?: SubmitEvent) => {
    event?.preventDefault();
    navigate(`/as-of?date=${encodeURIComponent(typed)}`);
  };
  return (
    <>
      <PageHeading title="Policies on a date" />
      <form className="filters" onSubmit={show} noValidate>
        <TextField
          id="as-of-date"
          type="date"
          width="medium"
          label="Date"
          hint="The policies whose effective date had come by this day."
          value={typed}
          onChange={setTyped}
        />
        <div className="filters__actions">
          <button type="submit" className="button">
            Show the policies
          </button>
        </div>
      </form>
      <ResourceView resource={resource} what="policies">
        {(answer) =>
          answer.version === null ? (
            <EmptyState title={`No policies were in effect on ${answer.date}`}>
              <p>The first published version took effect later, or nothing is published yet.</p>
            </EmptyState>
          ) : (
            <>
              <h2>
                Version {answer.version.version}, effective {answer.version.effectiveDate}
              </h2>
              <p>
                Document version {answer.version.documentVersion}, published{" "}
                <DateTime value={answer.version.publishedAt} />
                {answer.version.publishedByName ? ` by ${answer.version.publishedByName}` : null}.
              </p>
              <ol className="policy-list">
                {answer.policies.map((policy) => (
                  <li key={policy.id}>
                    <Link
                      to={`/as-of/${encodeURIComponent(policy.id)}?date=${encodeURIComponent(answer.date)}`}
                      className="policy-list__title"
                    >
                      <span className="policy-list__number">{policy.number}.</span> {policy.title}
                    </Link>
                    {policy.summary ? <p className="policy-list__summary">{policy.summary}</p> : null}
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </ResourceView>
    </>
  );
}
