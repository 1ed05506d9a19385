/**
 * `proposeChange`: a draft of the next policy version, built from the current profile with some
 * values changed and/or some sections worded by the organization, stored with its rendered text
 * and that text's hash (what approvals bind to), with its `change.proposed` event.
 */
import { ActorSchema, AuditError, recordEvent, type Actor } from "../../audit/index.ts";
import type { Database } from "../../db/index.ts";
import { localDateOf } from "../../obligations/deadlines.ts";
import { AppError } from "../../server/errors.ts";
import { toStoredPolicySet } from "../policies/policies.model.ts";
import { findCurrentPolicyVersion } from "../policies/policies.repo.ts";
import { profileHash } from "../profile/profile.diff.ts";
import { findCurrentProfile, lockOrganization } from "../profile/profile.repo.ts";
import { findProfileData } from "./profile-data.repo.ts";
import { findChange, insertChange, type ChangeRow } from "./changes.repo.ts";
import type { ChangeRequest, ProposeBody } from "./changes.schema.ts";
import { buildDraft } from "./draft.ts";
import { listSectionTexts } from "./section-text.repo.ts";

export interface ProposeChangeOptions {
  db: Database;
  organizationId: string;
  actor: Actor & { type: "user" };
  body: ProposeBody;
  now: Date;
  /** Template directory (tests); content/policies by default. */
  templatesDir?: string;
}

export async function proposeChange(options: ProposeChangeOptions): Promise<ChangeRow> {
  const { db, organizationId, actor, body, now } = options;
  if (!ActorSchema.safeParse(actor).success) throw new AuditError("proposeChange needs an actor", "no-actor");
  const profile = await findCurrentProfile(db, organizationId);
  const published = await findCurrentPolicyVersion(db, organizationId);
  if (!profile || !published)
    throw new AppError(
      "conflict",
      "no policies are published yet: publish the first version from the profile (POST /api/v1/policies/publish)",
    );
  const request: ChangeRequest = { profileChanges: body.profileChanges, sectionChanges: body.sectionChanges };
  const draft = buildDraft({
    currentProfile: profile.data,
    currentSectionText: await listSectionTexts(db, organizationId),
    request,
    effectiveDate: body.effectiveDate,
    ...(options.templatesDir === undefined ? {} : { templatesDir: options.templatesDir }),
  });
  // The draft's zone, as publishing and the schedule will use it (a proposal may change the zone).
  const timeZone = draft.profile.organization.timeZone;
  const today = localDateOf(now, timeZone);
  if (body.effectiveDate < today)
    throw new AppError("validation_failed", "the effective date has passed", [
      { field: "body.effectiveDate", message: `expected ${today} or later (today in ${timeZone})` },
    ]);
  const draftProfileHash = profileHash(draft.profile);
  const publishedProfile = await findProfileData(db, organizationId, published.profileVersionId);
  if (draft.set.contentHash === published.contentHash && draftProfileHash === profileHash(publishedProfile))
    throw new AppError("validation_failed", "the proposal changes nothing in the published policies", [
      {
        field: "body.profileChanges",
        message: "expected at least one value or text that differs from the version in force",
      },
    ]);
  return db.transaction(async (tx) => {
    if (!(await lockOrganization(tx, organizationId)))
      throw new AppError("not_found", "organization not found");
    const profileNow = await findCurrentProfile(tx, organizationId);
    const publishedNow = await findCurrentPolicyVersion(tx, organizationId);
    if (profileNow?.id !== profile.id || publishedNow?.id !== published.id)
      throw new AppError(
        "conflict",
        "the profile or the policies changed while the draft was built; propose again",
      );
    const { id, number } = await insertChange(tx, {
      organizationId,
      summary: body.summary,
      effectiveDate: body.effectiveDate,
      request,
      baseProfileVersionId: profile.id,
      basePolicyVersionId: published.id,
      baseContentHash: published.contentHash,
      profileData: JSON.stringify(draft.profile),
      profileHash: draftProfileHash,
      rendered: JSON.stringify(toStoredPolicySet(draft.set)),
      contentHash: draft.set.contentHash,
      proposedBy: actor.id,
      proposedAt: now,
    });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "change.proposed",
        target: { type: "policy-change", id },
        changes: {
          number,
          contentHash: draft.set.contentHash,
          effectiveDate: body.effectiveDate,
          profilePaths: [...new Set(body.profileChanges.map((c) => c.path))],
          sections: body.sectionChanges.map((s) => `${s.policyId}#${s.sectionId}`),
        },
      },
    });
    return (await findChange(tx, organizationId, id))!;
  });
}
