/**
 * The two actions of the policies page: a member acknowledging the current version (bound to its
 * content hash), and an officer publishing a new version from the profile.
 */
import { useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { PolicyList } from "../api/types.ts";
import { DateTime, Notice, StatusTag } from "../components/status.tsx";
import { useSession } from "../session.tsx";

export function AcknowledgmentPanel({
  list,
  contentHash,
  onDone,
}: {
  list: PolicyList;
  contentHash: string;
  onDone: () => void;
}): ReactNode {
  const { can } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (list.acknowledged) {
    return (
      <div className="panel" id="acknowledgment-status">
        <p>
          <StatusTag tone="success">Acknowledged</StatusTag>{" "}
          {list.acknowledgedAt ? (
            <>
              You acknowledged this version on <DateTime value={list.acknowledgedAt} />.
            </>
          ) : (
            "You have acknowledged this version."
          )}
        </p>
      </div>
    );
  }
  const acknowledge = () => {
    setPending(true);
    setError(null);
    api.acknowledge(contentHash).then(onDone, (failure: unknown) => {
      setPending(false);
      setError(failure instanceof Error ? failure.message : "Something went wrong. Try again.");
    });
  };
  return (
    <div className="panel panel--action" id="acknowledgment-status">
      <p>
        <StatusTag tone="warning">Not acknowledged</StatusTag> Read the policies below, then confirm that you
        have read and will follow this version.
      </p>
      {error ? <Notice tone="warning">{error}</Notice> : null}
      {can("acknowledgments:create") ? (
        <button type="button" className="button" onClick={acknowledge} disabled={pending}>
          {pending ? "Recording…" : "I have read and will follow these policies"}
        </button>
      ) : null}
    </div>
  );
}

export function PublishButton({
  onDone,
  label,
  secondary,
}: {
  onDone: (message: string) => void;
  label: string;
  secondary?: boolean;
}): ReactNode {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const publish = () => {
    setPending(true);
    setError(null);
    api.publishPolicies().then(
      (published) => {
        setPending(false);
        onDone(
          published.created
            ? `Version ${published.version} published: ${published.counts.policies} policies, ${published.counts.sections} sections. Members are asked to acknowledge it.`
            : "The published policies already match the current profile: nothing new to publish.",
        );
      },
      (failure: unknown) => {
        setPending(false);
        setError(failure instanceof Error ? failure.message : "Something went wrong. Try again.");
      },
    );
  };
  return (
    <>
      {error ? <Notice tone="warning">{error}</Notice> : null}
      <button
        type="button"
        className={secondary ? "button button--secondary" : "button"}
        onClick={publish}
        disabled={pending}
      >
        {pending ? "Publishing…" : label}
      </button>
    </>
  );
}
