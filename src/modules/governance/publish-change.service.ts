/**
 * `publishChange`: an approved proposal becomes the current policy version, in one transaction:
 * the proposed profile saved as the next profile version, the section texts set, exactly the
 * approved text stored as the policy version (effective on the proposal's date), the schedule
 * following it from that date, and the events. After the commit every member asked to acknowledge
 * policies is emailed that the new version awaits them; a failed email does not undo the publish.
 */
import { ActorSchema, AuditError, recordEvent, type Actor } from "../../audit/index.ts";
import { localDateOf } from "../../obligations/deadlines.ts";
import type { AppDeps } from "../../server/deps.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { workforceOnly } from "../acknowledgments/acknowledgments.service.ts";
import { listMemberAcknowledgments } from "../acknowledgments/acknowledgments.repo.ts";
import { baseUrlOf } from "../members/invitations.service.ts";
import { organizationName } from "../members/members.repo.ts";
import type { PolicyVersionRow } from "../policies/policies.repo.ts";
import { storePolicyVersion } from "../policies/policies.service.ts";
import { lockOrganization } from "../profile/profile.repo.ts";
import { checkProfileData, storeProfileVersion } from "../profile/profile.service.ts";
import { publishBlockers } from "./changes.policy.ts";
import { closeChange, findChange, findChangeDocuments, type ChangeRow } from "./changes.repo.ts";
import { newVersionMessage } from "./publish-email.ts";
import { setSectionText } from "./section-text.repo.ts";
import { isStale, loadApprovalSlots, staleMessage } from "./slots.ts";

export interface PublishChangeOptions {
  deps: Pick<AppDeps, "db" | "mailer" | "baseUrl">;
  organizationId: string;
  changeId: string;
  actor: Actor & { type: "user" };
  now: Date;
}

export interface PublishedChange {
  change: ChangeRow;
  version: PolicyVersionRow;
  emails: { sent: number; failed: number };
}

export async function publishChange(options: PublishChangeOptions): Promise<PublishedChange> {
  const { deps, organizationId, actor, now } = options;
  if (!ActorSchema.safeParse(actor).success) throw new AuditError("publishChange needs an actor", "no-actor");
  const { change, version } = await deps.db.transaction(async (tx) => {
    if (!(await lockOrganization(tx, organizationId)))
      throw new AppError("not_found", "organization not found");
    const change = await findChange(tx, organizationId, options.changeId, true);
    if (!change) throw notFound("change");
    if (change.status !== "proposed")
      throw new AppError("conflict", `the change is already ${change.status}`);
    if (await isStale(tx, organizationId, change)) throw new AppError("conflict", staleMessage);
    const blockers = publishBlockers(change, await loadApprovalSlots(tx, organizationId, change), false);
    if (blockers.length > 0)
      throw new AppError("conflict", `the change cannot be published yet: ${blockers.join("; ")}`);
    const documents = (await findChangeDocuments(tx, organizationId, change.id))!;
    const checked = checkProfileData(documents.profileData);
    if (!checked.ok) throw new Error("publishChange: the stored draft profile no longer validates");
    const timeZone = checked.profile.organization.timeZone;
    if (change.effectiveDate < localDateOf(now, timeZone))
      throw new AppError(
        "conflict",
        "the proposal's effective date has passed; propose again with a new date",
      );
    const profile = await storeProfileVersion(tx, { organizationId, actor, profile: checked.profile, now });
    for (const section of change.request.sectionChanges)
      await setSectionText(tx, { organizationId, ...section }, change.id, now);
    // Exactly the text that was approved: the stored draft, not a new rendering.
    const set = {
      ...documents.rendered,
      profile: checked.profile,
      version: documents.rendered.documentVersion,
      contentHash: change.contentHash,
    };
    const version = await storePolicyVersion(tx, {
      organizationId,
      profileVersionId: profile.version.id,
      set,
      effectiveFrom: change.effectiveDate,
      actor,
      now,
    });
    await closeChange(tx, organizationId, change.id, {
      status: "published",
      by: actor.id,
      at: now,
      policyVersionId: version.id,
    });
    await recordEvent(tx, {
      organizationId,
      actor,
      at: now,
      event: {
        action: "change.published",
        target: { type: "policy-change", id: change.id },
        changes: {
          number: change.number,
          contentHash: change.contentHash,
          policyVersion: version.version,
          profileVersion: profile.version.version,
          effectiveDate: change.effectiveDate,
        },
      },
    });
    return { change: (await findChange(tx, organizationId, change.id))!, version };
  });
  const emails = await announce(options, version);
  return { change, version, emails };
}

/** One email per member asked to acknowledge policies (external auditors are not). */
async function announce(options: PublishChangeOptions, version: PolicyVersionRow) {
  const { deps, organizationId } = options;
  const members = workforceOnly(await listMemberAcknowledgments(deps.db, organizationId, version.id));
  const organization = (await organizationName(deps.db, organizationId)).name;
  const emails = { sent: 0, failed: 0 };
  for (const member of members) {
    const message = newVersionMessage({
      to: member.email,
      organizationName: organization,
      version: version.version,
      effectiveDate: version.effectiveDate,
      link: `${baseUrlOf(deps)}/policies`,
    });
    // One at a time: a large workforce should not open hundreds of SMTP connections at once.
    const ok = await deps.mailer.send(message).then(
      () => true,
      () => false,
    );
    if (ok) emails.sent += 1;
    else emails.failed += 1;
  }
  return emails;
}
