/** Invite someone by email: the link arrives by email (or on the server console without SMTP). */
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { CheckboxGroup, TextField } from "../components/fields.tsx";
import { isRole, roleOptions } from "../components/roles.ts";
import { useSubmit } from "../components/use-submit.ts";

const fields: Record<string, { id: string; label: string }> = {
  email: { id: "invite-email", label: "Email address" },
  displayName: { id: "invite-name", label: "Name" },
  roles: { id: "invite-roles", label: "Roles" },
};
const top = (path: string) => path.split(".")[0]!;

export function InviteForm({ onInvited }: { onInvited: (message: string) => void }): ReactNode {
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [roles, setRoles] = useState<string[]>(["workforce-member"]);
  const action = useCallback(async () => {
    const result = await api.invite({ email, displayName, roles: roles.filter(isRole) });
    onInvited(
      result.emailSent
        ? `Invitation sent to ${result.invitation.email}. They choose a password from the link in the email.`
        : `The invitation for ${result.invitation.email} was created, but the email could not be sent. Check the server's SMTP settings, then invite again.`,
    );
    setEmail("");
    setDisplayName("");
    setRoles(["workforce-member"]);
  }, [email, displayName, roles, onInvited]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => fields[top(path)]?.id,
      label: (path: string) => fields[top(path)]?.label ?? path,
    }),
    [],
  );
  const form = useSubmit(action, naming);
  const error = (key: string) => Object.entries(form.fieldErrors).find(([path]) => top(path) === key)?.[1];

  return (
    <section className="section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a member</h2>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          id="invite-email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={error("email")}
        />
        <TextField
          id="invite-name"
          label="Name"
          hint="As it should appear in Steward and the audit log."
          value={displayName}
          onChange={setDisplayName}
          error={error("displayName")}
        />
        <CheckboxGroup
          id="invite-roles"
          label="Roles"
          hint="Choose at least one. Owners and officers must set up two-factor authentication."
          options={roleOptions}
          values={roles}
          onChange={setRoles}
          error={error("roles")}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send invitation"}
        </button>
      </form>
    </section>
  );
}
