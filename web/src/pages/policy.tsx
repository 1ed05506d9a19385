/**
 * One policy to read: a table of contents and its sections, whose HTML the server renders from the
 * organization's templates (the same text the published site and PDF carry).
 */
import { useCallback, useEffect, type MouseEvent, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { PolicyDocument } from "../api/types.ts";
import { ResourceView } from "../components/resource-view.tsx";
import { PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { Link, navigate } from "../router.tsx";

export function PolicyPage({ policyId }: { policyId: string }): ReactNode {
  const load = useCallback(() => api.policy(policyId), [policyId]);
  const [resource] = useResource(load);
  return (
    <>
      <p className="back-link">
        <Link to="/policies">All policies</Link>
      </p>
      <ResourceView resource={resource} what="policy">
        {(policy) => <Policy policy={policy} />}
      </ResourceView>
    </>
  );
}

// Section ids are the anchors cross-references point at (`/policies/<id>#<section>`).
const anchor = (id: string) => id;

/** Links between policies stay inside the app instead of reloading the page. */
function followInternalLinks(event: MouseEvent<HTMLElement>): void {
  const link = (event.target as HTMLElement).closest("a");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
  event.preventDefault();
  navigate(url.pathname + url.hash);
}

function Policy({ policy }: { policy: PolicyDocument }): ReactNode {
  // The text arrives after the page opened, so a link to one section scrolls once it is there.
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (hash) document.getElementById(hash)?.scrollIntoView();
  }, [policy]);
  return (
    <>
      <PageHeading title={policy.title} caption="Policy" />
      <div className="policy-layout">
        <nav className="toc" aria-labelledby="toc-title">
          <h2 id="toc-title" className="toc__title">
            Contents
          </h2>
          <ol className="toc__list">
            {policy.sections.map((section) => (
              <li key={section.id} className={section.level === 3 ? "toc__item--sub" : undefined}>
                <span className="toc__number">{section.number}</span>
                <a href={`#${anchor(section.id)}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </nav>
        <article className="policy" onClick={followInternalLinks}>
          <p className="muted">
            Version {policy.version}, effective {policy.effectiveDate}.
          </p>
          {/* HTML rendered by the server from Steward's own templates, with HTML escaping on. */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: policy.introHtml }} />
          {policy.sections.map((section) => {
            const Heading = section.level === 3 ? "h3" : "h2";
            return (
              <section
                key={section.id}
                id={anchor(section.id)}
                aria-labelledby={`${anchor(section.id)}-title`}
              >
                <Heading id={`${anchor(section.id)}-title`}>
                  <span className="policy__number">{section.number}</span> {section.title}
                </Heading>
                <div className="prose" dangerouslySetInnerHTML={{ __html: section.html }} />
                {section.citations.length > 0 ? (
                  <p className="citations">
                    <span className="visually-hidden">Regulations addressed: </span>
                    {section.citations.join(" · ")}
                  </p>
                ) : null}
              </section>
            );
          })}
        </article>
      </div>
    </>
  );
}
