/** The named tools the policies commit to; a null tool removes the sentences that depend on it. */
import { z } from "zod";
import { NonEmpty } from "./primitives.ts";

const optionalTool = (description: string) => NonEmpty.nullable().default(null).describe(description);

export const Tools = z
  .strictObject({
    configurationManagement: NonEmpty.describe(
      "Configuration management or infrastructure-as-code tool, for example 'Terraform'.",
    ),
    intrusionDetection: optionalTool("Intrusion detection system, for example 'OSSEC'; null when none."),
    fileIntegrity: optionalTool(
      "File integrity monitoring, for example 'AIDE'; null when the IDS does it or none.",
    ),
    logging: NonEmpty.describe("Central log collection, for example 'Elastic Stack'."),
    versionControl: NonEmpty.describe("Source and policy version control host, for example 'GitHub'."),
    ticketing: NonEmpty.describe("Ticketing or work tracking system, for example 'Jira'."),
    chat: optionalTool("Team chat, for example 'Slack'; null when none."),
    passwordManager: optionalTool("Password manager issued to the workforce, for example '1Password'."),
    mfa: NonEmpty.describe(
      "Multi-factor authentication method or product, for example 'hardware security keys'.",
    ),
    backupStorage: NonEmpty.describe(
      "Where backups are stored, for example 'Amazon S3 in a separate account'.",
    ),
    vulnerabilityScanner: NonEmpty.describe("Vulnerability scanner, for example 'Nessus'."),
    endpointProtection: optionalTool("Anti-malware on workstations and servers, for example 'ClamAV'."),
    vpn: optionalTool("VPN product for administrative access, for example 'WireGuard'; null when none."),
    other: z
      .array(
        z.strictObject({
          name: NonEmpty.describe("Tool name."),
          purpose: NonEmpty.describe("What it is used for."),
        }),
      )
      .default([])
      .describe("Further approved tools listed in the Approved Tools policy."),
  })
  .describe("Tools the organization uses; each appears by name in the policies.");
