/**
 * Signing in and out. What a caller learns from a failed sign-in (docs/ARCHITECTURE.md, "Sign-in
 * answers"): an unknown email, an open invitation, an account without membership and a wrong
 * password get the same 401 after the same password-hashing work; only an account that is locked
 * answers 423, from the failure that locks it until the lockout ends.
 */
import { recordEvent } from "../../audit/index.ts";
import { mfaRequiredRoles } from "../../auth/permissions.ts";
import { createSession, endSession, type AuthContext } from "../../auth/session.ts";
import type { AppDeps } from "../../server/deps.ts";
import { AppError } from "../../server/errors.ts";
import { clearFailures, findUserByEmail, unsafeOrganizationsOfUser } from "./identity.repo.ts";
import type { SignInView } from "./identity.schema.ts";
import { isLocked, lockoutSettings, recordFailedAttempt } from "./lockout.ts";
import { verifyPassword } from "./password.ts";

export const wrongCredentials = () => new AppError("unauthenticated", "wrong email or password");
export const accountLocked = () =>
  new AppError("locked", "this account is locked after too many failed attempts; try again later");

export interface SignInOptions {
  deps: Pick<AppDeps, "db" | "clock" | "securitySettings">;
  email: string;
  password: string;
  /** Slug of the organization to enter; needed when the account belongs to several. */
  organization?: string | undefined;
}

/** Checks the password and opens a session (second factor still to verify). Returns the cookie token too. */
export async function signIn(options: SignInOptions): Promise<SignInView & { token: string }> {
  const { db, clock } = options.deps;
  const now = clock.now();
  const user = await findUserByEmail(db, options.email);
  const organizations = user ? await unsafeOrganizationsOfUser(db, user.id) : [];
  if (!user || user.passwordHash === null || organizations.length === 0) {
    await verifyPassword(null, options.password);
    throw wrongCredentials();
  }
  // A locked account is refused before its password is checked, so guessing stops for the lockout.
  if (isLocked(user, now)) throw accountLocked();
  if (!(await verifyPassword(user.passwordHash, options.password))) {
    const settings = await lockoutSettings(options.deps, organizations);
    const locked = await db.transaction((tx) =>
      recordFailedAttempt(tx, { userId: user.id, factor: "password", settings, now }),
    );
    throw locked ? accountLocked() : wrongCredentials();
  }

  const chosen =
    options.organization === undefined
      ? organizations.length === 1
        ? organizations[0]
        : undefined
      : organizations.find((o) => o.slug === options.organization);
  if (!chosen) {
    const message =
      options.organization === undefined
        ? "this account belongs to several organizations: give the slug of the one to sign in to"
        : "you are not a member of an organization with this slug";
    throw new AppError("validation_failed", "the request has invalid fields", [
      { field: "body.organization", message },
    ]);
  }
  const mfaRequired = chosen.roles.some((r) => mfaRequiredRoles.includes(r));
  const session = await db.transaction(async (tx) => {
    await clearFailures(tx, user.id);
    const created = await createSession(tx, {
      userId: user.id,
      organizationId: chosen.organizationId,
      mfaVerified: false,
      now,
    });
    // Members who need a second factor are signed in once it is verified (recorded then).
    if (!mfaRequired) {
      await recordEvent(tx, {
        organizationId: chosen.organizationId,
        actor: { type: "user", id: user.id },
        at: now,
        event: { action: "user.signed-in", target: { type: "user", id: user.id }, changes: { mfa: false } },
      });
    }
    return created;
  });
  return {
    token: session.token,
    user: { id: user.id, email: user.email, displayName: user.displayName },
    organization: { id: chosen.organizationId, slug: chosen.slug, name: chosen.name },
    roles: chosen.roles,
    csrfToken: session.csrfToken,
    mfa: { required: mfaRequired, enrolled: user.totpEnabledAt !== null, verified: false },
  };
}

/** Ends the caller's session and records it. */
export async function signOut(options: {
  deps: Pick<AppDeps, "db" | "clock">;
  auth: AuthContext;
}): Promise<void> {
  const { db, clock } = options.deps;
  const now = clock.now();
  await db.transaction(async (tx) => {
    await endSession(tx, options.auth.sessionId, now);
    await recordEvent(tx, {
      organizationId: options.auth.organizationId,
      actor: { type: "user", id: options.auth.userId },
      at: now,
      event: {
        action: "user.signed-out",
        target: { type: "user", id: options.auth.userId },
        changes: { sessionId: options.auth.sessionId },
      },
    });
  });
}
