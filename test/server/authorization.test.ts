/**
 * Every route x every role, straight from the route table and the permission matrix: a role the
 * matrix denies gets 403; a role it allows gets past authorization, and deliberately bad input
 * (unknown ids, empty bodies) gets a 4xx with a field-level error code, never a 5xx. Anonymous
 * callers get 401 on every route that is not public. New routes are covered automatically.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { can, roles } from "../../src/auth/permissions.ts";
import { errorCodes } from "../../src/server/errors.ts";
import { allRoutes } from "../../src/server/routes.ts";
import { forEachDatabase } from "../support/databases.ts";
import { startTestServer } from "../support/server.ts";

const protectedRoutes = allRoutes.filter((r) => r.access !== "public");
const concrete = (url: string) => url.replace(/:([A-Za-z]+)/g, "unknown-$1");
const sends = (method: string) => !["GET", "DELETE"].includes(method);

forEachDatabase("authorization matrix", (context) => {
  it("covers at least the session route", () => {
    assert.ok(allRoutes.length > 0);
  });

  it("answers 401 to anonymous callers of every protected route", async () => {
    const server = await startTestServer(context.db);
    for (const route of protectedRoutes) {
      const response = await server.anonymous.request({
        method: route.method,
        url: concrete(route.url),
        ...(sends(route.method) ? { payload: {} } : {}),
      });
      assert.equal(response.statusCode, 401, `${route.method} ${route.url}`);
    }
  });

  it("allows exactly the roles the matrix grants, and answers bad input with a 4xx", async () => {
    const server = await startTestServer(context.db);
    for (const route of protectedRoutes) {
      for (const role of roles) {
        // A fresh session per request: some routes (sign-out, removals) end the caller's session.
        const client = await server.as(role);
        const response = await client.request({
          method: route.method,
          url: concrete(route.url),
          ...(sends(route.method) ? { payload: {} } : {}),
        });
        const where = `${route.method} ${route.url} as ${role}`;
        const access = route.access;
        const allowed =
          access === "public" || access === "authenticated" || access === "signed-in" || can([role], access);
        if (!allowed) {
          assert.equal(response.statusCode, 403, where);
          assert.equal(response.json<{ error: { code: string } }>().error.code, "forbidden", where);
          continue;
        }
        assert.ok(
          ![401, 403].includes(response.statusCode),
          `${where}: allowed role got ${response.statusCode} ${response.body}`,
        );
        assert.ok(response.statusCode < 500, `${where}: ${response.statusCode} ${response.body}`);
        if (response.statusCode >= 400) {
          const code = response.json<{ error: { code: string } }>().error.code;
          assert.ok(code in errorCodes && code !== "internal", `${where}: error code ${code}`);
        }
      }
    }
  });
});
