/**
 * Profile commands: check a profile the way `steward profile check` does, and store it as a new
 * version with its `profile.version-created` event in the same transaction.
 */
import { ActorSchema, AuditError, recordEvent, type Actor } from "../../audit/index.ts";
import type { Database, Transaction } from "../../db/index.ts";
import { describeFound, validateProfileData, type Finding } from "../../profile/errors.ts";
import { lintProfile } from "../../profile/lint.ts";
import type { Profile } from "../../profile/schema.ts";
import { AppError } from "../../server/errors.ts";
import { changedPaths, profileHash } from "./profile.diff.ts";
import {
  findCurrentProfile,
  insertProfileVersion,
  lockOrganization,
  type ProfileVersionWithData,
} from "./profile.repo.ts";

export type ProfileCheck =
  { ok: true; profile: Profile; warnings: Finding[] } | { ok: false; errors: Finding[]; warnings: Finding[] };

/** Validates and lints profile data; lint errors block like schema errors, warnings do not. */
export function checkProfileData(data: unknown): ProfileCheck {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    // The words `steward profile check` uses for a file that is not a mapping.
    const message = `expected a mapping of profile sections such as organization, services and hosting, got ${describeFound(data, true)}`;
    return { ok: false, errors: [{ path: "profile", message, line: null, severity: "error" }], warnings: [] };
  }
  const checked = validateProfileData(data);
  if (!checked.ok) return { ok: false, errors: checked.errors, warnings: [] };
  const findings = lintProfile(checked.profile);
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  return errors.length > 0
    ? { ok: false, errors, warnings }
    : { ok: true, profile: checked.profile, warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The 400 answer for a profile with errors: every field with the message `steward profile check` prints. */
export function profileInvalid(errors: readonly Finding[]): AppError {
  return new AppError(
    "validation_failed",
    `the profile has ${plural(errors.length, "error")}; fix the fields listed`,
    errors.map((e) => ({ field: e.path, message: e.message })),
  );
}

export interface StoreProfileOptions {
  organizationId: string;
  actor: Actor;
  /** A profile that passed `checkProfileData`. */
  profile: Profile;
  now: Date;
  /** Refuse (409) unless this is still the current version: the version an edit started from. */
  baseVersion?: number;
}

export interface StoredProfile {
  version: ProfileVersionWithData;
  /** False when the profile equals the current version: nothing was written. */
  created: boolean;
}

/**
 * Stores a validated profile as the organization's next, current version, inside the caller's
 * transaction (`steward init` uses this in the transaction that creates the organization). An
 * unchanged profile stores nothing and writes no event.
 */
export async function storeProfileVersion(
  tx: Transaction,
  options: StoreProfileOptions,
): Promise<StoredProfile> {
  const { organizationId, actor, profile, now } = options;
  // Checked before anything is written, not only when the event is (STYLE.md rule 5).
  if (!ActorSchema.safeParse(actor).success)
    throw new AuditError("storeProfileVersion needs an actor", "no-actor");
  if (!(await lockOrganization(tx, organizationId)))
    throw new AppError("not_found", "organization not found");
  const previous = await findCurrentProfile(tx, organizationId);
  if (options.baseVersion !== undefined && previous?.version !== options.baseVersion) {
    throw new AppError("conflict", "the profile changed since you opened it; reload");
  }
  const contentHash = profileHash(profile);
  if (previous?.contentHash === contentHash) return { version: previous, created: false };
  const version = await insertProfileVersion(tx, {
    organizationId,
    data: JSON.stringify(profile),
    contentHash,
    createdAt: now,
    createdBy: actor.id,
  });
  await recordEvent(tx, {
    organizationId,
    actor,
    at: now,
    event: {
      action: "profile.version-created",
      target: { type: "profile-version", id: version.id },
      changes: {
        version: version.version,
        contentHash,
        changedPaths: previous ? changedPaths(previous.data, version.data) : [],
      },
    },
  });
  return { version, created: true };
}

export interface SaveProfileOptions extends Omit<StoreProfileOptions, "profile"> {
  db: Database;
  /** The profile as submitted (unvalidated). */
  data: unknown;
}

/** Checks submitted profile data and stores it; throws a 400 AppError listing every error. */
export async function saveProfile(
  options: SaveProfileOptions,
): Promise<StoredProfile & { warnings: Finding[] }> {
  const checked = checkProfileData(options.data);
  if (!checked.ok) throw profileInvalid(checked.errors);
  const { db, organizationId, actor, now, baseVersion } = options;
  const stored = await db.transaction((tx) =>
    storeProfileVersion(tx, { organizationId, actor, now, baseVersion, profile: checked.profile }),
  );
  return { ...stored, warnings: checked.warnings };
}
