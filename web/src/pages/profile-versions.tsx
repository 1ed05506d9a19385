/** Saved versions of the profile, newest first: when each was saved and by whom. */
import type { ReactNode, RefObject } from "react";
import type { ProfileSaved, ProfileVersion } from "../api/types.ts";
import { DataTable } from "../components/data-table.tsx";
import { Link } from "../router.tsx";
import { DateTime, StatusTag } from "../components/status.tsx";

export function ProfileVersions({ versions }: { versions: ProfileVersion[] }): ReactNode {
  if (versions.length === 0) return null;
  return (
    <section className="section" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Saved versions</h2>
      <DataTable
        caption="Every save keeps the previous version."
        rows={versions}
        rowKey={(row) => String(row.version)}
        initialSort={{ key: "version", direction: "descending" }}
        columns={[
          { key: "version", header: "Version", cell: (row) => row.version, sortValue: (row) => row.version },
          { key: "saved", header: "Saved", cell: (row) => <DateTime value={row.createdAt} /> },
          { key: "by", header: "Saved by", cell: (row) => row.createdByName ?? "Command line" },
          {
            key: "current",
            header: "Status",
            cell: (row) => (row.isCurrent ? <StatusTag tone="success">Current</StatusTag> : "Earlier"),
          },
        ]}
      />
    </section>
  );
}

/** After a save: which version was stored, lint warnings worth a look, and the next step. */
export function SavedNotice({
  saved,
  noticeRef,
}: {
  saved: ProfileSaved;
  noticeRef: RefObject<HTMLDivElement | null>;
}): ReactNode {
  return (
    <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
      {saved.created ? (
        <p>
          Profile saved as version {saved.version}. <Link to="/policies">Publish the policies</Link> so they
          state the new values.
        </p>
      ) : (
        <p>Nothing changed since version {saved.version}: no new version was saved.</p>
      )}
      {saved.warnings.length > 0 ? (
        <>
          <p>Saved, with {saved.warnings.length === 1 ? "a warning" : "warnings"} worth a look:</p>
          <ul>
            {saved.warnings.map((warning) => (
              <li key={warning.field + warning.message}>
                <code>{warning.field}</code>: {warning.message}
                {warning.citation ? ` (${warning.citation})` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
