/**
 * One route = one typed operation: zod schemas for params, query and body, the permission it needs,
 * and a handler. Input is validated before the handler runs (400 with every field and problem),
 * `authorize` runs exactly once, and the same definitions generate the OpenAPI document.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../auth/session.ts";
import { can, type Permission } from "../auth/permissions.ts";
import type { AppDeps } from "./deps.ts";
import { AppError, type FieldError } from "./errors.ts";
import type { MultipartOptions, UploadedFile } from "./multipart.ts";

/**
 * public: anyone; signed-in: any session, even before its second factor is verified (for the
 * routes that provide it, and sign-out); authenticated: any signed-in member (MFA done where
 * required); or a permission.
 */
export type Access = "public" | "signed-in" | "authenticated" | Permission;

export interface RouteContext {
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
  /** The caller; null only on public routes. */
  auth: AuthContext | null;
  /** The uploaded file of a `multipart` route (present and not empty); null on other routes. */
  file: UploadedFile | null;
}

export interface RouteDefinition<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  summary: string;
  tag: string;
  access: Access;
  /** Per-route rate limit (authentication routes). */
  rateLimit?: { max: number; windowMs: number };
  params?: P;
  query?: Q;
  body?: B;
  /**
   * multipart/form-data instead of JSON: `body` validates the text fields, and the request must
   * carry one non-empty file in `fileField` of at most `maxFileBytes` (else 400 naming the field).
   */
  multipart?: MultipartOptions;
  /**
   * A GET whose JSON answer depends only on the organization's data, the caller and the validated
   * input: the answer is kept per caller and reused until the organization's data version moves or
   * a few seconds pass (response-cache.ts). Leave it off for answers that read the clock for more
   * than a display, or data that changes without an audit event of this organization. The handler
   * must answer through its return value only: headers it sets on `reply` are not kept.
   */
  cache?: true;
  /** Status and schema of a successful answer; `null` for 204 or a non-JSON body (CSV export). */
  response: { status: number; schema: R | null; contentType?: string };
  handler(
    ctx: RouteContext,
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> },
  ): Promise<z.infer<R> | string | null>;
}

// Kept loose so routes with different schemas share one list.
export type AnyRoute = RouteDefinition<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

export function defineRoute<
  P extends z.ZodType = z.ZodObject,
  Q extends z.ZodType = z.ZodObject,
  B extends z.ZodType = z.ZodUnknown,
  R extends z.ZodType = z.ZodUnknown,
>(route: RouteDefinition<P, Q, B, R>): AnyRoute {
  return route;
}

function fieldErrors(where: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join("."),
    message:
      issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
}

/** Validates one part of the request; collects problems instead of stopping at the first. */
export function parsePart<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
  problems: FieldError[],
): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (result.success) return result.data;
  problems.push(...fieldErrors(where, result.error));
  return undefined as z.infer<T>;
}

/** The single authorization check of a route. */
export function authorize(access: Access, auth: AuthContext | null): void {
  if (access === "public") return;
  if (!auth) throw new AppError("unauthenticated", "sign in first");
  if (access === "signed-in") return;
  if (auth.mfaRequired && !auth.mfaVerified)
    throw new AppError("mfa_required", "verify your second factor first");
  if (access === "authenticated") return;
  if (!can(auth.roles, access)) throw new AppError("forbidden", `your role does not allow ${access}`);
}
