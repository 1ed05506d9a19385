/** Who holds each role the policies assign work to. */
import { z } from "zod";
import { NonEmpty, Person, PersonRole } from "./primitives.ts";

export const People = z
  .strictObject({
    securityOfficer: Person.nullable().describe("The security official required by 164.308(a)(2)."),
    privacyOfficer: Person.describe(
      "Privacy Officer; may be the same person as the Security Officer (same email).",
    ),
    engineeringLead: Person.describe("CTO or engineering lead: owns backups, changes and recovery."),
    executive: Person.describe("CEO or COO: approves residual risk and speaks for the organization."),
    lineOfSuccession: z
      .array(PersonRole)
      .min(1, { error: "expected at least one role" })
      .describe("Roles, in order, who take charge during a disaster when the one before is unavailable."),
    incidentResponseTeam: z
      .array(
        z.strictObject({
          role: NonEmpty.describe("Role on the team, for example 'Incident Commander'."),
          holder: NonEmpty.describe("Who fills it: a name or a job title."),
        }),
      )
      .min(1, { error: "expected at least one team member" })
      .describe("Members of the security incident response team."),
    policyApprovers: z
      .array(PersonRole)
      .min(1, { error: "expected at least one role" })
      .default(["securityOfficer", "privacyOfficer"])
      .describe("Roles that must approve a new policy version before it takes effect."),
  })
  .describe("People and roles named in the policies.");
