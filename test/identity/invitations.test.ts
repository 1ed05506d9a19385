/** Invitations by email: the link arrives, sets a password, and makes the person a member. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDatabase } from "../support/databases.ts";
import { startTestServer } from "../support/server.ts";
import { auditEvents, errorOf, givePassword, goodPassword, signIn } from "./support.ts";

const baseUrl = "https://steward.test";
const tokenIn = (text: string) => /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

forEachDatabase("invitations", (context) => {
  it("emails an invitation link that sets a password and grants the roles", async () => {
    const server = await startTestServer(context.db, { baseUrl });
    const hr = await server.as("hr");
    const invited = await hr.post("/api/v1/members/invitations", {
      email: "Nia.Okafor@Example.com",
      displayName: "Nia Okafor",
      roles: ["approver", "workforce-member", "approver"],
    });
    assert.equal(invited.statusCode, 201, invited.body);
    const body = invited.json<{
      invitation: { id: string; email: string; roles: string[]; expiresAt: string };
      emailSent: boolean;
    }>();
    assert.equal(body.emailSent, true);
    assert.equal(body.invitation.email, "nia.okafor@example.com");
    assert.deepEqual(body.invitation.roles, ["approver", "workforce-member"]);
    assert.equal(body.invitation.expiresAt, "2026-03-09T09:00:00.000Z");

    assert.equal(server.sent.length, 1);
    const mail = server.sent[0]!;
    assert.equal(mail.to, "nia.okafor@example.com");
    assert.equal(mail.subject, `Join Org ${server.organization.slug} on Steward`);
    assert.match(mail.text, new RegExp(`${baseUrl}/accept-invitation\\?token=[A-Za-z0-9_-]{43}\\n`));
    assert.match(mail.text, /stops working at 2026-03-09 09:00 UTC/);
    const token = tokenIn(mail.text)!;

    const list = (await hr.get("/api/v1/members")).json<{
      invitations: { email: string }[];
      members: { email: string }[];
    }>();
    assert.deepEqual(
      list.invitations.map((i) => i.email),
      ["nia.okafor@example.com"],
    );
    assert.ok(
      !list.members.some((m) => m.email === "nia.okafor@example.com"),
      "not a member before accepting",
    );

    const weak = await server.anonymous.post("/api/v1/invitations/accept", { token, password: "too short" });
    assert.equal(weak.statusCode, 400);
    assert.deepEqual(errorOf(weak).fields, [
      { field: "body.password", message: "must be at least 12 characters" },
    ]);
    const named = await server.anonymous.post("/api/v1/invitations/accept", {
      token,
      password: "nia okafor rocks!",
    });
    assert.deepEqual(errorOf(named).fields, [
      { field: "body.password", message: "must not contain your name" },
    ]);

    const accepted = await server.anonymous.post("/api/v1/invitations/accept", {
      token,
      password: goodPassword,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(accepted.json(), {
      email: "nia.okafor@example.com",
      organization: { slug: server.organization.slug, name: `Org ${server.organization.slug}` },
    });
    const again = await server.anonymous.post("/api/v1/invitations/accept", {
      token,
      password: goodPassword,
    });
    assert.deepEqual(errorOf(again).fields, [
      { field: "body.token", message: "this invitation link is invalid, already used or expired" },
    ]);

    const { response } = await signIn(server, { email: "nia.okafor@example.com", password: goodPassword });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json<{ roles: string[] }>().roles, ["approver", "workforce-member"]);
    const events = await auditEvents(context.db, server.organization.id);
    const invitation = events.filter((e) => e.targetId === body.invitation.id);
    assert.deepEqual(
      invitation.map((e) => [e.action, e.actorId]),
      [
        ["invitation.created", server.members.hr.id],
        ["invitation.accepted", response.json<{ user: { id: string } }>().user.id],
      ],
    );
    assert.ok(!JSON.stringify(events).includes(token), "the token never reaches the audit trail");
  });

  it("lets an existing account join with its own password, not a new one", async () => {
    const server = await startTestServer(context.db, { baseUrl });
    // An account that already belongs to another organization, with its own password.
    const other = await server.otherOrganization();
    const email = `joiner-${server.organization.slug}@example.com`;
    const { rows } = await context.db.query<{ id: string }>(
      "INSERT INTO users (email, display_name) VALUES ($1, 'Joiner') RETURNING id",
      [email],
    );
    await context.db.query("INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'hr')", [
      other.id,
      rows[0]!.id,
    ]);
    await givePassword(context.db, rows[0]!.id);
    const owner = await server.as("owner");
    await owner.post("/api/v1/members/invitations", { email, displayName: "Someone", roles: ["auditor"] });
    const token = tokenIn(server.sent[0]!.text)!;
    const wrong = await server.anonymous.post("/api/v1/invitations/accept", {
      token,
      password: "a different passphrase",
    });
    assert.deepEqual(errorOf(wrong).fields, [
      { field: "body.password", message: "does not match the password of your existing Steward account" },
    ]);
    const ok = await server.anonymous.post("/api/v1/invitations/accept", { token, password: goodPassword });
    assert.equal(ok.statusCode, 200);
    const { response } = await signIn(server, {
      email,
      password: goodPassword,
      organization: server.organization.slug,
    });
    assert.deepEqual(response.json<{ roles: string[] }>().roles, ["auditor"]);
  });

  it("refuses expired links, members invited twice and owners invited by non-owners", async () => {
    const server = await startTestServer(context.db, { baseUrl });
    const hr = await server.as("hr");
    await hr.post("/api/v1/members/invitations", {
      email: "late@example.com",
      displayName: "Late Person",
      roles: ["hr"],
    });
    // A second invitation replaces the first: only the newest link works.
    await hr.post("/api/v1/members/invitations", {
      email: "late@example.com",
      displayName: "Late Person",
      roles: ["hr"],
    });
    const [firstToken, secondToken] = server.sent.map((m) => tokenIn(m.text)!);
    const replaced = await server.anonymous.post("/api/v1/invitations/accept", {
      token: firstToken,
      password: goodPassword,
    });
    assert.equal(errorOf(replaced).fields[0]!.field, "body.token");
    server.clock.advanceMinutes(7 * 24 * 60);
    const expired = await server.anonymous.post("/api/v1/invitations/accept", {
      token: secondToken,
      password: goodPassword,
    });
    assert.deepEqual(errorOf(expired).fields, [
      { field: "body.token", message: "this invitation link is invalid, already used or expired" },
    ]);

    const later = await server.as("hr");
    const member = await later.post("/api/v1/members/invitations", {
      email: server.members.auditor.email,
      displayName: "Auditor",
      roles: ["approver"],
    });
    assert.equal(member.statusCode, 409);
    assert.deepEqual(errorOf(member), {
      code: "conflict",
      message: "this person is already a member of the organization",
      fields: [],
    });
    const owner = await later.post("/api/v1/members/invitations", {
      email: "boss@example.com",
      displayName: "Boss",
      roles: ["owner"],
    });
    assert.equal(owner.statusCode, 403);
    assert.deepEqual(errorOf(owner), {
      code: "forbidden",
      message: "only an owner can grant or take away the owner role",
      fields: [],
    });
  });

  it("answers each bad body with the field and the problem", async () => {
    const server = await startTestServer(context.db, { baseUrl });
    const hr = await server.as("hr");
    const invite = await hr.post("/api/v1/members/invitations", {
      email: "x",
      displayName: " ",
      roles: ["king"],
    });
    assert.equal(invite.statusCode, 400);
    assert.deepEqual(errorOf(invite).fields, [
      { field: "body.email", message: "expected an email address" },
      { field: "body.displayName", message: "expected a name" },
      {
        field: "body.roles.0",
        message:
          "expected one of: owner, security-officer, privacy-officer, approver, hr, workforce-member, auditor",
      },
    ]);
    const empty = await hr.post("/api/v1/members/invitations", {
      email: "a@b.example",
      displayName: "A",
      roles: [],
    });
    assert.deepEqual(errorOf(empty).fields, [
      {
        field: "body.roles",
        message: "expected at least one role (to take every role away, remove the member)",
      },
    ]);
    const accept = await server.anonymous.post("/api/v1/invitations/accept", { password: "" });
    assert.deepEqual(errorOf(accept).fields, [
      { field: "body.token", message: "expected the token from the invitation link" },
      { field: "body.password", message: "expected a password" },
    ]);
    const unknown = await server.anonymous.post("/api/v1/invitations/accept", {
      token: "made-up",
      password: goodPassword,
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(
      errorOf(unknown).fields[0]!.message,
      "this invitation link is invalid, already used or expired",
    );
  });
});
