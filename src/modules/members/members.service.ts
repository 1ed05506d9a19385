/** Member commands: list (a page at a time), change roles, remove. Each change is audited in its transaction. */
import { recordEvent } from "../../audit/index.ts";
import type { Role } from "../../auth/permissions.ts";
import type { AuthContext } from "../../auth/session.ts";
import type { Transaction } from "../../db/index.ts";
import type { AppDeps } from "../../server/deps.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { listOpenInvitations } from "./invitations.repo.ts";
import { lastOwnerMessage, roleChangeRefusal } from "./members.policy.ts";
import { nextOffset } from "../../server/paging.ts";
import { presentInvitation, presentMember } from "./members.presenter.ts";
import type { MembersQuery } from "./members.schema.ts";
import {
  addRoles,
  countOwners,
  endSessionsIn,
  containsPattern,
  findMember,
  lockOrganization,
  pageMembers,
  removeRolesExcept,
  type MemberRow,
} from "./members.repo.ts";

type Deps = Pick<AppDeps, "db" | "clock">;

/** One page of the members (in name order, `q` matching names and emails) and every open invitation. */
export async function listMembersOf(options: { deps: Deps; auth: AuthContext; query: MembersQuery }) {
  const { db, clock } = options.deps;
  const organizationId = options.auth.organizationId;
  const { q, limit, offset } = options.query;
  const [page, invitations] = await Promise.all([
    pageMembers(db, organizationId, { pattern: containsPattern(q), limit, offset }),
    listOpenInvitations(db, organizationId, clock.now()),
  ]);
  return {
    members: page.rows.map(presentMember),
    total: page.total,
    nextOffset: nextOffset(options.query, page.total),
    invitations: invitations.map(presentInvitation),
  };
}

/** The member, locked against concurrent membership changes, after the role rules allow `to`. */
async function memberForChange(
  tx: Transaction,
  auth: AuthContext,
  userId: string,
  to: Role[],
): Promise<MemberRow> {
  await lockOrganization(tx, auth.organizationId);
  // Same answer for an unknown id and a member of another organization.
  const member = await findMember(tx, auth.organizationId, userId);
  if (!member) throw notFound("member");
  const refusal = roleChangeRefusal({
    actorId: auth.userId,
    actorRoles: auth.roles,
    targetId: userId,
    from: member.roles,
    to,
  });
  if (refusal) throw new AppError("forbidden", refusal);
  return member;
}

async function ensureOwnerRemains(tx: Transaction, organizationId: string): Promise<void> {
  if ((await countOwners(tx, organizationId)) === 0) throw new AppError("conflict", lastOwnerMessage);
}

/** Replaces a member's roles. */
export async function updateMemberRoles(options: {
  deps: Deps;
  auth: AuthContext;
  userId: string;
  roles: Role[];
}) {
  const { db, clock } = options.deps;
  const { auth, userId, roles } = options;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const member = await memberForChange(tx, auth, userId, roles);
    const before = [...member.roles].sort();
    await removeRolesExcept(tx, auth.organizationId, userId, roles);
    await addRoles(tx, auth.organizationId, userId, roles, now);
    await ensureOwnerRemains(tx, auth.organizationId);
    const after = (await findMember(tx, auth.organizationId, userId))!;
    if (before.join() !== [...after.roles].sort().join()) {
      await recordEvent(tx, {
        organizationId: auth.organizationId,
        actor: { type: "user", id: auth.userId },
        at: now,
        event: {
          action: "membership.roles-changed",
          target: { type: "membership", id: userId },
          changes: { userId, roles: { from: presentMember(member).roles, to: presentMember(after).roles } },
        },
      });
    }
    return presentMember(after);
  });
}

/** Removes every role of a member in the organization and ends their sessions there. */
export async function removeMember(options: {
  deps: Deps;
  auth: AuthContext;
  userId: string;
}): Promise<void> {
  const { db, clock } = options.deps;
  const { auth, userId } = options;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const member = await memberForChange(tx, auth, userId, []);
    await removeRolesExcept(tx, auth.organizationId, userId, []);
    await ensureOwnerRemains(tx, auth.organizationId);
    const sessionsEnded = await endSessionsIn(tx, auth.organizationId, userId, now);
    await recordEvent(tx, {
      organizationId: auth.organizationId,
      actor: { type: "user", id: auth.userId },
      at: now,
      event: {
        action: "membership.removed",
        target: { type: "membership", id: userId },
        changes: { userId, roles: presentMember(member).roles, sessionsEnded },
      },
    });
  });
}
