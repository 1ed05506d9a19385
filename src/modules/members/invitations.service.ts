/**
 * Inviting: a member with `members:invite` invites a person by email with some roles; the person
 * accepts through the link (accept-invitation.service.ts). The token travels only in the email;
 * the database keeps its SHA-256.
 */
import { createHash, randomBytes } from "node:crypto";
import { recordEvent } from "../../audit/index.ts";
import type { Role } from "../../auth/permissions.ts";
import type { AuthContext } from "../../auth/session.ts";
import { config } from "../../config.ts";
import type { AppDeps } from "../../server/deps.ts";
import { AppError } from "../../server/errors.ts";
import { findUserByEmail } from "../identity/identity.repo.ts";
import { invitationMessage } from "./invitation-email.ts";
import { createInvitation, createUser, displayNameOf, renameUser } from "./invitations.repo.ts";
import { roleChangeRefusal } from "./members.policy.ts";
import { presentInvitation } from "./members.presenter.ts";
import { findMember, organizationName } from "./members.repo.ts";

export const INVITATION_DAYS = 7;
/** What is stored of an invitation token. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Where links in emails point. */
export const baseUrlOf = (deps: Pick<AppDeps, "baseUrl">) =>
  (deps.baseUrl ?? config().STEWARD_BASE_URL ?? `http://127.0.0.1:${config().PORT}`).replace(/\/+$/, "");

export interface InviteOptions {
  deps: Pick<AppDeps, "db" | "clock" | "mailer" | "baseUrl">;
  auth: AuthContext;
  email: string;
  displayName: string;
  roles: Role[];
}

/** Creates the invitation (and the account when the email is new), then emails the link. */
export async function inviteMember(options: InviteOptions) {
  const { db, clock, mailer } = options.deps;
  const { auth } = options;
  const now = clock.now();
  const refusal = roleChangeRefusal({
    actorId: auth.userId,
    actorRoles: auth.roles,
    // Never the inviter: inviting an existing member is refused below.
    targetId: "",
    from: [],
    to: options.roles,
  });
  if (refusal) throw new AppError("forbidden", refusal);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3_600_000);
  const created = await db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, options.email);
    if (existing && (await findMember(tx, auth.organizationId, existing.id)))
      throw new AppError("conflict", "this person is already a member of the organization");
    let userId = existing?.id;
    let displayName = options.displayName;
    if (userId === undefined) userId = await createUser(tx, options.email, displayName);
    // Someone who never accepted has no name of their own yet: the newest invitation names them.
    else if (existing?.passwordHash === null) await renameUser(tx, userId, displayName);
    else displayName = existing?.displayName ?? displayName;
    const id = await createInvitation(tx, {
      organizationId: auth.organizationId,
      userId,
      roles: options.roles,
      tokenHash: hashToken(token),
      invitedBy: auth.userId,
      now,
      expiresAt,
    });
    await recordEvent(tx, {
      organizationId: auth.organizationId,
      actor: { type: "user", id: auth.userId },
      at: now,
      event: {
        action: "invitation.created",
        target: { type: "invitation", id },
        changes: { userId, email: options.email, roles: options.roles },
      },
    });
    const organization = await organizationName(tx, auth.organizationId);
    const invitation = {
      id,
      organizationId: auth.organizationId,
      userId,
      email: options.email,
      displayName,
      roles: options.roles,
      expiresAt,
    };
    return { invitation, organization, inviterName: await displayNameOf(tx, auth.userId) };
  });
  const message = invitationMessage({
    to: options.email,
    inviterName: created.inviterName,
    organizationName: created.organization.name,
    link: `${baseUrlOf(options.deps)}/accept-invitation?token=${token}`,
    expiresAt,
  });
  // Sent after the commit: a link is never mailed for an invitation that was rolled back.
  const emailSent = await mailer.send(message).then(
    () => true,
    () => false,
  );
  return { invitation: presentInvitation(created.invitation), emailSent };
}
