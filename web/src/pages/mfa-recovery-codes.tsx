/**
 * Recovery codes, shown once right after enrollment. They are never shown again, so the page says
 * so plainly and offers a text file made in the browser (nothing is sent anywhere).
 */
import { useEffect, useRef, type ReactNode } from "react";
import { PageHeading } from "../components/status.tsx";

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }): ReactNode {
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(
    `Steward recovery codes\nEach code works once.\n\n${codes.join("\n")}\n`,
  )}`;
  return (
    <div className="narrow" ref={heading} tabIndex={-1}>
      <PageHeading title="Save your recovery codes" />
      <div className="notice notice--warning">
        <p>
          <strong>These codes are shown only this once.</strong> If you lose access to your authenticator app,
          each code lets you sign in one time. Keep them in your password manager.
        </p>
      </div>
      <ul className="recovery-codes" aria-label="Recovery codes" id="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a className="button button--secondary" href={file} download="steward-recovery-codes.txt">
          Download as a text file
        </a>
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have saved my recovery codes
      </button>
    </div>
  );
}
