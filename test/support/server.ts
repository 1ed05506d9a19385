/**
 * An application on a test database with one organization, one member per role, a controlled
 * clock and a mailer that keeps what it sent. `as(role)` returns a client signed in as that role
 * (second factor done), sending the session cookie and CSRF token like the web UI.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { roles, type Role } from "../../src/auth/permissions.ts";
import { createSession, sessionCookie } from "../../src/auth/session.ts";
import type { Database } from "../../src/db/index.ts";
import { generateEvidenceKeyRing } from "../../src/evidence/keyring.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AppDeps, Clock, SecuritySettings } from "../../src/server/deps.ts";

export class ManualClock implements Clock {
  constructor(private current = new Date("2026-03-02T09:00:00Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
  /** Moves to an instant such as "2026-03-20T17:00:00Z" (forward or back). */
  setTo(instant: string): void {
    this.current = new Date(instant);
  }
}

export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  app: FastifyInstance;
  clock: ManualClock;
  sent: { to: string; subject: string; text: string }[];
  /** Resolves once the mail that requests queued has been sent (the outbox runs after the answer). */
  mailDelivered(): Promise<void>;
  organization: { id: string; slug: string };
  members: Record<Role, { id: string; email: string }>;
  anonymous: Client;
  as(role: Role, organizationId?: string): Promise<Client>;
  /** Seeds another organization with its own owner, for cross-organization tests. */
  otherOrganization(): Promise<{ id: string; ownerId: string }>;
}

/** The evidence key ring of every test server: one random key for the whole test process. */
export const testEvidenceKeys = generateEvidenceKeyRing("test-key").ring;

export const defaultSettings: SecuritySettings = {
  idleLogoffMinutes: 15,
  lockoutAttempts: 5,
  lockoutMinutes: 30,
  passwordMinLength: 12,
};

function client(app: FastifyInstance, cookie: string | null, csrf: string | null): Client {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        ...(cookie ? { cookie: `${sessionCookie}=${cookie}` } : {}),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
        ...options.headers,
      },
    });
  return {
    request,
    get: (url) => request({ method: "GET", url }),
    post: (url, body) =>
      request({ method: "POST", url, ...(body === undefined ? {} : { payload: body as object }) }),
    put: (url, body) =>
      request({ method: "PUT", url, ...(body === undefined ? {} : { payload: body as object }) }),
    delete: (url) => request({ method: "DELETE", url }),
  };
}

async function seedOrganization(db: Database, slug: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO organizations (slug, name) VALUES ($1, $2) RETURNING id",
    [slug, `Org ${slug}`],
  );
  return rows[0]!.id;
}

async function seedMember(db: Database, organizationId: string, role: Role, email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id",
    [email, `Test ${role}`],
  );
  await db.query("INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)", [
    organizationId,
    rows[0]!.id,
    role,
  ]);
  return rows[0]!.id;
}

export async function startTestServer(db: Database, overrides: Partial<AppDeps> = {}): Promise<TestServer> {
  const clock = new ManualClock();
  const sent: TestServer["sent"] = [];
  const deps: AppDeps = {
    db,
    clock,
    mailer: { send: (message) => Promise.resolve(void sent.push(message)) },
    secureCookies: true,
    securitySettings: () => Promise.resolve(defaultSettings),
    webRoot: null,
    evidenceKeys: testEvidenceKeys,
    ...overrides,
  };
  const app = await buildApp(deps);
  const slug = `org-${Math.random().toString(36).slice(2, 8)}`;
  const organizationId = await seedOrganization(db, slug);
  const members = {} as TestServer["members"];
  for (const role of roles) {
    const email = `${role}@${slug}.example`;
    members[role] = { id: await seedMember(db, organizationId, role, email), email };
  }
  return {
    app,
    clock,
    sent,
    mailDelivered: () => deps.outbox!.idle(),
    organization: { id: organizationId, slug },
    members,
    anonymous: client(app, null, null),
    async as(role, orgId = organizationId) {
      const session = await db.transaction((tx) =>
        createSession(tx, {
          userId: members[role].id,
          organizationId: orgId,
          mfaVerified: true,
          now: clock.now(),
        }),
      );
      return client(app, session.token, session.csrfToken);
    },
    async otherOrganization() {
      const id = await seedOrganization(db, `other-${Math.random().toString(36).slice(2, 8)}`);
      const ownerId = await seedMember(db, id, "owner", `owner@${id}.example`);
      return { id, ownerId };
    },
  };
}
