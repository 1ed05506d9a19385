/** Sign-in, sign-out and the second factor. */
import { defineRoute } from "../../server/route.ts";
import {
  MfaConfirmBody,
  MfaConfirmView,
  MfaEnrollView,
  MfaVerifyBody,
  MfaVerifyView,
  SignInBody,
  SignInView,
} from "./identity.schema.ts";
import { confirmMfa, enrollMfa, verifyMfa } from "./mfa.service.ts";
import { clearSessionCookie, setSessionCookie, signedIn } from "./session-cookie.ts";
import { signIn, signOut } from "./sign-in.service.ts";

/** Per client address: enough for a person who mistypes, far too few for guessing. */
const authLimit = { max: 10, windowMs: 60_000 };

export const identityRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    summary: "Sign in with email and password; sets the session cookie",
    tag: "auth",
    access: "public",
    rateLimit: authLimit,
    body: SignInBody,
    response: { status: 200, schema: SignInView },
    async handler({ deps, reply }, { body }) {
      const { token, ...view } = await signIn({ deps, ...body });
      setSessionCookie(reply, token, deps.secureCookies);
      return view;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/auth/sign-out",
    summary: "End the current session",
    tag: "auth",
    access: "signed-in",
    response: { status: 204, schema: null },
    async handler({ deps, auth, reply }) {
      await signOut({ deps, auth: signedIn(auth) });
      clearSessionCookie(reply, deps.secureCookies);
      return null;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/auth/mfa/enroll",
    summary: "Start TOTP enrollment: a new secret and its otpauth URI",
    tag: "auth",
    access: "signed-in",
    rateLimit: authLimit,
    response: { status: 200, schema: MfaEnrollView },
    handler: ({ deps, auth }) => enrollMfa({ deps, auth: signedIn(auth) }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/auth/mfa/confirm",
    summary: "Confirm TOTP enrollment with a first code; returns recovery codes once",
    tag: "auth",
    access: "signed-in",
    rateLimit: authLimit,
    body: MfaConfirmBody,
    response: { status: 200, schema: MfaConfirmView },
    handler: ({ deps, auth }, { body }) => confirmMfa({ deps, auth: signedIn(auth), code: body.code }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/auth/mfa/verify",
    summary: "Verify this session's second factor with a TOTP code or a recovery code",
    tag: "auth",
    access: "signed-in",
    rateLimit: authLimit,
    body: MfaVerifyBody,
    response: { status: 200, schema: MfaVerifyView },
    handler: ({ deps, auth }, { body }) => verifyMfa({ deps, auth: signedIn(auth), ...body }),
  }),
];
