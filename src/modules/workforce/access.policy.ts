/**
 * Separation of duties for access, as pure rules the permission matrix cannot express: who may
 * decide, grant or review a given piece of access. Each returns the refusal message, or null.
 */

export interface AccessSubject {
  /** The member account of the person whose access it is (null: the person has no account). */
  personUserId: string | null;
}

/** Approving or rejecting: never the person the access is for, never the requester. */
export function decisionRefusal(
  userId: string,
  request: AccessSubject & { requestedBy: string },
): string | null {
  if (request.personUserId === userId) return "nobody may decide a request for their own access";
  if (request.requestedBy === userId) return "nobody may decide a request they made; another officer must";
  return null;
}

/** Issuing the access: never to oneself. */
export function grantRefusal(userId: string, request: AccessSubject): string | null {
  return request.personUserId === userId ? "nobody may grant access to themselves" : null;
}

/** Keeping or revoking in a review campaign: never one's own access. */
export function reviewRefusal(userId: string, grant: AccessSubject): string | null {
  return grant.personUserId === userId ? "nobody may review their own access" : null;
}
