/**
 * Accepting an invitation: a new account sets its password (the organization's rules apply); an
 * existing account confirms its current password, so a forwarded link cannot change it. The
 * membership, with the invitation's roles, starts here.
 */
import { recordEvent } from "../../audit/index.ts";
import { linkJoiningMember } from "../workforce/people.repo.ts";
import type { AppDeps } from "../../server/deps.ts";
import { AppError } from "../../server/errors.ts";
import { findUserByEmail, setPassword } from "../identity/identity.repo.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../identity/password.ts";
import { markAccepted, renameUser, unsafeFindOpenInvitation } from "./invitations.repo.ts";
import { hashToken } from "./invitations.service.ts";
import { addRoles, organizationName } from "./members.repo.ts";

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", "the request has invalid fields", [{ field, message }]);
const badToken = () => invalid("body.token", "this invitation link is invalid, already used or expired");

export interface AcceptOptions {
  deps: Pick<AppDeps, "db" | "clock" | "securitySettings">;
  token: string;
  password: string;
  displayName?: string | undefined;
}

export async function acceptInvitation(options: AcceptOptions) {
  const { db, clock } = options.deps;
  const now = clock.now();
  const invitation = await unsafeFindOpenInvitation(db, hashToken(options.token), now);
  if (!invitation) throw badToken();
  const user = (await findUserByEmail(db, invitation.email))!;
  let newHash: string | null = null;
  if (user.passwordHash === null) {
    const settings = await options.deps.securitySettings(invitation.organizationId);
    const problem = passwordProblem(options.password, {
      email: user.email,
      displayName: options.displayName ?? user.displayName,
      minLength: settings.passwordMinLength,
    });
    if (problem) throw invalid("body.password", problem);
    newHash = await hashPassword(options.password);
  } else if (!(await verifyPassword(user.passwordHash, options.password))) {
    throw invalid("body.password", "does not match the password of your existing Steward account");
  }
  return db.transaction(async (tx) => {
    // Checked again inside the transaction: two tabs accepting the same link get one membership.
    if (!(await markAccepted(tx, invitation.organizationId, invitation.id, now))) throw badToken();
    if (newHash !== null) {
      await setPassword(tx, user.id, newHash);
      if (options.displayName !== undefined) await renameUser(tx, user.id, options.displayName);
    }
    await addRoles(tx, invitation.organizationId, user.id, invitation.roles, now);
    await linkJoiningMember(tx, invitation.organizationId, user);
    await recordEvent(tx, {
      organizationId: invitation.organizationId,
      actor: { type: "user", id: user.id },
      at: now,
      event: {
        action: "invitation.accepted",
        target: { type: "invitation", id: invitation.id },
        changes: { userId: user.id, roles: invitation.roles },
      },
    });
    return { email: user.email, organization: await organizationName(tx, invitation.organizationId) };
  });
}
