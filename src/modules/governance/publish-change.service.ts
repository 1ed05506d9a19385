/**
 * `publishChange`: an approved proposal becomes the current policy version, in one transaction:
 * the proposed profile saved as the next profile version, the section texts set, exactly the
 * approved text stored as the policy version (effective on the proposal's date), the schedule
 * following it from that date, the events, and an email to every member asked to acknowledge
 * policies that the new version awaits them, queued in the outbox. The mail server is reached only
 * after the commit (modules/outbox), so a slow or failing one neither holds nor undoes the publish.
 */
import { ActorSchema, AuditError, recordEvent, type Actor } from "../../audit/index.ts";
import type { Transaction } from "../../db/index.ts";
import { localDateOf } from "../../obligations/deadlines.ts";
import type { AppDeps } from "../../server/deps.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { workforceOnly } from "../acknowledgments/acknowledgments.service.ts";
import { listMemberAcknowledgments } from "../acknowledgments/acknowledgments.repo.ts";
import { baseUrlOf } from "../members/invitations.service.ts";
import { organizationName } from "../members/members.repo.ts";
import { enqueueEmails } from "../outbox/outbox.repo.ts";
import type { PolicyVersionRow } from "../policies/policies.repo.ts";
import { storePolicyVersion } from "../policies/policies.service.ts";
import { lockOrganization } from "../profile/profile.repo.ts";
import { checkProfileData, storeProfileVersion } from "../profile/profile.service.ts";
import { publishBlockers } from "./changes.policy.ts";
import { closeChange, findChange, findChangeDocuments, type ChangeRow } from "./changes.repo.ts";
import { announcementsOf, newVersionMessage } from "./publish-email.ts";
import { setSectionText } from "./section-text.repo.ts";
import { isStale, loadApprovalSlots, staleMessage } from "./slots.ts";

export interface PublishChangeOptions {
  deps: Pick<AppDeps, "db" | "baseUrl">;
  organizationId: string;
  changeId: string;
  actor: Actor & { type: "user" };
  now: Date;
}

export interface PublishedChange {
  change: ChangeRow;
  version: PolicyVersionRow;
  /** Announcements queued; they are sent once the caller kicks the outbox, or at the next scheduler tick. */
  emails: { queued: number };
}

export async function publishChange(options: PublishChangeOptions): Promise<PublishedChange> {
  const { deps, organizationId, actor, now } = options;
  if (!ActorSchema.safeParse(actor).success) throw new AuditError("publishChange needs an actor", "no-actor");
  return deps.db.transaction(async (tx) => {
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
    const queued = await announce(tx, options, version);
    return { change: (await findChange(tx, organizationId, change.id))!, version, emails: { queued } };
  });
}

/** Queues one email per member asked to acknowledge policies (external auditors are not). */
async function announce(tx: Transaction, options: PublishChangeOptions, version: PolicyVersionRow) {
  const { deps, organizationId } = options;
  const members = workforceOnly(await listMemberAcknowledgments(tx, organizationId, version.id));
  const organization = (await organizationName(tx, organizationId)).name;
  const messages = members.map((member) =>
    newVersionMessage({
      to: member.email,
      organizationName: organization,
      version: version.version,
      effectiveDate: version.effectiveDate,
      link: `${baseUrlOf(deps)}/policies`,
    }),
  );
  return enqueueEmails(tx, {
    organizationId,
    purpose: "policy-version-published",
    subject: announcementsOf(version.id),
    messages,
    now: options.now,
  });
}
