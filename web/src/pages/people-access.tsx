/** Access: requests waiting for a decision or a grant, grants that need attention, review campaigns. */
import { useCallback, useState, type ReactNode } from "react";
import type { AccessRequest, Grant } from "../api/types.ts";
import { workforceApi } from "../api/workforce.ts";
import { DataTable } from "../components/data-table.tsx";
import { SelectField } from "../components/fields.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { EmptyState, Notice, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { useSession } from "../session.tsx";
import { RequestAccessForm } from "./people-access-request.tsx";
import { ReviewSection } from "./people-access-review.tsx";

const methods = [
  { value: "in-person-id-check", label: "In person, photo ID checked" },
  { value: "video-call-with-id", label: "Video call, photo ID shown" },
  { value: "manager-attestation", label: "Manager attestation" },
  { value: "existing-verified-account", label: "Existing verified account" },
];

/** Runs an action and reports its outcome in the page (the server's message when refused). */
export function useAction(
  onDone: () => void,
): [string | null, string | null, (run: () => Promise<unknown>, ok: string) => void] {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useCallback(
    (run: () => Promise<unknown>, ok: string) => {
      setError(null);
      run().then(
        () => {
          setNotice(ok);
          onDone();
        },
        (failure: unknown) => {
          setNotice(null);
          const text = failure instanceof Error ? failure.message : "that did not work; try again";
          setError(text.charAt(0).toUpperCase() + text.slice(1));
        },
      );
    },
    [onDone],
  );
  return [notice, error, act];
}

const loadOpen = () => workforceApi.accessRequests("all");

export function AccessPage(): ReactNode {
  const { can } = useSession();
  const [resource, reload] = useResource(loadOpen);
  const [notice, error, act] = useAction(reload);
  const [methodOf, setMethodOf] = useState<Record<string, string>>({});
  const decider = can("access:decide");
  const open = (rows: AccessRequest[]) =>
    rows.filter((r) => r.status === "pending" || r.status === "approved");
  const actions = (r: AccessRequest) => {
    if (!decider) return null;
    if (r.status === "pending")
      return (
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              act(() => workforceApi.decide(r.id, "approve", null), "Request approved.");
            }}
          >
            Approve
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              act(() => workforceApi.decide(r.id, "reject", null), "Request rejected.");
            }}
          >
            Reject
          </button>
        </div>
      );
    const method = methodOf[r.id] ?? methods[0]!.value;
    return (
      <div className="button-row">
        <SelectField
          id={`method-${r.id}`}
          label="Identity verified by"
          value={method}
          options={methods}
          onChange={(value) => {
            setMethodOf({ ...methodOf, [r.id]: value });
          }}
        />
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            act(() => workforceApi.grant(r.id, method), "Access granted.");
          }}
        >
          Grant
        </button>
      </div>
    );
  };
  return (
    <>
      <PageHeading title="Access" />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="warning">{error}</Notice> : null}
      <ResourceView resource={resource} what="access requests">
        {(data) =>
          open(data.requests).length === 0 ? (
            <EmptyState title="No requests waiting">
              <p>New requests appear here for an officer to approve, then grant.</p>
            </EmptyState>
          ) : (
            <DataTable
              caption="Requests waiting for a decision or a grant"
              rows={open(data.requests)}
              rowKey={(r) => r.id}
              columns={[
                { key: "person", header: "For", cell: (r) => r.person.name, sortValue: (r) => r.person.name },
                { key: "system", header: "System and level", cell: (r) => `${r.system} (${r.level})` },
                { key: "why", header: "Justification", cell: (r) => r.justification },
                { key: "until", header: "Temporary until", cell: (r) => r.temporaryUntil ?? "Standing" },
                { key: "by", header: "Requested by", cell: (r) => r.requestedBy.name },
                {
                  key: "status",
                  header: "Status",
                  cell: (r) => (r.status === "pending" ? "Waiting for approval" : "Approved, to grant"),
                },
                { key: "actions", header: "Actions", className: "actions", cell: actions },
              ]}
            />
          )
        }
      </ResourceView>
      <RequestAccessForm onRequested={reload} />
      <GrantsNeedingAttention decider={decider} />
      <ReviewSection decider={decider} />
    </>
  );
}

function GrantsNeedingAttention({ decider }: { decider: boolean }): ReactNode {
  const [attention, setAttention] = useState<"expired" | "inactive" | "">("expired");
  const load = useCallback(() => workforceApi.grants(attention), [attention]);
  const [resource, reload] = useResource(load);
  const [notice, error, act] = useAction(reload);
  const revoke = (g: Grant) => {
    act(
      () => workforceApi.revoke(g.id, attention === "" ? "no-longer-needed" : attention),
      `Access of ${g.person.name} to ${g.system} revoked.`,
    );
  };
  return (
    <section className="section" aria-labelledby="grants-heading">
      <h2 id="grants-heading">Grants</h2>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="warning">{error}</Notice> : null}
      <div className="filters">
        <SelectField
          id="grant-attention"
          label="Show"
          value={attention}
          options={[
            { value: "expired", label: "Temporary access past its end date" },
            { value: "inactive", label: "Unused for the profile's inactivity period" },
            { value: "", label: "Every active grant" },
          ]}
          onChange={(value) => {
            setAttention(value as typeof attention);
          }}
        />
        <p className="filters__actions">
          <a className="button button--secondary" href={workforceApi.grantsExportUrl}>
            Export every grant as CSV
          </a>
        </p>
      </div>
      <ResourceView resource={resource} what="grants">
        {(data) =>
          data.grants.length === 0 ? (
            <EmptyState title="Nothing needs attention">
              <p>
                Grants appear here when temporary access runs past its end date or an account goes unused.
              </p>
            </EmptyState>
          ) : (
            <DataTable
              caption={`${data.grants.length} grants`}
              rows={data.grants}
              rowKey={(g) => g.id}
              columns={[
                {
                  key: "person",
                  header: "Person",
                  cell: (g) => g.person.name,
                  sortValue: (g) => g.person.name,
                },
                { key: "system", header: "System and level", cell: (g) => `${g.system} (${g.level})` },
                { key: "expires", header: "Ends", cell: (g) => g.expiresOn ?? "Standing" },
                { key: "used", header: "Last used", cell: (g) => g.lastUsedOn ?? "Not recorded" },
                {
                  key: "actions",
                  header: "Actions",
                  className: "actions",
                  cell: (g) =>
                    decider ? (
                      <button
                        type="button"
                        className="button button--warning button--small"
                        onClick={() => {
                          revoke(g);
                        }}
                      >
                        Revoke<span className="visually-hidden"> access of {g.person.name}</span>
                      </button>
                    ) : null,
                },
              ]}
            />
          )
        }
      </ResourceView>
    </section>
  );
}
