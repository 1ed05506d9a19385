/**
 * The security numbers of an organization, read from its current profile version: the same
 * idle logoff, lockout and password length its published policies state.
 */
import type { Queryable } from "../../db/index.ts";
import { Access } from "../../profile/commitments.ts";
import type { KnownAccess } from "../../auth/session.ts";
import type { SecuritySettings } from "../../server/deps.ts";

/** The profile schema's defaults (15, 5, 30, 12), used before an organization has a profile. */
export const defaultSecuritySettings: SecuritySettings = (() => {
  const access = Access.parse({});
  return {
    idleLogoffMinutes: access.idleLogoffMinutes,
    lockoutAttempts: access.lockoutAttempts,
    lockoutMinutes: access.lockoutMinutes,
    passwordMinLength: access.passwordMinLength,
  };
})();

const fields = ["idleLogoffMinutes", "lockoutAttempts", "lockoutMinutes", "passwordMinLength"] as const;

/**
 * Settings from a stored `access` section. Stored versions were validated when saved; a value that
 * no longer fits the schema's range falls back to the default rather than to something weaker.
 */
export function settingsFromAccess(access: unknown): SecuritySettings {
  const source = typeof access === "object" && access !== null ? (access as Record<string, unknown>) : {};
  const settings = { ...defaultSecuritySettings };
  for (const field of fields) {
    const parsed = Access.shape[field].safeParse(source[field]);
    if (parsed.success) settings[field] = parsed.data;
  }
  return settings;
}

/**
 * The `securitySettings` dependency of the app: the current profile version's `access` numbers, or
 * the defaults while the organization has no profile.
 */
export function securitySettingsFor(
  db: Queryable,
): (organizationId: string, known?: KnownAccess) => Promise<SecuritySettings> {
  return async (organizationId, known) => {
    if (known)
      return known.access === null ? { ...defaultSecuritySettings } : settingsFromAccess(known.access);
    const { rows } = await db.query<{ access: unknown }>(
      "SELECT data -> 'access' AS access FROM profile_versions WHERE organization_id = $1 AND is_current",
      [organizationId],
    );
    return rows[0] ? settingsFromAccess(rows[0].access) : { ...defaultSecuritySettings };
  };
}

/**
 * The strictest settings across several organizations: a person who belongs to more than one has
 * one account, and its lockout must satisfy every organization's policy.
 */
export function strictest(all: SecuritySettings[]): SecuritySettings {
  if (all.length === 0) return { ...defaultSecuritySettings };
  return {
    idleLogoffMinutes: Math.min(...all.map((s) => s.idleLogoffMinutes)),
    lockoutAttempts: Math.min(...all.map((s) => s.lockoutAttempts)),
    lockoutMinutes: Math.max(...all.map((s) => s.lockoutMinutes)),
    passwordMinLength: Math.max(...all.map((s) => s.passwordMinLength)),
  };
}
