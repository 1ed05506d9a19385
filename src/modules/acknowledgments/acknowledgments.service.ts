/**
 * `acknowledgePolicies`: a workforce member confirms they read the current policies. The
 * acknowledgment is bound to the text they saw: it is refused unless the hash they send is the
 * current version's.
 */
import { ActorSchema, AuditError, recordEvent, type Actor } from "../../audit/index.ts";
import { can, roles, type Role } from "../../auth/permissions.ts";
import type { Database } from "../../db/index.ts";
import { AppError } from "../../server/errors.ts";
import {
  findAcknowledgment,
  insertAcknowledgment,
  lockCurrentPolicyVersion,
  type MemberAcknowledgmentRow,
} from "./acknowledgments.repo.ts";

export interface AcknowledgePoliciesOptions {
  db: Database;
  organizationId: string;
  /** The member acknowledging (a user actor). */
  actor: Actor & { type: "user" };
  /** The hash of the text the member read, as the policies answer gave it. */
  contentHash: string;
  now: Date;
}

export interface Acknowledgment {
  version: number;
  contentHash: string;
  acknowledgedAt: Date;
  /** False when the member had already acknowledged this version (nothing was written). */
  created: boolean;
}

/** Records the acknowledgment with one `policy.acknowledged` event per policy of the version. */
export async function acknowledgePolicies(options: AcknowledgePoliciesOptions): Promise<Acknowledgment> {
  const { db, organizationId, actor, contentHash, now } = options;
  if (!ActorSchema.safeParse(actor).success)
    throw new AuditError("acknowledgePolicies needs an actor", "no-actor");
  return db.transaction(async (tx) => {
    const current = await lockCurrentPolicyVersion(tx, organizationId);
    if (!current) throw new AppError("conflict", "no policies are published yet");
    if (current.contentHash !== contentHash)
      throw new AppError("conflict", "the policies changed since you opened them; reload");
    const at = await insertAcknowledgment(tx, {
      organizationId,
      userId: actor.id,
      policyVersionId: current.id,
      contentHash,
      at: now,
    });
    if (at === null) {
      const earlier = await findAcknowledgment(tx, organizationId, actor.id, current.id);
      return { version: current.version, contentHash, acknowledgedAt: earlier!, created: false };
    }
    for (const policyId of current.policyIds) {
      await recordEvent(tx, {
        organizationId,
        actor,
        at: now,
        event: {
          action: "policy.acknowledged",
          target: { type: "policy-version", id: current.id },
          changes: { policyId, version: current.version, contentHash },
        },
      });
    }
    return { version: current.version, contentHash, acknowledgedAt: at, created: true };
  });
}

/** The roles asked to acknowledge: those the matrix lets acknowledge (external auditors may not). */
export const askedRoles: readonly Role[] = roles.filter((role) => can([role], "acknowledgments:create"));

/** Members who are asked to acknowledge: those whose roles may (external auditors may not). */
export function workforceOnly(rows: readonly MemberAcknowledgmentRow[]): MemberAcknowledgmentRow[] {
  return rows.filter((row) => can(row.roles, "acknowledgments:create"));
}
