/** The application shell: session view per role, OpenAPI, security headers, CSRF, error shape. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { abilities, roles } from "../../src/auth/permissions.ts";
import { forEachDatabase } from "../support/databases.ts";
import { startTestServer } from "../support/server.ts";

forEachDatabase("application shell", (context) => {
  it("answers 401 to anonymous callers of protected routes and serves its OpenAPI document", async () => {
    const server = await startTestServer(context.db);
    const anonymous = await server.anonymous.get("/api/v1/session");
    assert.equal(anonymous.statusCode, 401);
    assert.deepEqual(anonymous.json(), {
      error: { code: "unauthenticated", message: "sign in first", fields: [] },
    });
    const openapi = await server.anonymous.get("/api/v1/openapi.json");
    assert.equal(openapi.statusCode, 200);
    const document = openapi.json<{ openapi: string; paths: Record<string, unknown> }>();
    assert.equal(document.openapi, "3.1.0");
    assert.ok(document.paths["/api/v1/session"]);
  });

  it("tells each role what it may do", async () => {
    const server = await startTestServer(context.db);
    for (const role of roles) {
      const response = await (await server.as(role)).get("/api/v1/session");
      assert.equal(response.statusCode, 200, role);
      const body = response.json<{ roles: string[]; abilities: string[] }>();
      assert.deepEqual(body.roles, [role]);
      assert.deepEqual(body.abilities, abilities([role]));
    }
  });

  it("sends security headers and answers unknown API routes with a JSON 404", async () => {
    const server = await startTestServer(context.db);
    const response = await server.anonymous.get("/api/v1/nothing-here");
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ error: { code: string } }>().error.code, "not_found");
    assert.match(String(response.headers["content-security-policy"]), /default-src 'self'/);
    assert.equal(response.headers["x-content-type-options"], "nosniff");
    assert.equal(response.headers["x-frame-options"], "DENY");
  });

  it("refuses a state-changing request without the session's CSRF token", async () => {
    const server = await startTestServer(context.db);
    const owner = await server.as("owner");
    const response = await owner.request({
      method: "POST",
      url: "/api/v1/session",
      headers: { "x-csrf-token": "wrong" },
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.json<{ error: { message: string } }>().error.message, /CSRF/);
  });

  it("ends a session after the organization's idle logoff minutes", async () => {
    const server = await startTestServer(context.db);
    const member = await server.as("workforce-member");
    server.clock.advanceMinutes(14);
    assert.equal((await member.get("/api/v1/session")).statusCode, 200);
    server.clock.advanceMinutes(16);
    assert.equal((await member.get("/api/v1/session")).statusCode, 401);
  });
});
