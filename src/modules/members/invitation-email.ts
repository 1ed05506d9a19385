/** The invitation email. Plain text: it reads the same in every mail client and carries no tracking. */

export interface InvitationEmail {
  to: string;
  inviterName: string;
  organizationName: string;
  link: string;
  expiresAt: Date;
}

export function invitationMessage(email: InvitationEmail): { to: string; subject: string; text: string } {
  const expires = `${email.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return {
    to: email.to,
    subject: `Join ${email.organizationName} on Steward`,
    text: [
      `${email.inviterName} has added you to ${email.organizationName} on Steward, where the organization keeps its HIPAA policies and compliance records.`,
      "",
      "Open this link to choose your password and join:",
      email.link,
      "",
      `The link can be used once and stops working at ${expires}.`,
      "If you were not expecting this email, ignore it: nothing happens unless the link is opened.",
    ].join("\n"),
  };
}
