/** Security settings come from the organization's current profile version, defaults before one exists. */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  defaultSecuritySettings,
  securitySettingsFor,
} from "../../src/modules/identity/security-settings.ts";
import { storeProfileVersion } from "../../src/modules/profile/profile.service.ts";
import { forEachDatabase } from "../support/databases.ts";
import { modifiedProfile } from "../support/profiles.ts";
import { startTestServer } from "../support/server.ts";
import { errorOf, givePassword, signIn } from "./support.ts";

forEachDatabase("security settings from the profile", (context) => {
  it("uses the schema's defaults until the organization stores a profile", async () => {
    const server = await startTestServer(context.db);
    assert.deepEqual(defaultSecuritySettings, {
      idleLogoffMinutes: 15,
      lockoutAttempts: 5,
      lockoutMinutes: 30,
      passwordMinLength: 12,
    });
    assert.deepEqual(await securitySettingsFor(context.db)(server.organization.id), defaultSecuritySettings);
  });

  it("reads the current version's access numbers and applies them to sign-in and passwords", async () => {
    const server = await startTestServer(context.db, { securitySettings: securitySettingsFor(context.db) });
    const profile = modifiedProfile("brightpath-saas.yaml", (data) => {
      data.access = { idleLogoffMinutes: 10, lockoutAttempts: 2, lockoutMinutes: 45, passwordMinLength: 16 };
    });
    await context.db.transaction((tx) =>
      storeProfileVersion(tx, {
        organizationId: server.organization.id,
        actor: { type: "user", id: server.members.owner.id },
        profile,
        now: server.clock.now(),
      }),
    );
    assert.deepEqual(await securitySettingsFor(context.db)(server.organization.id), {
      idleLogoffMinutes: 10,
      lockoutAttempts: 2,
      lockoutMinutes: 45,
      passwordMinLength: 16,
    });

    const { id, email } = server.members.hr;
    await givePassword(context.db, id);
    assert.equal((await signIn(server, { email, password: "wrong guess one" })).response.statusCode, 401);
    assert.equal((await signIn(server, { email, password: "wrong guess two" })).response.statusCode, 423);

    const member = await server.as("workforce-member");
    server.clock.advanceMinutes(11);
    assert.equal((await member.get("/api/v1/session")).statusCode, 401, "idle logoff after 10 minutes");

    const inviter = await server.as("owner");
    await inviter.post("/api/v1/members/invitations", {
      email: "new@example.com",
      displayName: "New Person",
      roles: ["auditor"],
    });
    const token = /token=([A-Za-z0-9_-]+)/.exec(server.sent[0]!.text)![1]!;
    const short = await server.anonymous.post("/api/v1/invitations/accept", {
      token,
      password: "fifteen chars!!",
    });
    assert.deepEqual(errorOf(short).fields, [
      { field: "body.password", message: "must be at least 16 characters" },
    ]);
  });
});
