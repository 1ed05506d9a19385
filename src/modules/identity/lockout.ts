/**
 * Account lockout (45 CFR 164.308(a)(5)(ii)(C), as the organization's policy states it): after the
 * profile's `lockoutAttempts` consecutive failures the account is locked for `lockoutMinutes`.
 * Failures are counted per account, across the password and the second factor.
 */
import { recordEvent } from "../../audit/index.ts";
import type { Transaction } from "../../db/index.ts";
import type { AppDeps, SecuritySettings } from "../../server/deps.ts";
import { strictest } from "./security-settings.ts";
import { countFailure, lockUser, unsafeOrganizationsOfUser, type UserOrganization } from "./identity.repo.ts";

export const isLocked = (user: { lockedUntil: Date | null }, now: Date) =>
  user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();

/** The lockout numbers that apply to an account: the strictest of its organizations' profiles. */
export async function lockoutSettings(
  deps: Pick<AppDeps, "securitySettings">,
  organizations: UserOrganization[],
): Promise<SecuritySettings> {
  return strictest(await Promise.all(organizations.map((o) => deps.securitySettings(o.organizationId))));
}

export interface FailedAttempt {
  userId: string;
  factor: "password" | "totp" | "recovery-code";
  settings: SecuritySettings;
  now: Date;
}

/**
 * Counts the failure, locks the account when the threshold is reached, and writes
 * `user.sign-in-failed` (and `user.locked-out`) to every organization the account belongs to: the
 * lockout applies to all of them. Returns whether the account is now locked.
 */
export async function recordFailedAttempt(tx: Transaction, attempt: FailedAttempt): Promise<boolean> {
  const failedAttempts = await countFailure(tx, attempt.userId, attempt.now);
  const locks = failedAttempts >= attempt.settings.lockoutAttempts;
  const lockedUntil = new Date(attempt.now.getTime() + attempt.settings.lockoutMinutes * 60_000);
  if (locks) await lockUser(tx, attempt.userId, lockedUntil);
  const actor = { type: "user" as const, id: attempt.userId };
  const target = { type: "user" as const, id: attempt.userId };
  for (const { organizationId } of await unsafeOrganizationsOfUser(tx, attempt.userId)) {
    await recordEvent(tx, {
      organizationId,
      actor,
      at: attempt.now,
      event: { action: "user.sign-in-failed", target, changes: { factor: attempt.factor, failedAttempts } },
    });
    if (locks) {
      await recordEvent(tx, {
        organizationId,
        actor,
        at: attempt.now,
        event: {
          action: "user.locked-out",
          target,
          changes: { failedAttempts, lockedUntil: lockedUntil.toISOString() },
        },
      });
    }
  }
  return locks;
}
