/** Access review campaigns: every active grant kept or revoked by someone other than its holder. */
import { useCallback, useState, type ReactNode } from "react";
import type { Review } from "../api/types.ts";
import { workforceApi } from "../api/workforce.ts";
import { DataTable } from "../components/data-table.tsx";
import { TextField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, EmptyState, Notice, StatusTag } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { useAction } from "./people-access.tsx";

type Item = Review["items"][number];

async function loadCurrent(): Promise<Review | null> {
  const { reviews } = await workforceApi.reviews();
  const latest = reviews[0];
  return latest ? workforceApi.review(latest.id) : null;
}

function decision(item: Item): ReactNode {
  if (item.decision === "keep") return <StatusTag tone="success">Kept</StatusTag>;
  if (item.decision === "revoke") return <StatusTag tone="warning">Revoked</StatusTag>;
  if (item.grant.revokedAt) return <StatusTag tone="neutral">Revoked elsewhere</StatusTag>;
  return <StatusTag tone="info">To decide</StatusTag>;
}

export function ReviewSection({ decider }: { decider: boolean }): ReactNode {
  const [resource, reload] = useResource(loadCurrent);
  const [notice, error, act] = useAction(reload);
  const [occurrenceId, setOccurrenceId] = useState("");
  const start = useCallback(() => {
    act(() => workforceApi.startReview(), "Review started.");
  }, [act]);
  return (
    <section className="section" aria-labelledby="review-heading">
      <h2 id="review-heading">Access review</h2>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="warning">{error}</Notice> : null}
      <ResourceView resource={resource} what="access reviews">
        {(review) => {
          const open = review !== null && review.closedAt === null;
          if (!open) {
            return (
              <EmptyState title={review ? "No review open" : "No access reviews yet"}>
                {review ? (
                  <p>
                    The last one closed <DateTime value={review.closedAt} />: {review.counts.kept} kept,{" "}
                    {review.counts.revoked} revoked.
                  </p>
                ) : (
                  <p>Start the first campaign: every active grant becomes an item to keep or revoke.</p>
                )}
                {decider ? (
                  <button type="button" className="button" onClick={start}>
                    Start a review
                  </button>
                ) : null}
              </EmptyState>
            );
          }
          const act1 = (item: Item, choice: "keep" | "revoke") => {
            act(
              () => workforceApi.decideItem(review.id, item.id, choice),
              choice === "keep" ? "Kept." : "Revoked.",
            );
          };
          return (
            <>
              <p>
                Started <DateTime value={review.startedAt} /> by {review.startedBy.name}. {review.counts.open}{" "}
                of {review.counts.items} items still to decide. Nobody may decide their own access.
              </p>
              <DataTable
                caption="Items"
                rows={review.items}
                rowKey={(i) => i.id}
                columns={[
                  {
                    key: "person",
                    header: "Person",
                    cell: (i) => i.grant.person.name,
                    sortValue: (i) => i.grant.person.name,
                  },
                  {
                    key: "system",
                    header: "System and level",
                    cell: (i) => `${i.grant.system} (${i.grant.level})`,
                  },
                  { key: "used", header: "Last used", cell: (i) => i.grant.lastUsedOn ?? "Not recorded" },
                  { key: "decision", header: "Decision", cell: decision },
                  {
                    key: "actions",
                    header: "Actions",
                    className: "actions",
                    cell: (i) =>
                      decider && i.decision === null && !i.grant.revokedAt ? (
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => {
                              act1(i, "keep");
                            }}
                          >
                            Keep
                          </button>
                          <button
                            type="button"
                            className="button button--warning button--small"
                            onClick={() => {
                              act1(i, "revoke");
                            }}
                          >
                            Revoke
                          </button>
                        </div>
                      ) : null,
                  },
                ]}
              />
              {decider ? (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    act(
                      () => workforceApi.closeReview(review.id, occurrenceId.trim() || null),
                      "Review closed. Complete the access-review work in the inbox with its evidence.",
                    );
                  }}
                >
                  <TextField
                    id="review-occurrence"
                    label="Access-review work it answers (optional)"
                    hint="The occurrence id from the inbox; complete that work there with the review record as evidence."
                    value={occurrenceId}
                    onChange={setOccurrenceId}
                  />
                  <button type="submit" className="button">
                    Close the review
                  </button>
                </form>
              ) : null}
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}
