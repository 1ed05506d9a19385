/** The decisions on a change, shown only when the server says the caller may take them. */
import { useState, type ReactNode } from "react";
import type { ChangeDetail } from "../api/types.ts";
import { TextArea } from "../components/fields.tsx";
import { Notice } from "../components/status.tsx";
import { changesApi } from "./changes-api.tsx";

export function ChangeActions({
  change,
  onDone,
}: {
  change: ChangeDetail;
  onDone: (message: string) => void;
}): ReactNode {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const { actions } = change;
  if (!actions.approve && !actions.reject && !actions.withdraw && !actions.publish) return null;

  const run = (work: () => Promise<string>) => {
    setPending(true);
    setError(null);
    work().then(
      (message) => {
        setPending(false);
        setRejecting(false);
        onDone(message);
      },
      (failure: unknown) => {
        setPending(false);
        setError(failure instanceof Error ? failure.message : "Something went wrong. Try again.");
      },
    );
  };
  const approve = () => {
    run(async () => {
      await changesApi.approve(change.id, change.contentHash);
      return "Your approval is recorded.";
    });
  };
  const withdraw = () => {
    run(async () => {
      await changesApi.withdraw(change.id);
      return "The change is withdrawn.";
    });
  };
  const publish = () => {
    run(async () => {
      const published = await changesApi.publish(change.id);
      const { queued } = published.emails;
      const asked =
        queued === 0
          ? "No member is asked to acknowledge it."
          : `${queued} ${queued === 1 ? "member is" : "members are"} being emailed to acknowledge it.`;
      return `Published as version ${published.version}, effective ${published.effectiveDate}. ${asked}`;
    });
  };
  const reject = () => {
    run(async () => {
      await changesApi.reject(change.id, reason);
      return "The change is rejected.";
    });
  };

  return (
    <section className="panel panel--action" aria-labelledby="change-actions-heading">
      <h2 id="change-actions-heading">Your decision</h2>
      {error ? <Notice tone="warning">{error}</Notice> : null}
      <div className="button-row">
        {actions.approve ? (
          <button type="button" className="button" onClick={approve} disabled={pending}>
            Approve this text
          </button>
        ) : null}
        {actions.publish ? (
          <button type="button" className="button" onClick={publish} disabled={pending}>
            Publish as the new version
          </button>
        ) : null}
        {actions.reject && !rejecting ? (
          <button
            type="button"
            className="button button--warning"
            onClick={() => {
              setRejecting(true);
            }}
            disabled={pending}
          >
            Reject…
          </button>
        ) : null}
        {actions.withdraw ? (
          <button type="button" className="button button--secondary" onClick={withdraw} disabled={pending}>
            Withdraw
          </button>
        ) : null}
      </div>
      {rejecting ? (
        <div>
          <TextArea
            id="change-reject-reason"
            label="Why is it rejected?"
            value={reason}
            onChange={setReason}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button--warning"
              onClick={reject}
              disabled={pending || reason.trim() === ""}
            >
              Reject the change
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setRejecting(false);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
