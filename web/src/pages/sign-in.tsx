/** Sign in with email and password; then the second factor when the user's roles require it. */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { TextField } from "../components/fields.tsx";
import { Notice, PageHeading } from "../components/status.tsx";
import { useSubmit } from "../components/use-submit.ts";
import { navigate, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";

const labels: Record<string, string> = {
  email: "Email address",
  password: "Password",
  organization: "Organization",
};

/** Only a path of this app: never `//other.host` or `https://...` (an open redirect). */
const localPath = (next: string | null) => (next && /^\/(?![/\\])/.test(next) ? next : null);

/** Where to go once signed in: the second factor first when it is still owed, then `next`. */
export function afterSignIn(mfaPending: boolean, next: string | null): void {
  const target = localPath(next);
  if (mfaPending) navigate(`/mfa${target ? `?next=${encodeURIComponent(target)}` : ""}`, { replace: true });
  else navigate(target ?? "/", { replace: true });
}

export function SignInPage(): ReactNode {
  const { notice, search } = useLocation();
  const { refresh } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [organization, setOrganization] = useState("");

  const action = useCallback(async () => {
    await api.signIn({
      email,
      password,
      ...(organization.trim() ? { organization: organization.trim() } : {}),
    });
    const state = await refresh();
    if (state.status !== "signed-in") throw new Error("the session did not start");
    const { mfa } = state.session;
    afterSignIn(mfa.required && !mfa.verified, search.get("next"));
  }, [email, password, organization, refresh, search]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => (path in labels ? `sign-in-${path}` : undefined),
      label: (path: string) => labels[path] ?? path,
    }),
    [],
  );
  const form = useSubmit(action, naming);

  return (
    <div className="narrow">
      <PageHeading title="Sign in" />
      {/* Once the form reports a problem, the note about how the user got here is old news. */}
      {notice && form.summary.length === 0 ? (
        <Notice tone={notice.includes("inactivity") ? "warning" : "info"}>{notice}</Notice>
      ) : null}
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          id="sign-in-email"
          label={labels.email}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={form.fieldErrors.email}
        />
        <TextField
          id="sign-in-password"
          label={labels.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
        />
        <details className="details" open={Boolean(form.fieldErrors.organization) || undefined}>
          <summary>Member of more than one organization?</summary>
          <TextField
            id="sign-in-organization"
            label="Organization short name (optional)"
            hint="Only needed when this email address belongs to several organizations, for example northwind."
            width="medium"
            autoComplete="organization"
            value={organization}
            onChange={setOrganization}
            error={form.fieldErrors.organization}
          />
        </details>
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </div>
  );
}
