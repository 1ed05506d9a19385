/**
 * What a change does, readable without color: profile values from/to, schedules from/to, and per
 * policy the changed lines, each marked "+" (added) or "−" (removed) as well as colored.
 */
import type { CSSProperties, ReactNode } from "react";
import type { ChangeDiff } from "../api/types.ts";
import { showValue } from "./changes-api.tsx";

const lineStyle: Record<"added" | "removed" | "context", CSSProperties> = {
  added: { background: "#e6f4ea", color: "#0b3d1a" },
  removed: { background: "#fce8e6", color: "#5c1a12" },
  context: { color: "#505a5f" },
};
const marker = { added: "+", removed: "−", context: " " } as const;
const spoken = { added: "Added: ", removed: "Removed: ", context: "" } as const;

export function ChangeDiffView({ diff }: { diff: ChangeDiff }): ReactNode {
  return (
    <>
      <h2>Profile values</h2>
      {diff.profile.length === 0 ? (
        <p className="muted">No profile value changes.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="table__caption">Values that differ from the version in force</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {diff.profile.map((row) => (
                <tr key={row.path}>
                  <td>
                    <code>{row.path}</code>
                  </td>
                  <td>{showValue(row.from)}</td>
                  <td>{showValue(row.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Schedules</h2>
      {diff.schedules.length === 0 ? (
        <p className="muted">No commitment's schedule changes.</p>
      ) : (
        <ul>
          {diff.schedules.map((s) => (
            <li key={s.commitmentId}>
              <code>{s.commitmentId}</code> ({s.policyId}): {s.from ?? "not in force"} → {s.to ?? "removed"}
            </li>
          ))}
        </ul>
      )}
      <h2>Policy text</h2>
      {diff.policies.length === 0 ? <p className="muted">The text of the policies does not change.</p> : null}
      {diff.policies.map((policy) => (
        <section key={policy.policyId} aria-labelledby={`diff-${policy.policyId}`}>
          <h3 id={`diff-${policy.policyId}`}>
            {policy.title}{" "}
            {policy.status === "changed" ? null : <span className="muted">({policy.status})</span>}
          </h3>
          {policy.hunks.map((hunk, index) => (
            <pre
              key={index}
              aria-label={`Lines from ${hunk.oldStart} (before) and ${hunk.newStart} (after)`}
              style={{
                whiteSpace: "pre-wrap",
                border: "1px solid #b1b4b6",
                padding: "0.5rem",
                fontSize: "0.9rem",
              }}
            >
              {hunk.lines.map((line, i) => (
                <div key={i} style={lineStyle[line.kind]}>
                  <span aria-hidden="true">{marker[line.kind]} </span>
                  <span className="visually-hidden">{spoken[line.kind]}</span>
                  {line.text}
                </div>
              ))}
            </pre>
          ))}
        </section>
      ))}
    </>
  );
}
