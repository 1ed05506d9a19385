/**
 * Helpers for the profile, policy and audit-trail tests: the example profile as a request body, a
 * signed-in client for any user of any organization (the other organization's owner in
 * cross-organization tests), and small readers of what was stored.
 */
import { readFileSync } from "node:fs";
import type { InjectOptions } from "fastify";
import { parse } from "yaml";
import { createSession, sessionCookie } from "../../src/auth/session.ts";
import type { Database } from "../../src/db/index.ts";
import { examplePath } from "./profiles.ts";
import type { Client, TestServer } from "./server.ts";

/** A fresh copy of examples/brightpath-saas.yaml as the JSON a form would send. */
export function brightpathBody(): Record<string, unknown> & {
  organization: Record<string, unknown>;
  access: Record<string, unknown>;
  governance: Record<string, unknown>;
} {
  return parse(readFileSync(examplePath("brightpath-saas.yaml"), "utf8")) as ReturnType<
    typeof brightpathBody
  >;
}

/** A client signed in (second factor done) as `userId` in `organizationId`. */
export async function clientFor(
  server: TestServer,
  db: Database,
  userId: string,
  organizationId: string,
): Promise<Client> {
  const session = await db.transaction((tx) =>
    createSession(tx, { userId, organizationId, mfaVerified: true, now: server.clock.now() }),
  );
  const request = (options: InjectOptions) =>
    server.app.inject({
      ...options,
      headers: {
        cookie: `${sessionCookie}=${session.token}`,
        "x-csrf-token": session.csrfToken,
        ...options.headers,
      },
    });
  const withBody = (method: "POST" | "PUT", url: string, body: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    request,
    get: (url) => request({ method: "GET", url }),
    post: (url, body) => withBody("POST", url, body),
    put: (url, body) => withBody("PUT", url, body),
    delete: (url) => request({ method: "DELETE", url }),
  };
}

export interface StoredEvent {
  seq: number;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  changes: Record<string, unknown>;
}

/** The organization's audit events in chain order. */
export async function eventsOf(
  db: Database,
  organizationId: string,
  action?: string,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<StoredEvent>(
    `SELECT seq, actor_id AS "actorId", action, target_type AS "targetType", target_id AS "targetId", changes
       FROM audit_events WHERE organization_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY seq`,
    [organizationId, action ?? null],
  );
  return rows;
}

/** Rows of a table that belong to the organization. */
export async function countRows(
  db: Database,
  table: "profile_versions" | "policy_versions" | "acknowledgments",
  organizationId: string,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`,
    [organizationId],
  );
  return rows[0]!.n;
}

/** The error body every route answers with. */
export interface ErrorBody {
  error: { code: string; message: string; fields: { field: string; message: string }[] };
}
