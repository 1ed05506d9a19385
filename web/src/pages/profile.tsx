/**
 * The organization profile, edited through a form generated from the profile's JSON Schema: the
 * same schema the server validates with, so hints and rules cannot drift from the API.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { api } from "../api/endpoints.ts";
import type { JsonSchema, ProfileRecord, ProfileSaved, ProfileVersion } from "../api/types.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { ResourceView } from "../components/resource-view.tsx";
import { DateTime, Notice, PageHeading } from "../components/status.tsx";
import { useResource } from "../components/use-resource.ts";
import { useSubmit } from "../components/use-submit.ts";
import { ProfileFormContext, SchemaField, type FormContext } from "../profile-form/fields.tsx";
import { controlId, humanize, initialValue, pathKey, setAt, type Path } from "../profile-form/schema.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { ProfileVersions, SavedNotice } from "./profile-versions.tsx";

interface Loaded {
  schema: JsonSchema;
  record: ProfileRecord | null;
  versions: ProfileVersion[];
}

const loadAll = async (): Promise<Loaded> => {
  const [form, record, list] = await Promise.all([api.profileForm(), api.profile(), api.profileVersions()]);
  return { schema: form.schema, record, versions: list.versions };
};

export function ProfilePage(): ReactNode {
  const [resource, reload] = useResource(loadAll);
  return (
    <>
      <PageHeading title="Organization profile" />
      <ResourceView resource={resource} what="profile">
        {(loaded) => <ProfileEditor loaded={loaded} onSaved={reload} />}
      </ResourceView>
    </>
  );
}

/** The id of the closest control for a path the server named (a list item maps to its text area). */
function nearestControl(path: string): string | undefined {
  const parts = path.split(".").filter(Boolean);
  for (let length = parts.length; length > 0; length--) {
    const id = controlId(parts.slice(0, length));
    if (document.getElementById(id)) return id;
  }
  return undefined;
}

function ProfileEditor({ loaded, onSaved }: { loaded: Loaded; onSaved: () => void }): ReactNode {
  const { can } = useSession();
  const { schema, record, versions } = loaded;
  const [value, setValue] = useState<unknown>(() => record?.data ?? initialValue(schema));
  const [saved, setSaved] = useState<ProfileSaved | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const editable = can("profile:update");

  const baseVersion = record?.version ?? null;
  const action = useCallback(async () => {
    setSaved(null);
    setSaved(await api.saveProfile(value, baseVersion));
    onSaved();
    requestAnimationFrame(() => savedRef.current?.focus());
  }, [value, baseVersion, onSaved]);
  const naming = useMemo(
    () => ({
      controlId: nearestControl,
      label: (path: string) =>
        path
          .split(".")
          .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : humanize(part)))
          .join(" › "),
    }),
    [],
  );
  const form = useSubmit(action, naming);
  const { fieldErrors } = form;
  const context = useMemo<FormContext>(
    () => ({
      set: (path: Path, next: unknown) => {
        setValue((previous: unknown) => setAt(previous, path, next));
      },
      errorAt: (path: Path, deep = false) => {
        const key = pathKey(path);
        if (fieldErrors[key]) return fieldErrors[key];
        if (!deep) return undefined;
        return Object.entries(fieldErrors).find(([other]) => other.startsWith(`${key}.`))?.[1];
      },
    }),
    [fieldErrors],
  );

  const sections = Object.entries(schema.properties ?? {});
  const current = value as Record<string, unknown>;
  return (
    <div className="with-sidebar">
      <nav className="toc" aria-labelledby="profile-toc-title">
        <h2 id="profile-toc-title" className="toc__title">
          Sections
        </h2>
        <ol className="toc__list">
          {sections.map(([key]) => (
            <li key={key}>
              <a href={`#${controlId([key])}`}>{humanize(key)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div>
        <p className="lead">
          The profile describes your organization once; the policies state its values. After saving,{" "}
          <Link to="/policies">publish the policies</Link> again so they follow.
        </p>
        {record ? (
          <p className="muted">
            Version {record.version}, saved <DateTime value={record.createdAt} />
            {record.createdByName ? ` by ${record.createdByName}` : null}.
          </p>
        ) : (
          <Notice tone="info">No profile saved yet. Fill in the form and save the first version.</Notice>
        )}
        {!editable ? <Notice tone="info">Your role can read the profile but not change it.</Notice> : null}
        {saved ? <SavedNotice saved={saved} noticeRef={savedRef} /> : null}
        <ErrorSummary items={form.summary} />
        <ProfileFormContext.Provider value={context}>
          <form onSubmit={form.onSubmit} noValidate>
            <fieldset className="fieldset--plain" disabled={!editable}>
              {sections.map(([key, node]) => (
                <SchemaField
                  key={key}
                  path={[key]}
                  node={node}
                  value={current[key]}
                  label={humanize(key)}
                  depth={1}
                />
              ))}
            </fieldset>
            {editable ? (
              <button type="submit" className="button" disabled={form.pending}>
                {form.pending ? "Saving…" : "Save profile"}
              </button>
            ) : null}
          </form>
        </ProfileFormContext.Provider>
        <ProfileVersions versions={versions} />
      </div>
    </div>
  );
}
