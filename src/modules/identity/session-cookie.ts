/** The session cookie: HttpOnly (no script reads it), SameSite=Strict (no cross-site sends), Path=/. */
import type { FastifyReply } from "fastify";
import { sessionCookie, type AuthContext } from "../../auth/session.ts";
import { AppError } from "../../server/errors.ts";

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(sessionCookie, token, { httpOnly: true, secure, sameSite: "strict", path: "/" });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookie, { httpOnly: true, secure, sameSite: "strict", path: "/" });
}

/** The caller of a route that `authorize` already required a session for (narrows the type). */
export function signedIn(auth: AuthContext | null): AuthContext {
  if (!auth) throw new AppError("unauthenticated", "sign in first");
  return auth;
}
