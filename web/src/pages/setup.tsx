/** First start: create the organization and its owner. Offered only while no organization exists. */
import { useCallback, useMemo, useState, type ReactNode, type SubmitEvent } from "react";
import { api } from "../api/endpoints.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { TextField } from "../components/fields.tsx";
import { PageHeading } from "../components/status.tsx";
import { useSubmit } from "../components/use-submit.ts";
import { navigate } from "../router.tsx";
import { useSession } from "../session.tsx";
import { afterSignIn } from "./sign-in.tsx";

const fields = {
  "organization.name": { id: "setup-org-name", label: "Organization name" },
  "organization.slug": { id: "setup-org-slug", label: "Short name" },
  "admin.displayName": { id: "setup-admin-name", label: "Your name" },
  "admin.email": { id: "setup-admin-email", label: "Your email address" },
  "admin.password": { id: "setup-admin-password", label: "Password" },
  confirm: { id: "setup-admin-confirm", label: "Confirm password" },
} as const;
type FieldKey = keyof typeof fields;

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

export function SetupPage(): ReactNode {
  const { refresh } = useSession();
  const [values, setValues] = useState<Record<FieldKey, string>>({
    "organization.name": "",
    "organization.slug": "",
    "admin.displayName": "",
    "admin.email": "",
    "admin.password": "",
    confirm: "",
  });
  const [slugTouched, setSlugTouched] = useState(false);
  const set = (key: FieldKey) => (value: string) => {
    setValues((previous) => {
      const next = { ...previous, [key]: value };
      if (key === "organization.name" && !slugTouched) next["organization.slug"] = slugify(value);
      return next;
    });
    if (key === "organization.slug") setSlugTouched(true);
  };

  const naming = useMemo(
    () => ({
      controlId: (path: string) => (path in fields ? fields[path as FieldKey].id : undefined),
      label: (path: string) => (path in fields ? fields[path as FieldKey].label : path),
    }),
    [],
  );
  const action = useCallback(async () => {
    await api.setup({
      organization: { name: values["organization.name"], slug: values["organization.slug"] },
      admin: {
        email: values["admin.email"],
        displayName: values["admin.displayName"],
        password: values["admin.password"],
      },
    });
    const state = await refresh();
    if (state.status === "signed-in")
      afterSignIn(state.session.mfa.required && !state.session.mfa.verified, null);
    else
      navigate("/sign-in", {
        replace: true,
        notice: "Your organization is set up. Sign in with the email address and password you chose.",
      });
  }, [values, refresh]);
  const form = useSubmit(action, naming);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (values["admin.password"] !== values.confirm) {
      form.fail([{ path: "confirm", message: "enter the same password twice" }]);
      return;
    }
    form.onSubmit();
  };

  const field = (key: FieldKey) => ({
    id: fields[key].id,
    label: fields[key].label,
    value: values[key],
    onChange: set(key),
    error: form.fieldErrors[key],
  });

  return (
    <div className="narrow">
      <PageHeading title="Set up Steward" caption="First start" />
      <p className="lead">
        No organization exists yet. Create yours and its first owner account. You will set up a second factor
        right after.
      </p>
      <ErrorSummary items={form.summary} />
      <form onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend className="legend legend--large">Organization</legend>
          <TextField {...field("organization.name")} autoComplete="organization" />
          <TextField
            {...field("organization.slug")}
            hint="Lowercase letters, digits and hyphens. Used to pick the organization when signing in."
            width="medium"
            spellCheck={false}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="legend legend--large">Owner account</legend>
          <TextField {...field("admin.displayName")} autoComplete="name" />
          <TextField {...field("admin.email")} type="email" autoComplete="email" spellCheck={false} />
          <TextField
            {...field("admin.password")}
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters until your profile sets another minimum. A long passphrase is easiest."
          />
          <TextField {...field("confirm")} type="password" autoComplete="new-password" />
        </fieldset>
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? "Creating…" : "Create organization"}
        </button>
      </form>
    </div>
  );
}
