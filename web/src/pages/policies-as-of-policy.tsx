/** One policy as it read on a date: the text of the version then in effect, as the server rendered it. */
import { useCallback, type ReactNode } from "react";
import { ResourceView } from "../components/resource-view.tsx";
import { PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link, useLocation } from "../router.tsx";
import { today } from "../components/occurrence-status.tsx";
import { changesApi } from "./changes-api.tsx";

export function PolicyAsOfPage({ policyId }: { policyId: string }): ReactNode {
  const { search } = useLocation();
  const date = search.get("date") ?? today();
  const load = useCallback(() => changesApi.policyAsOf(policyId, date), [policyId, date]);
  const [resource] = useResource(load);
  return (
    <>
      <p className="back-link">
        <Link to={`/as-of?date=${encodeURIComponent(date)}`}>All policies on {date}</Link>
      </p>
      <ResourceView resource={resource} what="policy">
        {(policy) => (
          <>
            <PageHeading title={policy.title} caption={`Policy as of ${date}`} />
            <article className="policy">
              <p className="muted">
                Version {policy.version}, effective {policy.effectiveDate}. Links to other policies open their
                current text.
              </p>
              {/* HTML rendered by the server from the stored version's text, with HTML escaping on. */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: policy.introHtml }} />
              {policy.sections.map((section) => {
                const Heading = section.level === 3 ? "h3" : "h2";
                return (
                  <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`}>
                    <Heading id={`${section.id}-title`}>
                      <span className="policy__number">{section.number}</span> {section.title}
                    </Heading>
                    <div className="prose" dangerouslySetInnerHTML={{ __html: section.html }} />
                  </section>
                );
              })}
            </article>
          </>
        )}
      </ResourceView>
    </>
  );
}
