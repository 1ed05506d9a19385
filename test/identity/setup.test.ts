/**
 * First-run setup over HTTP: offered once, creates the organization and its owner in one
 * transaction, and leaves nothing behind when a step fails.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { verifyAuditChain } from "../../src/audit/index.ts";
import type { Database } from "../../src/db/index.ts";
import { securitySettingsFor } from "../../src/modules/identity/security-settings.ts";
import { buildApp } from "../../src/server/app.ts";
import { forEachDatabase } from "../support/databases.ts";
import { ManualClock } from "../support/server.ts";
import { auditEvents, emptyDatabase, errorOf, goodPassword, signIn } from "./support.ts";

const setup = {
  organization: { slug: "northwind", name: "Northwind Health" },
  admin: { email: "Ana.Lima@Northwind.example", displayName: "Ana Lima", password: goodPassword },
};

forEachDatabase("setup", (context) => {
  let db: Database;
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  before(async () => {
    const store = await emptyDatabase(context.engine);
    db = store.db;
    dispose = () => store.dispose();
    const deps = { db, clock: new ManualClock(), secureCookies: true, webRoot: null };
    app = await buildApp({
      ...deps,
      mailer: { send: () => Promise.resolve() },
      securitySettings: securitySettingsFor(db),
    });
  });
  after(() => dispose());
  const post = (body: unknown) =>
    app.inject({ method: "POST", url: "/api/v1/setup", payload: body as object });
  const needed = async () =>
    (await app.inject({ method: "GET", url: "/api/v1/setup" })).json<{ needed: boolean }>();
  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it("answers each bad body with the field and the problem", async () => {
    const bad = await post({
      organization: { slug: "North Wind", name: "" },
      admin: { email: "ana", displayName: "Ana" },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorOf(bad).fields, [
      {
        field: "body.organization.slug",
        message: "expected lower-case letters and digits in groups joined by single hyphens",
      },
      { field: "body.organization.name", message: "expected the organization's name" },
      { field: "body.admin.email", message: "expected an email address" },
      { field: "body.admin.password", message: "expected a password" },
    ]);
    const weak = await post({ ...setup, admin: { ...setup.admin, password: "ana lima 2026 password" } });
    assert.deepEqual(errorOf(weak).fields, [
      { field: "body.admin.password", message: "must not contain your name" },
    ]);
    assert.deepEqual(await needed(), { needed: true });
  });

  it("leaves nothing behind when a step of setup fails", async () => {
    // Failure injection: the second insert of setup (the owner's account) fails inside the transaction.
    await db.query(`CREATE FUNCTION fail_user_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END; $$`);
    await db.query(
      "CREATE TRIGGER fail_user_insert BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION fail_user_insert()",
    );
    try {
      const failed = await post(setup);
      assert.equal(failed.statusCode, 500);
      assert.deepEqual(errorOf(failed), { code: "internal", message: "internal error", fields: [] });
    } finally {
      await db.query("DROP TRIGGER fail_user_insert ON users");
      await db.query("DROP FUNCTION fail_user_insert()");
    }
    for (const table of ["organizations", "users", "memberships", "audit_events", "audit_chain_heads"])
      assert.equal(await count(table), 0, table);
    assert.deepEqual(await needed(), { needed: true });
  });

  it("creates the organization and its owner once, then refuses", async () => {
    const created = await post(setup);
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json<{
      organization: { id: string; slug: string; name: string };
      user: { id: string; email: string };
    }>();
    assert.deepEqual(body.organization, {
      id: body.organization.id,
      slug: "northwind",
      name: "Northwind Health",
    });
    assert.equal(body.user.email, "ana.lima@northwind.example");
    assert.deepEqual(await needed(), { needed: false });
    const again = await post({ ...setup, organization: { slug: "other", name: "Other" } });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(errorOf(again), {
      code: "conflict",
      message: "Steward is already set up; sign in instead",
      fields: [],
    });
    assert.equal(await count("organizations"), 1);

    const { response } = await signIn({ app }, { email: setup.admin.email, password: goodPassword });
    assert.equal(response.statusCode, 200);
    const session = response.json<{ roles: string[]; mfa: { required: boolean } }>();
    assert.deepEqual(session.roles, ["owner", "security-officer"]);
    assert.equal(session.mfa.required, true);
    const events = await auditEvents(db, body.organization.id);
    assert.deepEqual(
      events.map((e) => [e.action, e.actorId]),
      [
        ["organization.created", body.user.id],
        ["membership.created", body.user.id],
      ],
    );
    assert.deepEqual(await verifyAuditChain(db, { organizationId: body.organization.id }), {
      ok: true,
      count: 2,
      organizations: 1,
    });
  });
});
