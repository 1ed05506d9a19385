/**
 * The second factor: enrollment (setup key shown as text, no QR service: nothing leaves the
 * browser), confirmation with a first code, recovery codes shown once, and verification at sign-in.
 */
import { useCallback, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import { Link, useLocation } from "../router.tsx";
import { Notice, PageHeading } from "../components/status.tsx";
import { useSession, useSignedIn } from "../session.tsx";
import { CodeForm } from "./mfa-code-form.tsx";
import { RecoveryCodes } from "./mfa-recovery-codes.tsx";
import { afterSignIn } from "./sign-in.tsx";

/** Groups of four characters are easier to type into an authenticator app. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export function MfaPage(): ReactNode {
  const session = useSignedIn();
  const { search } = useLocation();
  const next = search.get("next");
  const { mfa } = session;
  if (!mfa.enrolled) return <Enroll next={next} />;
  if (!mfa.verified) return <Verify next={next} />;
  return (
    <div className="narrow">
      <PageHeading title="Two-factor authentication" />
      <Notice tone="success" title="Two-factor authentication is on">
        <p>Each sign-in asks for a code from your authenticator app.</p>
      </Notice>
      <p>
        <Link to="/">Continue to Steward</Link>
      </p>
    </div>
  );
}

function Enroll({ next }: { next: string | null }): ReactNode {
  const { refresh } = useSession();
  const [enrollment, setEnrollment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  const start = () => {
    setStarting(true);
    setStartError(null);
    api.mfaEnroll().then(
      (result) => {
        setEnrollment(result);
        setStarting(false);
      },
      (error: unknown) => {
        setStartError(error instanceof Error ? error.message : "Something went wrong. Try again.");
        setStarting(false);
      },
    );
  };
  const confirm = useCallback(async (code: string) => {
    const result = await api.mfaConfirm(code);
    setRecoveryCodes(result.recoveryCodes);
  }, []);
  const finish = async () => {
    const state = await refresh();
    afterSignIn(state.status === "signed-in" && !state.session.mfa.verified, next);
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => void finish()} />;
  return (
    <div className="narrow">
      <PageHeading title="Set up two-factor authentication" />
      <p className="lead">
        Your role requires a second factor. You need an authenticator app on your phone or computer (any app
        that supports time-based one-time codes).
      </p>
      {enrollment ? (
        <>
          <h2>1. Add Steward to your authenticator app</h2>
          <p>In the app, choose to enter a setup key by hand, and type this key:</p>
          <p className="secret">
            <code id="mfa-secret">{grouped(enrollment.secret)}</code>
          </p>
          <details className="details">
            <summary>My app accepts a link instead</summary>
            <p>Copy this address into an app that imports otpauth links:</p>
            <p className="secret secret--uri">
              <code id="mfa-uri">{enrollment.otpauthUri}</code>
            </p>
          </details>
          <h2>2. Enter the code the app shows</h2>
          <CodeForm mode="code" submitLabel="Turn on two-factor authentication" onCode={confirm} />
        </>
      ) : (
        <>
          {startError ? <Notice tone="warning">{startError}</Notice> : null}
          <button type="button" className="button" onClick={start} disabled={starting}>
            {starting ? "Creating a key…" : "Create my setup key"}
          </button>
        </>
      )}
    </div>
  );
}

function Verify({ next }: { next: string | null }): ReactNode {
  const { refresh } = useSession();
  const [mode, setMode] = useState<"code" | "recovery">("code");
  const verify = useCallback(
    async (value: string) => {
      await api.mfaVerify(mode === "code" ? { code: value } : { recoveryCode: value });
      await refresh();
      afterSignIn(false, next);
    },
    [mode, refresh, next],
  );
  return (
    <div className="narrow">
      <PageHeading title="Enter your authentication code" />
      <p className="lead">
        {mode === "code"
          ? "Open your authenticator app and enter the 6-digit code it shows for Steward."
          : "Enter one of the recovery codes you saved when you set up two-factor authentication. Each works once."}
      </p>
      <CodeForm key={mode} mode={mode} submitLabel="Continue" onCode={verify} />
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setMode(mode === "code" ? "recovery" : "code");
          }}
        >
          {mode === "code" ? "Use a recovery code instead" : "Use a code from my authenticator app"}
        </button>
      </p>
    </div>
  );
}
