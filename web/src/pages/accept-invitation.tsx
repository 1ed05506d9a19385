/** The page an invitation link opens: choose a password (or confirm yours) and join the organization. */
import { useCallback, useMemo, useState, type SubmitEvent, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { TextField } from "../components/fields.tsx";
import { Notice, PageHeading } from "../components/status.tsx";
import { useSubmit } from "../components/use-submit.ts";
import { navigate, useLocation } from "../router.tsx";

const fields: Record<string, { id: string; label: string }> = {
  displayName: { id: "accept-name", label: "Your name" },
  password: { id: "accept-password", label: "Password" },
  confirm: { id: "accept-confirm", label: "Confirm password" },
  token: { id: "accept-password", label: "Invitation link" },
};

export function AcceptInvitationPage(): ReactNode {
  const { search } = useLocation();
  const token = search.get("token") ?? "";
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");

  const action = useCallback(async () => {
    const joined = await api.acceptInvitation({
      token,
      password,
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
    });
    navigate(`/sign-in`, {
      replace: true,
      notice: `You have joined ${joined.organization.name}. Sign in with ${joined.email} and your password.`,
    });
  }, [token, password, displayName]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => fields[path]?.id,
      label: (path: string) => fields[path]?.label ?? path,
    }),
    [],
  );
  const form = useSubmit(action, naming);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      form.fail([{ path: "confirm", message: "enter the same password twice" }]);
      return;
    }
    form.onSubmit();
  };

  if (!token) {
    return (
      <div className="narrow">
        <PageHeading title="Accept your invitation" />
        <Notice tone="warning">
          <p>
            This page needs the link from your invitation email. Open the link from the email again, or ask
            the person who invited you to send a new invitation.
          </p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading title="Accept your invitation" />
      <p className="lead">
        Choose the password you will sign in with. If you already have a Steward account, enter its password
        to join this organization too.
      </p>
      <ErrorSummary items={form.summary} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="accept-name"
          label="Your name (optional)"
          hint="Leave empty to keep the name you were invited with."
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={form.fieldErrors.displayName}
        />
        <TextField
          id="accept-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="Your organization sets the minimum length. A long passphrase is easiest to remember."
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password ?? form.fieldErrors.token}
        />
        <TextField
          id="accept-confirm"
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={form.fieldErrors.confirm}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Joining…" : "Join the organization"}
        </button>
      </form>
    </div>
  );
}
