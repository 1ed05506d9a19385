/**
 * The second factor: TOTP enrollment, confirmation (which issues recovery codes) and verification
 * of a session. Required for owners and officers before any other action (route.ts `authorize`).
 */
import { recordEvent } from "../../audit/index.ts";
import type { AuthContext } from "../../auth/session.ts";
import type { Transaction } from "../../db/index.ts";
import type { AppDeps } from "../../server/deps.ts";
import { AppError } from "../../server/errors.ts";
import {
  acceptTotpStep,
  enableTotp,
  findUserById,
  markSessionMfaVerified,
  replaceRecoveryCodes,
  setPendingTotp,
  unsafeOrganizationsOfUser,
  unusedRecoveryCodes,
  useRecoveryCode,
  clearFailures,
} from "./identity.repo.ts";
import { isLocked, lockoutSettings, recordFailedAttempt } from "./lockout.ts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes.ts";
import { accountLocked } from "./sign-in.service.ts";
import { matchTotp, newTotpSecret, otpauthUri } from "./totp.ts";

type Deps = Pick<AppDeps, "db" | "clock" | "securitySettings">;

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", "the request has invalid fields", [{ field, message }]);
const wrongCode = () => invalid("body.code", "the code is wrong or expired; enter the code shown now");
const reusedCode = () => invalid("body.code", "this code was already used; wait for the next one");

async function userOf(deps: Deps, auth: AuthContext) {
  const user = await findUserById(deps.db, auth.userId);
  if (!user) throw new AppError("unauthenticated", "sign in first");
  return user;
}

/** Starts enrollment: a new secret, stored until confirmed. Refused once a factor is enabled. */
export async function enrollMfa(options: { deps: Deps; auth: AuthContext }) {
  const user = await userOf(options.deps, options.auth);
  const secret = newTotpSecret();
  const stored = await options.deps.db.transaction((tx) => setPendingTotp(tx, user.id, secret));
  if (!stored) throw new AppError("conflict", "a second factor is already enrolled");
  return { secret, otpauthUri: otpauthUri({ secret, account: user.email, issuer: "Steward" }) };
}

/** The session now counts as verified, and the sign-in that needed it is recorded. */
async function completeSignIn(tx: Transaction, auth: AuthContext, at: Date): Promise<void> {
  await markSessionMfaVerified(tx, auth.sessionId);
  await clearFailures(tx, auth.userId);
  await recordEvent(tx, {
    organizationId: auth.organizationId,
    actor: { type: "user", id: auth.userId },
    at,
    event: { action: "user.signed-in", target: { type: "user", id: auth.userId }, changes: { mfa: true } },
  });
}

/** Confirms enrollment with a first code: enables TOTP, verifies this session, returns recovery codes (once). */
export async function confirmMfa(options: { deps: Deps; auth: AuthContext; code: string }) {
  const { db, clock } = options.deps;
  const now = clock.now();
  const user = await userOf(options.deps, options.auth);
  if (user.totpEnabledAt !== null) throw new AppError("conflict", "a second factor is already enrolled");
  if (user.totpSecret === null) throw new AppError("conflict", "start enrollment first");
  const step = matchTotp(user.totpSecret, options.code, now, user.totpLastStep);
  if (step === null) throw wrongCode();
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    if (!(await acceptTotpStep(tx, user.id, step))) throw reusedCode();
    await enableTotp(tx, user.id, now);
    await replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode), now);
    await recordEvent(tx, {
      organizationId: options.auth.organizationId,
      actor: { type: "user", id: user.id },
      at: now,
      event: {
        action: "user.mfa-enrolled",
        target: { type: "user", id: user.id },
        changes: { method: "totp", recoveryCount: codes.length },
      },
    });
    if (!options.auth.mfaVerified) await completeSignIn(tx, options.auth, now);
  });
  return { recoveryCodes: codes };
}

export interface VerifyMfaOptions {
  deps: Deps;
  auth: AuthContext;
  code?: string | undefined;
  recoveryCode?: string | undefined;
}

/**
 * Verifies the session's second factor with a TOTP code or a recovery code. Wrong codes count
 * toward the account's lockout like wrong passwords; a code or recovery code works once.
 */
export async function verifyMfa(options: VerifyMfaOptions) {
  const { db, clock } = options.deps;
  const now = clock.now();
  const user = await userOf(options.deps, options.auth);
  if (user.totpEnabledAt === null || user.totpSecret === null)
    throw new AppError("conflict", "no second factor is enrolled; enroll one first");
  if (isLocked(user, now)) throw accountLocked();
  const secret = user.totpSecret;
  // Read before the transaction: the settings come from the database through `deps`, not `tx`.
  const settings = await lockoutSettings(options.deps, await unsafeOrganizationsOfUser(db, user.id));
  const failure = await db.transaction(async (tx): Promise<AppError | null> => {
    const current = await findUserById(tx, user.id, true);
    if (options.code !== undefined) {
      const step = matchTotp(secret, options.code, now, current?.totpLastStep ?? null);
      if (step !== null && (await acceptTotpStep(tx, user.id, step))) {
        await completeSignIn(tx, options.auth, now);
        return null;
      }
      // A code that matches an already used step is a replay: say so, and count it like a wrong one.
      const reused = step === null && matchTotp(secret, options.code, now, null) !== null;
      return (await fail(tx, "totp")) ?? (reused ? reusedCode() : wrongCode());
    }
    if (await useRecoveryCode(tx, user.id, hashRecoveryCode(options.recoveryCode ?? ""), now)) {
      await completeSignIn(tx, options.auth, now);
      await recordEvent(tx, {
        organizationId: options.auth.organizationId,
        actor: { type: "user", id: user.id },
        at: now,
        event: {
          action: "user.recovery-code-used",
          target: { type: "user", id: user.id },
          changes: { remaining: await unusedRecoveryCodes(tx, user.id) },
        },
      });
      return null;
    }
    return (
      (await fail(tx, "recovery-code")) ??
      invalid("body.recoveryCode", "this recovery code is wrong or was already used")
    );
  });
  if (failure) throw failure;
  return { verified: true as const, unusedRecoveryCodes: await unusedRecoveryCodes(db, user.id) };

  /** Counts the failure; returns the lockout error when this failure locked the account. */
  async function fail(tx: Transaction, factor: "totp" | "recovery-code"): Promise<AppError | null> {
    const locked = await recordFailedAttempt(tx, { userId: user.id, factor, settings, now });
    return locked ? accountLocked() : null;
  }
}
