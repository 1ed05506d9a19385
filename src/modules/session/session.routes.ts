/** GET /api/v1/session: the current caller, for the UI to decide what to show. */
import { abilities } from "../../auth/permissions.ts";
import { AppError } from "../../server/errors.ts";
import { defineRoute } from "../../server/route.ts";
import { SessionView } from "./session.schema.ts";

export const sessionRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/session",
    summary: "The signed-in user, organization, roles and abilities",
    tag: "session",
    // Reachable before the second factor is verified, so the UI can ask for it.
    access: "public",
    response: { status: 200, schema: SessionView },
    async handler({ deps, auth }) {
      if (!auth) throw new AppError("unauthenticated", "sign in first");
      const { rows } = await deps.db.query<{
        email: string;
        display_name: string;
        totp_enabled_at: Date | null;
        slug: string;
        name: string;
      }>(
        `SELECT u.email, u.display_name, u.totp_enabled_at, o.slug, o.name
           FROM users u JOIN organizations o ON o.id = $2 WHERE u.id = $1`,
        [auth.userId, auth.organizationId],
      );
      const row = rows[0];
      if (!row) throw new AppError("unauthenticated", "sign in first");
      return {
        user: { id: auth.userId, email: row.email, displayName: row.display_name },
        organization: { id: auth.organizationId, slug: row.slug, name: row.name },
        roles: auth.roles,
        abilities: auth.mfaRequired && !auth.mfaVerified ? [] : abilities(auth.roles),
        csrfToken: auth.csrfToken,
        mfa: {
          required: auth.mfaRequired,
          verified: auth.mfaVerified,
          enrolled: row.totp_enabled_at !== null,
        },
      };
    },
  }),
];
