/**
 * Helpers for identity tests: give a seeded member a password, sign in through the API and keep the
 * cookie and CSRF token like a browser, read audit events, and open an empty database.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { sessionCookie } from "../../src/auth/session.ts";
import { openDatabase, type Database, type Engine, type Queryable } from "../../src/db/index.ts";
import { hashPassword } from "../../src/modules/identity/password.ts";
import { createStore } from "../support/databases.ts";
import type { Client, TestServer } from "../support/server.ts";

export const goodPassword = "a long and unusual passphrase";

export async function givePassword(db: Database, userId: string, password = goodPassword): Promise<void> {
  await db.query("UPDATE users SET password_hash = $2 WHERE id = $1", [userId, await hashPassword(password)]);
}

/** A client that sends the cookie and CSRF token a sign-in returned. */
export function browser(app: FastifyInstance, token: string | null, csrf: string | null): Client {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        ...(token ? { cookie: `${sessionCookie}=${token}` } : {}),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
        ...options.headers,
      },
    });
  const send = (method: "POST" | "PUT", url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    request,
    get: (url) => request({ method: "GET", url }),
    post: (url, body) => send("POST", url, body),
    put: (url, body) => send("PUT", url, body),
    delete: (url) => request({ method: "DELETE", url }),
  };
}

export interface SignedIn {
  response: LightMyRequestResponse;
  client: Client;
}

/** POST /api/v1/auth/sign-in; on success `client` carries the new session. */
export async function signIn(
  server: Pick<TestServer, "app">,
  body: { email: string; password: string; organization?: string },
): Promise<SignedIn> {
  const response = await server.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: body });
  const token = response.cookies.find((c) => c.name === sessionCookie)?.value ?? null;
  const csrf = response.statusCode === 200 ? response.json<{ csrfToken: string }>().csrfToken : null;
  return { response, client: browser(server.app, token, csrf) };
}

export const errorOf = (response: LightMyRequestResponse) =>
  response.json<{ error: { code: string; message: string; fields: { field: string; message: string }[] } }>()
    .error;

/** The organization's audit events in chain order: action, target id and changes. */
export async function auditEvents(q: Queryable, organizationId: string, action?: string) {
  const { rows } = await q.query<{ action: string; targetId: string; actorId: string; changes: unknown }>(
    `SELECT action, target_id AS "targetId", actor_id AS "actorId", changes FROM audit_events
      WHERE organization_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY seq`,
    [organizationId, action ?? null],
  );
  return rows;
}

/** An empty, migrated database of its own on `engine`, for tests that need no organization at all. */
export async function emptyDatabase(engine: Engine): Promise<{ db: Database; dispose(): Promise<void> }> {
  if (engine === "pglite") {
    const db = await openDatabase({ dataDir: "memory://" });
    return { db, dispose: () => db.close() };
  }
  const store = await createStore(engine);
  const db = await openDatabase(store.options);
  return {
    db,
    async dispose() {
      await db.close();
      await store.dispose();
    },
  };
}
