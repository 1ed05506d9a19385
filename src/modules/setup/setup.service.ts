/**
 * Creates an organization with its first owner (roles owner and security-officer) in one
 * transaction, with their audit events and, from `steward init`, the profile as version 1. The
 * web setup page may do this only while the installation has no organization.
 */
import { recordEvent, type Actor } from "../../audit/index.ts";
import type { Role } from "../../auth/permissions.ts";
import type { Database } from "../../db/index.ts";
import type { Profile } from "../../profile/schema.ts";
import { AppError } from "../../server/errors.ts";
import { hashPassword, passwordProblem } from "../identity/password.ts";
import { findUserByEmail } from "../identity/identity.repo.ts";
import { storeProfileVersion } from "../profile/profile.service.ts";
import {
  insertMemberships,
  insertOrganization,
  insertUser,
  lockOrganizationCreation,
  unsafeAnyOrganization,
  unsafeSlugTaken,
} from "./setup.repo.ts";

/** The first owner also holds the security officer role until the owner hands it to someone else. */
export const FIRST_OWNER_ROLES: readonly Role[] = ["owner", "security-officer"];

export interface SetUpOptions {
  db: Database;
  now: Date;
  organization: { slug: string; name: string };
  admin: { email: string; displayName: string; password: string };
  /** The profile's minimum length (the profile schema's default when there is no profile yet). */
  passwordMinLength: number;
  /** Refuse (409) when an organization exists: the unauthenticated web setup. */
  firstOnly: boolean;
  /** Who the events name: an operator for the CLI, or "owner" for the new owner themselves. */
  actor: Actor | "owner";
  /** Stored as the organization's first profile version (`steward init`). */
  profile?: Profile;
}

const conflict = (field: string, message: string) => new AppError("conflict", message, [{ field, message }]);

export async function setUpOrganization(options: SetUpOptions) {
  const { db, now, organization, admin } = options;
  // Checked again under the lock below; this answers a second setup before any other problem.
  if (options.firstOnly && (await unsafeAnyOrganization(db)))
    throw new AppError("conflict", "Steward is already set up; sign in instead");
  const problem = passwordProblem(admin.password, {
    email: admin.email,
    displayName: admin.displayName,
    minLength: options.passwordMinLength,
  });
  if (problem)
    throw new AppError("validation_failed", "the request has invalid fields", [
      { field: "body.admin.password", message: problem },
    ]);
  // Hashed before the transaction: argon2 takes a moment, and locks should not wait for it.
  const passwordHash = await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    await lockOrganizationCreation(tx);
    if (options.firstOnly && (await unsafeAnyOrganization(tx)))
      throw new AppError("conflict", "Steward is already set up; sign in instead");
    if (await unsafeSlugTaken(tx, organization.slug))
      throw conflict("body.organization.slug", "an organization with this slug already exists");
    if (await findUserByEmail(tx, admin.email))
      throw conflict("body.admin.email", "an account with this email already exists");
    const organizationId = await insertOrganization(tx, organization.slug, organization.name, now);
    const userId = await insertUser(tx, { ...admin, passwordHash, now });
    await insertMemberships(tx, organizationId, userId, FIRST_OWNER_ROLES, now);
    const actor: Actor = options.actor === "owner" ? { type: "user", id: userId } : options.actor;
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "organization.created",
        target: { type: "organization", id: organizationId },
        changes: organization,
      },
    });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "membership.created",
        target: { type: "membership", id: userId },
        changes: { userId, email: admin.email, roles: [...FIRST_OWNER_ROLES] },
      },
    });
    const profile = options.profile
      ? await storeProfileVersion(tx, { organizationId, actor, profile: options.profile, now })
      : null;
    return {
      organization: { id: organizationId, ...organization },
      user: { id: userId, email: admin.email },
      profileVersion: profile?.version.version ?? null,
    };
  });
}
