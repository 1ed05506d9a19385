/**
 * `publishPolicies`: renders the organization's current profile into its policy set and stores it
 * as the new current version, with one `policy.published` event per policy, in one transaction.
 */
import { ActorSchema, AuditError, recordEvent, type Actor, type AuditEventInput } from "../../audit/index.ts";
import type { Database, Transaction } from "../../db/index.ts";
import { validateProfileData } from "../../profile/errors.ts";
import type { Profile } from "../../profile/schema.ts";
import { AppError } from "../../server/errors.ts";
import { TemplateError } from "../../templates/errors.ts";
import type { PolicySet } from "../../templates/model.ts";
import { renderPolicySet, type RenderOptions } from "../../templates/render.ts";
import type { SectionText } from "../../templates/section-text.ts";
import { listSectionTexts } from "../governance/section-text.repo.ts";
import { followPolicyVersion } from "../obligations/follow-policies.service.ts";
import {
  findCurrentProfile,
  lockOrganization,
  type ProfileVersionWithData,
} from "../profile/profile.repo.ts";
import { countPolicies, toStoredPolicySet, type PolicyCounts } from "./policies.model.ts";
import { findCurrentPolicyVersion, insertPolicyVersion, type PolicyVersionRow } from "./policies.repo.ts";

export interface PublishPoliciesOptions {
  db: Database;
  organizationId: string;
  actor: Actor;
  now: Date;
  /** Template directory (tests); content/policies by default. */
  templatesDir?: string;
  /**
   * TEST SEAM, never set in production: replaces each event before it is recorded, so a test can
   * make the audit write fail mid-transaction and check that nothing was left half-written.
   */
  unsafeAlterEvent?: (event: AuditEventInput, index: number) => AuditEventInput;
}

export interface PublishedPolicies {
  version: PolicyVersionRow;
  /** False when the current version already has this text from this profile version: nothing was written. */
  created: boolean;
  counts: PolicyCounts;
}

const proposalNeeded = () =>
  new AppError(
    "conflict",
    "policies are already published: propose this change through POST /api/v1/changes so the approvers can approve it",
  );

/** Renders the current profile; template problems become a 400 listing each with its file and line. */
function render(
  profile: ProfileVersionWithData,
  templatesDir: string | undefined,
  sectionText: readonly SectionText[],
): PolicySet {
  const checked = validateProfileData(profile.data);
  if (!checked.ok) {
    throw new AppError(
      "conflict",
      "the stored profile no longer passes validation; save it again from the profile form",
      checked.errors.map((e) => ({ field: e.path, message: e.message })),
    );
  }
  return renderOrRefuse(checked.profile, {
    sectionText,
    ...(templatesDir === undefined ? {} : { templatesDir }),
  });
}

/** Renders a validated profile; template problems become a 400 listing each with its file and line. */
export function renderOrRefuse(profile: Profile, options: RenderOptions): PolicySet {
  try {
    return renderPolicySet(profile, options);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw new AppError(
      "validation_failed",
      "the policies could not be built from this profile",
      error.problems.map((p) => ({
        field: p.line === null ? p.file : `${p.file}:${p.line}`,
        message: p.message,
      })),
    );
  }
}

/**
 * Publishes the current profile's policy set. Rendering runs before the transaction (it takes a
 * moment and needs no lock); the transaction then checks that the profile is still the one
 * rendered, so a concurrent save cannot be published under the wrong profile version.
 *
 * This direct path publishes the first version only (an organization bootstrapping its policies).
 * Once a version is published, a changed set goes through a proposal that the profile's approvers
 * approve (src/modules/governance): publishing a different text here answers 409. Publishing an
 * unchanged profile stays a harmless no-op.
 */
export async function publishPolicies(options: PublishPoliciesOptions): Promise<PublishedPolicies> {
  const { db, organizationId, actor, now } = options;
  if (!ActorSchema.safeParse(actor).success)
    throw new AuditError("publishPolicies needs an actor", "no-actor");
  const profile = await findCurrentProfile(db, organizationId);
  if (!profile) throw new AppError("conflict", "save the organization profile before publishing policies");
  // A version from another profile version can only come through a proposal: say so before rendering.
  const published = await findCurrentPolicyVersion(db, organizationId);
  if (published && published.profileVersionId !== profile.id) throw proposalNeeded();
  const sectionText = await listSectionTexts(db, organizationId);
  const set = render(profile, options.templatesDir, sectionText);
  const counts = countPolicies(set.policies);
  return db.transaction(async (tx) => {
    if (!(await lockOrganization(tx, organizationId)))
      throw new AppError("not_found", "organization not found");
    if ((await findCurrentProfile(tx, organizationId))?.id !== profile.id) {
      throw new AppError("conflict", "the profile changed while the policies were built; publish again");
    }
    const current = await findCurrentPolicyVersion(tx, organizationId);
    if (current?.contentHash === set.contentHash && current.profileVersionId === profile.id) {
      return { version: current, created: false, counts };
    }
    if (current) throw proposalNeeded();
    const version = await storePolicyVersion(tx, {
      organizationId,
      profileVersionId: profile.id,
      set,
      effectiveFrom: set.effectiveDate,
      actor,
      now,
      ...(options.unsafeAlterEvent ? { unsafeAlterEvent: options.unsafeAlterEvent } : {}),
    });
    return { version, created: true, counts };
  });
}

export interface StorePolicyVersionOptions {
  organizationId: string;
  profileVersionId: string;
  /** The rendered set, exactly as it is to be published. */
  set: PolicySet;
  /** The day obligations follow the new commitments from (clamped to today by the obligations engine). */
  effectiveFrom: string;
  actor: Actor;
  now: Date;
  /** TEST SEAM, never set in production: see PublishPoliciesOptions. */
  unsafeAlterEvent?: (event: AuditEventInput, index: number) => AuditEventInput;
}

/**
 * Inside the caller's transaction (organization locked): stores the set as the new current
 * version, writes one `policy.published` event per policy and makes the schedule follow it. Shared
 * by the first publish and by published proposals.
 */
export async function storePolicyVersion(
  tx: Transaction,
  options: StorePolicyVersionOptions,
): Promise<PolicyVersionRow> {
  const { organizationId, set, actor, now } = options;
  const version = await insertPolicyVersion(tx, {
    organizationId,
    profileVersionId: options.profileVersionId,
    contentHash: set.contentHash,
    publishedAt: now,
    publishedBy: actor.id,
    rendered: JSON.stringify(toStoredPolicySet(set)),
  });
  // One event per policy: the event type names a policy, and the trail then says which
  // policies each version holds; all carry the set's hash, which acknowledgments bind to.
  for (const [index, policy] of set.policies.entries()) {
    const event: AuditEventInput = {
      action: "policy.published",
      target: { type: "policy-version", id: version.id },
      changes: { policyId: policy.id, version: version.version, contentHash: set.contentHash },
    };
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: options.unsafeAlterEvent ? options.unsafeAlterEvent(event, index) : event,
    });
  }
  await followPolicyVersion(tx, {
    organizationId,
    policyVersionId: version.id,
    set,
    effectiveFrom: options.effectiveFrom,
    now,
    actor,
  });
  return version;
}
