/**
 * The HTTP application: Fastify with every route of `routes.ts`, security headers, sessions, CSRF
 * protection, rate limits, one error handler, the OpenAPI document and the web UI.
 */
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { resolveSession, sessionCookie, type AuthContext } from "../auth/session.ts";
import { createOutboxRunner } from "../modules/outbox/outbox.service.ts";
import type { AppDeps } from "./deps.ts";
import { AppError, type FieldError } from "./errors.ts";
import { readMultipart } from "./multipart.ts";
import { buildOpenApi } from "./openapi.ts";
import { createResponseCache, defaultResponseCache, type ResponseCache } from "./response-cache.ts";
import { authorize, parsePart, type AnyRoute } from "./route.ts";
import { allRoutes } from "./routes.ts";

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const securityHeaders = (secure: boolean): Record<string, string> => ({
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  ...(secure ? { "strict-transport-security": "max-age=31536000" } : {}),
});

function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply
    .status(error.status)
    .send({ error: { code: error.code, message: error.message, fields: error.fields } });
}

/** Anything that is not an AppError becomes a generic answer; nothing from the request is echoed. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError.statusCode === 429)
    return new AppError("rate_limited", "too many requests; wait a minute and try again");
  if (fastifyError.statusCode === 415)
    return new AppError("validation_failed", "expected a JSON body (content-type: application/json)", [
      { field: "body", message: "unsupported content type" },
    ]);
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new AppError("validation_failed", "the request body is not valid JSON", [
      { field: "body", message: "expected a JSON document" },
    ]);
  }
  return new AppError("internal", "internal error");
}

/** What a kept answer is for: the caller, their roles, the route and its validated input. */
const cacheKey = (route: AnyRoute, auth: AuthContext, params: unknown, query: unknown) =>
  JSON.stringify([auth.organizationId, auth.userId, auth.roles, route.url, params ?? null, query ?? null]);

function register(app: FastifyInstance, deps: AppDeps, route: AnyRoute, cache: ResponseCache): void {
  app.route({
    method: route.method,
    url: route.url,
    config: route.rateLimit
      ? { rateLimit: { max: route.rateLimit.max, timeWindow: route.rateLimit.windowMs } }
      : {},
    handler: async (request, reply) => {
      authorize(route.access, request.auth);
      const form = route.multipart ? await readMultipart(request, route.multipart) : null;
      const problems: FieldError[] = [];
      const params = parsePart(route.params, request.params, "params", problems);
      const query = parsePart(route.query, request.query, "query", problems);
      const body = parsePart(route.body, form ? form.fields : request.body, "body", problems);
      if (route.multipart && !form?.file?.data.length) {
        const message = form?.file ? "the file is empty" : "attach a file";
        problems.push({ field: `body.${route.multipart.fileField}`, message });
      }
      if (problems.length > 0)
        throw new AppError("validation_failed", "the request has invalid fields", problems);
      const run = () =>
        route.handler(
          { deps, request, reply, auth: request.auth, file: form?.file ?? null },
          { params, query, body },
        );
      const auth = request.auth;
      if (route.cache && route.method === "GET" && auth) {
        const key = cacheKey(route, auth, params, query);
        const now = deps.clock.now().getTime();
        const json = await cache.through(key, auth.dataVersion, now, async () => JSON.stringify(await run()));
        return reply.status(route.response.status).type("application/json; charset=utf-8").send(json);
      }
      const result = await run();
      reply.status(route.response.status);
      if (route.response.contentType) reply.type(route.response.contentType);
      return route.response.status === 204 ? reply.send() : reply.send(result);
    },
  });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1_048_576, trustProxy: false });
  const outbox = (deps.outbox ??= createOutboxRunner(deps));
  // Mail a request queued is sent before the database behind it closes.
  app.addHook("onClose", () => outbox.idle());
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Multipart routes read their parts themselves, with their own limits (readMultipart).
  await app.register(multipart);
  // Roster imports may be sent as they are saved from a spreadsheet.
  app.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) => {
    done(null, body);
  });
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const token = request.cookies[sessionCookie];
    request.auth = token
      ? await resolveSession(
          deps.db,
          token,
          deps.clock.now(),
          async (org, known) => (await deps.securitySettings(org, known)).idleLogoffMinutes,
        )
      : null;
    // CSRF: a state-changing request made with a session must echo that session's token.
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(request.method);
    if (unsafe && request.auth && request.headers["x-csrf-token"] !== request.auth.csrfToken) {
      throw new AppError("forbidden", "missing or wrong CSRF token (send the x-csrf-token header)");
    }
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders(deps.secureCookies)))
      reply.header(name, value);
    return payload;
  });
  app.setErrorHandler((error, _request, reply) => sendError(reply, toAppError(error)));
  const cache = createResponseCache(deps.responseCache ?? defaultResponseCache);
  for (const route of allRoutes) register(app, deps, route, cache);
  app.get("/api/v1/openapi.json", () => buildOpenApi(allRoutes));
  if (deps.webRoot && existsSync(deps.webRoot)) {
    await app.register(fastifyStatic, { root: deps.webRoot, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web UI routes in the browser: any non-API page gets the app shell.
    if (
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      deps.webRoot &&
      existsSync(deps.webRoot)
    ) {
      return reply.type("text/html").sendFile("index.html");
    }
    return sendError(reply, new AppError("not_found", "no such route"));
  });
  return app;
}
