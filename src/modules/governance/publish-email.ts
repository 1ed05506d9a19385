/** The email announcing a new policy version. Plain text, no tracking, no policy text in it. */
import type { OutboxSubject } from "../outbox/outbox.repo.ts";

/** The outbox record of a version's announcements: the change page reads how their delivery went. */
export const announcementsOf = (policyVersionId: string): OutboxSubject => ({
  subjectType: "policy-version",
  subjectId: policyVersionId,
});

export interface NewVersionEmail {
  to: string;
  organizationName: string;
  version: number;
  effectiveDate: string;
  /** Where the member reads and acknowledges the policies. */
  link: string;
}

export function newVersionMessage(email: NewVersionEmail): { to: string; subject: string; text: string } {
  return {
    to: email.to,
    subject: `${email.organizationName}: new HIPAA policies to acknowledge`,
    text: [
      `${email.organizationName} has approved and published version ${email.version} of its HIPAA policies, effective ${email.effectiveDate}.`,
      "",
      "Please read the policies and confirm that you will follow them:",
      email.link,
      "",
      "You are receiving this because you are a member of the organization on Steward.",
    ].join("\n"),
  };
}
