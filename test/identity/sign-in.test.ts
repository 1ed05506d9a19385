/** Sign-in, lockout, rate limit and sign-out through the API. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { sessionCookie } from "../../src/auth/session.ts";
import { forEachDatabase } from "../support/databases.ts";
import { defaultSettings, startTestServer } from "../support/server.ts";
import { auditEvents, errorOf, givePassword, goodPassword, signIn } from "./support.ts";

const wrong = { code: "unauthenticated", message: "wrong email or password", fields: [] };
const locked = {
  code: "locked",
  message: "this account is locked after too many failed attempts; try again later",
  fields: [],
};

forEachDatabase("sign-in", (context) => {
  it("signs in with the right password and sets a strict, HttpOnly session cookie", async () => {
    const server = await startTestServer(context.db);
    const member = server.members["workforce-member"];
    await givePassword(context.db, member.id);
    const { response, client } = await signIn(server, {
      email: member.email.toUpperCase(),
      password: goodPassword,
    });
    assert.equal(response.statusCode, 200);
    const body = response.json<{
      user: { id: string };
      roles: string[];
      mfa: unknown;
      organization: { slug: string };
    }>();
    assert.equal(body.user.id, member.id);
    assert.deepEqual(body.roles, ["workforce-member"]);
    assert.equal(body.organization.slug, server.organization.slug);
    assert.deepEqual(body.mfa, { required: false, enrolled: false, verified: false });
    const cookie = response.cookies.find((c) => c.name === sessionCookie)!;
    assert.deepEqual(
      { httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite, path: cookie.path },
      { httpOnly: true, secure: true, sameSite: "Strict", path: "/" },
    );
    assert.equal((await client.get("/api/v1/session")).statusCode, 200);
    const events = await auditEvents(context.db, server.organization.id, "user.signed-in");
    assert.deepEqual(
      events.map((e) => [e.targetId, e.changes]),
      [[member.id, { mfa: false }]],
    );
  });

  it("answers a wrong password, an unknown email and an account without password alike", async () => {
    const server = await startTestServer(context.db);
    const member = server.members.approver;
    await givePassword(context.db, member.id);
    const attempts = [
      { email: member.email, password: "not the password at all" },
      { email: "nobody@nowhere.example", password: goodPassword },
      { email: server.members.auditor.email, password: goodPassword },
    ];
    for (const attempt of attempts) {
      const { response } = await signIn(server, attempt);
      assert.equal(response.statusCode, 401, attempt.email);
      assert.deepEqual(errorOf(response), wrong);
      assert.equal(response.cookies.length, 0);
    }
  });

  it("locks the account after exactly lockoutAttempts failures, for lockoutMinutes", async () => {
    const settings = { ...defaultSettings, lockoutAttempts: 3, lockoutMinutes: 10 };
    const server = await startTestServer(context.db, { securitySettings: () => Promise.resolve(settings) });
    const { id, email } = server.members.hr;
    await givePassword(context.db, id);
    const bad = { email, password: "guess number one" };
    assert.deepEqual(errorOf((await signIn(server, bad)).response), wrong);
    assert.deepEqual(errorOf((await signIn(server, bad)).response), wrong);
    const third = (await signIn(server, bad)).response;
    assert.equal(third.statusCode, 423);
    assert.deepEqual(errorOf(third), locked);
    // The right password does not open a locked account.
    assert.deepEqual(errorOf((await signIn(server, { email, password: goodPassword })).response), locked);
    server.clock.advanceMinutes(9);
    assert.equal((await signIn(server, { email, password: goodPassword })).response.statusCode, 423);
    server.clock.advanceMinutes(1);
    assert.equal((await signIn(server, { email, password: goodPassword })).response.statusCode, 200);
    // The count starts again after a success.
    assert.deepEqual(errorOf((await signIn(server, bad)).response), wrong);
    assert.deepEqual(errorOf((await signIn(server, bad)).response), wrong);

    const events = await auditEvents(context.db, server.organization.id);
    const mine = events.filter((e) => e.targetId === id).map((e) => [e.action, e.changes]);
    assert.deepEqual(mine, [
      ["user.sign-in-failed", { factor: "password", failedAttempts: 1 }],
      ["user.sign-in-failed", { factor: "password", failedAttempts: 2 }],
      ["user.sign-in-failed", { factor: "password", failedAttempts: 3 }],
      ["user.locked-out", { failedAttempts: 3, lockedUntil: "2026-03-02T09:10:00.000Z" }],
      ["user.signed-in", { mfa: false }],
      ["user.sign-in-failed", { factor: "password", failedAttempts: 1 }],
      ["user.sign-in-failed", { factor: "password", failedAttempts: 2 }],
    ]);
  });

  it("asks for the organization when the account belongs to several", async () => {
    const server = await startTestServer(context.db);
    const { id, email } = server.members.approver;
    await givePassword(context.db, id);
    const other = await server.otherOrganization();
    await context.db.query(
      "INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'auditor')",
      [other.id, id],
    );
    const { rows } = await context.db.query<{ slug: string }>(
      "SELECT slug FROM organizations WHERE id = $1",
      [other.id],
    );
    const unnamed = (await signIn(server, { email, password: goodPassword })).response;
    assert.equal(unnamed.statusCode, 400);
    assert.deepEqual(errorOf(unnamed).fields, [
      {
        field: "body.organization",
        message: "this account belongs to several organizations: give the slug of the one to sign in to",
      },
    ]);
    const named = (await signIn(server, { email, password: goodPassword, organization: rows[0]!.slug }))
      .response;
    assert.equal(named.statusCode, 200);
    assert.deepEqual(named.json<{ roles: string[] }>().roles, ["auditor"]);
    const notMine = (
      await signIn(server, { email, password: goodPassword, organization: "not-a-member-here" })
    ).response;
    assert.deepEqual(errorOf(notMine).fields, [
      { field: "body.organization", message: "you are not a member of an organization with this slug" },
    ]);
  });

  it("rate limits sign-in to 10 attempts a minute per address", async () => {
    const server = await startTestServer(context.db);
    for (let i = 0; i < 10; i += 1) {
      const { response } = await signIn(server, {
        email: `nobody${i}@nowhere.example`,
        password: "whatever it is",
      });
      assert.equal(response.statusCode, 401);
    }
    const { response } = await signIn(server, {
      email: "nobody@nowhere.example",
      password: "whatever it is",
    });
    assert.equal(response.statusCode, 429);
    assert.deepEqual(errorOf(response), {
      code: "rate_limited",
      message: "too many requests; wait a minute and try again",
      fields: [],
    });
  });

  it("answers each bad body with the field and the problem", async () => {
    const server = await startTestServer(context.db);
    const cases: [unknown, { field: string; message: string }[]][] = [
      [
        {},
        [
          { field: "body.email", message: "expected an email address" },
          { field: "body.password", message: "expected a password" },
        ],
      ],
      [
        { email: "not-an-email", password: "x" },
        [{ field: "body.email", message: "expected an email address" }],
      ],
      [{ email: "a@b.example", password: "" }, [{ field: "body.password", message: "expected a password" }]],
      [
        { email: "a@b.example", password: "x".repeat(257) },
        [{ field: "body.password", message: "must be at most 256 characters" }],
      ],
      [
        { email: "a@b.example", password: "x", organization: "Not A Slug" },
        [
          {
            field: "body.organization",
            message: "expected lower-case letters and digits in groups joined by single hyphens",
          },
        ],
      ],
      [
        { email: "a@b.example", password: "x", remember: true },
        [{ field: "body", message: "unknown field(s): remember" }],
      ],
    ];
    for (const [body, fields] of cases) {
      const response = await server.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: body as object,
      });
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(errorOf(response).fields, fields, JSON.stringify(body));
    }
  });

  it("signs out: the session ends, the cookie is cleared and the event is recorded", async () => {
    const server = await startTestServer(context.db);
    const member = server.members.auditor;
    await givePassword(context.db, member.id);
    const { client } = await signIn(server, { email: member.email, password: goodPassword });
    const out = await client.post("/api/v1/auth/sign-out");
    assert.equal(out.statusCode, 204);
    const cleared = out.cookies.find((c) => c.name === sessionCookie)!;
    assert.equal(cleared.value, "");
    assert.equal((await client.get("/api/v1/session")).statusCode, 401);
    assert.equal((await server.anonymous.post("/api/v1/auth/sign-out")).statusCode, 401);
    const events = await auditEvents(context.db, server.organization.id, "user.signed-out");
    assert.equal(events.length, 1);
    assert.equal(events[0]!.targetId, member.id);
  });
});
