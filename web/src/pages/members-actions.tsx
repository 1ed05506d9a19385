/** The panel under the members table for the member being changed: new roles, or removal. */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { Member } from "../api/types.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { CheckboxGroup, FormActions } from "../components/fields.tsx";
import { isRole, roleOptions } from "../components/roles.ts";
import { useSubmit } from "../components/use-submit.ts";

export type MemberAction = { kind: "roles" | "remove"; member: Member };

export function MemberActionPanel({
  action,
  onCancel,
  onDone,
}: {
  action: MemberAction;
  onCancel: () => void;
  onDone: (message: string) => void;
}): ReactNode {
  const { member } = action;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const [roles, setRoles] = useState<string[]>(member.roles);
  const submit = useCallback(async () => {
    if (action.kind === "roles") {
      await api.setRoles(member.id, roles.filter(isRole));
      onDone(`Roles of ${member.displayName} updated.`);
    } else {
      await api.removeMember(member.id);
      onDone(`${member.displayName} was removed and can no longer sign in to this organization.`);
    }
  }, [action.kind, member, roles, onDone]);
  const naming = useMemo(
    () => ({
      controlId: (path: string) => (path.startsWith("roles") ? "member-roles" : undefined),
      label: () => "Roles",
    }),
    [],
  );
  const form = useSubmit(submit, naming);
  const title =
    action.kind === "roles" ? `Change the roles of ${member.displayName}` : `Remove ${member.displayName}?`;

  return (
    <section className="panel panel--action" aria-labelledby="member-action-heading">
      <h2 id="member-action-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <ErrorSummary items={form.summary} />
      <form onSubmit={form.onSubmit} noValidate>
        {action.kind === "roles" ? (
          <CheckboxGroup
            id="member-roles"
            label="Roles"
            options={roleOptions}
            values={roles}
            onChange={setRoles}
            error={form.fieldErrors.roles}
          />
        ) : (
          <p>
            {member.displayName} ({member.email}) loses access to this organization at once. Their past
            actions stay in the audit log.
          </p>
        )}
        <FormActions
          label={action.kind === "roles" ? "Save roles" : "Remove member"}
          pendingLabel="Saving…"
          pending={form.pending}
          warning={action.kind === "remove"}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
