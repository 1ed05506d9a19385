/** Checks the organization's hash chain on demand and says plainly whether it is intact. */
import { useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { AuditVerification } from "../api/types.ts";
import { StatusTag } from "../components/status.tsx";

export function AuditVerify(): ReactNode {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const verify = () => {
    setPending(true);
    setError(null);
    api.verifyAudit().then(
      (outcome) => {
        setResult(outcome);
        setPending(false);
      },
      (failure: unknown) => {
        setError(failure instanceof Error ? failure.message : "Something went wrong. Try again.");
        setPending(false);
      },
    );
  };
  return (
    <div className="toolbar__group">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={verify}
        disabled={pending}
      >
        {pending ? "Verifying…" : "Verify the chain"}
      </button>
      <div role="status" className="verify-result">
        {error ? <StatusTag tone="warning">Could not verify: {error}</StatusTag> : null}
        {result?.ok === true ? (
          <>
            <StatusTag tone="success">Intact</StatusTag> All {result.count} events verified.
          </>
        ) : null}
        {result?.ok === false ? (
          <>
            <StatusTag tone="danger">Broken</StatusTag> Event #{result.seq} was {result.problem}:{" "}
            {result.detail}
          </>
        ) : null}
      </div>
    </div>
  );
}
