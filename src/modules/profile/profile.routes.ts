/** The organization profile: read the current version and its history, save a new one, the form. */
import { notFound } from "../../server/errors.ts";
import { defineRoute } from "../../server/route.ts";
import { presentFinding, presentProfileVersion, presentVersionListItem } from "./profile.presenter.ts";
import { findCurrentProfile, listProfileVersions } from "./profile.repo.ts";
import {
  ProfileBody,
  ProfileForm,
  profileFormSchema,
  ProfileVersionList,
  ProfileVersionView,
  SaveProfileQuery,
  SaveProfileResult,
} from "./profile.schema.ts";
import { saveProfile } from "./profile.service.ts";

export const profileRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/profile",
    summary: "The organization's current profile",
    tag: "profile",
    access: "profile:read",
    response: { status: 200, schema: ProfileVersionView },
    async handler({ deps, auth }) {
      const current = await findCurrentProfile(deps.db, auth!.organizationId);
      if (!current) throw notFound("profile");
      return presentProfileVersion(current);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/profile/versions",
    summary: "Every saved version of the profile, newest first",
    tag: "profile",
    access: "profile:read",
    response: { status: 200, schema: ProfileVersionList },
    async handler({ deps, auth }) {
      const rows = await listProfileVersions(deps.db, auth!.organizationId);
      return { versions: rows.map(presentVersionListItem) };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/profile/form",
    summary: "The JSON Schema the profile form is built from, field descriptions included",
    tag: "profile",
    access: "profile:read",
    response: { status: 200, schema: ProfileForm },
    handler: () => Promise.resolve({ schema: profileFormSchema }),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/v1/profile",
    summary: "Save the whole profile as a new version (400 lists every field error)",
    tag: "profile",
    access: "profile:update",
    query: SaveProfileQuery,
    body: ProfileBody,
    response: { status: 200, schema: SaveProfileResult },
    async handler({ deps, auth }, { query, body }) {
      const saved = await saveProfile({
        db: deps.db,
        organizationId: auth!.organizationId,
        actor: { type: "user", id: auth!.userId },
        data: body,
        now: deps.clock.now(),
        baseVersion: query.baseVersion,
      });
      return {
        ...presentProfileVersion(saved.version),
        created: saved.created,
        warnings: saved.warnings.map(presentFinding),
      };
    },
  }),
];
