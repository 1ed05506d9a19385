/** The second factor: enrollment, verification, replay, recovery codes, and the officer gate. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { totpCode } from "../../src/modules/identity/totp.ts";
import type { Client } from "../support/server.ts";
import { forEachDatabase } from "../support/databases.ts";
import { defaultSettings, startTestServer, type TestServer } from "../support/server.ts";
import { auditEvents, errorOf, givePassword, goodPassword, signIn } from "./support.ts";

/** Signs the security officer in, enrolls TOTP and returns the secret and recovery codes. */
async function enrolledOfficer(server: TestServer, db: Parameters<typeof givePassword>[0]) {
  const officer = server.members["security-officer"];
  await givePassword(db, officer.id);
  const { client } = await signIn(server, { email: officer.email, password: goodPassword });
  const { secret } = (await client.post("/api/v1/auth/mfa/enroll")).json<{ secret: string }>();
  const confirmed = await client.post("/api/v1/auth/mfa/confirm", {
    code: totpCode(secret, server.clock.now()),
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return { officer, secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

const signInAgain = async (server: TestServer, email: string): Promise<Client> =>
  (await signIn(server, { email, password: goodPassword })).client;

forEachDatabase("second factor", (context) => {
  it("keeps an officer out of everything until a second factor is enrolled and verified", async () => {
    const server = await startTestServer(context.db);
    const officer = server.members["security-officer"];
    await givePassword(context.db, officer.id);
    const { response, client } = await signIn(server, { email: officer.email, password: goodPassword });
    assert.deepEqual(response.json<{ mfa: unknown }>().mfa, {
      required: true,
      enrolled: false,
      verified: false,
    });
    const blocked = await client.get("/api/v1/members");
    assert.equal(blocked.statusCode, 403);
    assert.deepEqual(errorOf(blocked), {
      code: "mfa_required",
      message: "verify your second factor first",
      fields: [],
    });
    assert.equal((await client.post("/api/v1/auth/mfa/confirm", { code: "123456" })).statusCode, 409);

    const enroll = await client.post("/api/v1/auth/mfa/enroll");
    assert.equal(enroll.statusCode, 200);
    const { secret, otpauthUri } = enroll.json<{ secret: string; otpauthUri: string }>();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.ok(
      otpauthUri.startsWith(
        `otpauth://totp/Steward%3A${encodeURIComponent(officer.email)}?secret=${secret}&`,
      ),
    );
    const wrong = await client.post("/api/v1/auth/mfa/confirm", { code: "000000" });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorOf(wrong).fields, [
      { field: "body.code", message: "the code is wrong or expired; enter the code shown now" },
    ]);
    const confirmed = await client.post("/api/v1/auth/mfa/confirm", {
      code: totpCode(secret, server.clock.now()),
    });
    assert.equal(confirmed.statusCode, 200);
    const codes = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);

    assert.equal((await client.get("/api/v1/members")).statusCode, 200);
    const again = await client.post("/api/v1/auth/mfa/enroll");
    assert.deepEqual(errorOf(again), {
      code: "conflict",
      message: "a second factor is already enrolled",
      fields: [],
    });
    const events = await auditEvents(context.db, server.organization.id);
    assert.deepEqual(
      events.filter((e) => e.targetId === officer.id).map((e) => [e.action, e.changes]),
      [
        ["user.mfa-enrolled", { method: "totp", recoveryCount: 10 }],
        ["user.signed-in", { mfa: true }],
      ],
    );
    // Nothing secret is stored in clear: recovery codes are hashed.
    const { rows } = await context.db.query<{ code_hash: string }>(
      "SELECT code_hash FROM user_recovery_codes WHERE user_id = $1",
      [officer.id],
    );
    assert.equal(rows.length, 10);
    assert.ok(rows.every((r) => !codes.includes(r.code_hash)));
  });

  it("accepts each code once, and each recovery code once", async () => {
    const server = await startTestServer(context.db);
    const { officer, secret, recoveryCodes } = await enrolledOfficer(server, context.db);

    const first = await signInAgain(server, officer.email);
    const replay = await first.post("/api/v1/auth/mfa/verify", {
      code: totpCode(secret, server.clock.now()),
    });
    assert.equal(replay.statusCode, 400);
    assert.deepEqual(errorOf(replay).fields, [
      { field: "body.code", message: "this code was already used; wait for the next one" },
    ]);
    assert.equal((await first.get("/api/v1/members")).statusCode, 403);
    server.clock.advanceMinutes(0.5);
    const fresh = await first.post("/api/v1/auth/mfa/verify", { code: totpCode(secret, server.clock.now()) });
    assert.equal(fresh.statusCode, 200);
    assert.deepEqual(fresh.json(), { verified: true, unusedRecoveryCodes: 10 });
    assert.equal((await first.get("/api/v1/members")).statusCode, 200);

    const second = await signInAgain(server, officer.email);
    const recovered = await second.post("/api/v1/auth/mfa/verify", {
      recoveryCode: recoveryCodes[3]!.toUpperCase(),
    });
    assert.deepEqual(recovered.json(), { verified: true, unusedRecoveryCodes: 9 });
    assert.equal((await second.get("/api/v1/members")).statusCode, 200);

    const third = await signInAgain(server, officer.email);
    const reused = await third.post("/api/v1/auth/mfa/verify", { recoveryCode: recoveryCodes[3] });
    assert.equal(reused.statusCode, 400);
    assert.deepEqual(errorOf(reused).fields, [
      { field: "body.recoveryCode", message: "this recovery code is wrong or was already used" },
    ]);
    assert.equal((await third.get("/api/v1/members")).statusCode, 403);
    const used = await auditEvents(context.db, server.organization.id, "user.recovery-code-used");
    assert.deepEqual(
      used.map((e) => e.changes),
      [{ remaining: 9 }],
    );
  });

  it("counts wrong codes toward the lockout", async () => {
    const settings = { ...defaultSettings, lockoutAttempts: 3 };
    const server = await startTestServer(context.db, { securitySettings: () => Promise.resolve(settings) });
    const { officer } = await enrolledOfficer(server, context.db);
    const client = await signInAgain(server, officer.email);
    assert.equal((await client.post("/api/v1/auth/mfa/verify", { code: "000000" })).statusCode, 400);
    assert.equal(
      (await client.post("/api/v1/auth/mfa/verify", { recoveryCode: "aaaa-bbbb" })).statusCode,
      400,
    );
    const third = await client.post("/api/v1/auth/mfa/verify", { code: "000001" });
    assert.equal(third.statusCode, 423);
    assert.equal(errorOf(third).code, "locked");
    assert.equal(
      (await signIn(server, { email: officer.email, password: goodPassword })).response.statusCode,
      423,
    );
    const failed = await auditEvents(context.db, server.organization.id, "user.sign-in-failed");
    assert.deepEqual(
      failed.map((e) => e.changes),
      [
        { factor: "totp", failedAttempts: 1 },
        { factor: "recovery-code", failedAttempts: 2 },
        { factor: "totp", failedAttempts: 3 },
      ],
    );
  });

  it("answers bad bodies and missing enrollment with the field and the problem", async () => {
    const server = await startTestServer(context.db);
    const member = await server.as("workforce-member");
    const cases: [unknown, { field: string; message: string }[]][] = [
      [{}, [{ field: "body", message: "send either code or recoveryCode" }]],
      [
        { code: "123456", recoveryCode: "abcd" },
        [{ field: "body", message: "send either code or recoveryCode" }],
      ],
      [
        { code: "12345" },
        [{ field: "body.code", message: "expected the 6-digit code from your authenticator app" }],
      ],
      [{ code: 123456 }, [{ field: "body.code", message: "expected the 6-digit code" }]],
    ];
    for (const [body, fields] of cases) {
      const response = await member.post("/api/v1/auth/mfa/verify", body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(errorOf(response).fields, fields, JSON.stringify(body));
    }
    const notEnrolled = await member.post("/api/v1/auth/mfa/verify", { code: "123456" });
    assert.deepEqual(errorOf(notEnrolled), {
      code: "conflict",
      message: "no second factor is enrolled; enroll one first",
      fields: [],
    });
    assert.equal((await server.anonymous.post("/api/v1/auth/mfa/enroll")).statusCode, 401);
  });
});
