/** Where the systems run, how customers are separated, and who can touch the hardware. */
import { z } from "zod";
import { NonEmpty } from "./primitives.ts";

export const HostingProvider = z
  .strictObject({
    name: NonEmpty.describe("Provider name, for example 'Amazon Web Services'."),
    shortName: NonEmpty.describe("Short name used in text, for example 'AWS'."),
    kind: z
      .enum(["public-cloud", "managed-hosting", "colocation"])
      .default("public-cloud")
      .describe("public-cloud, managed-hosting or colocation."),
    segmentation: NonEmpty.describe(
      "How customer environments are separated at this provider, completing 'At <provider>, ...', for example 'each customer runs in its own VPC behind a dedicated load balancer'.",
    ),
    baaSigned: z
      .boolean()
      .default(true)
      .describe("True when a business associate agreement with the provider is in force."),
  })
  .describe("One hosting provider.");

export const OnPremise = z
  .strictObject({
    location: NonEmpty.describe(
      "Where the organization's own equipment is, for example 'our Denver office server room'.",
    ),
    physicalAccess: z
      .array(NonEmpty)
      .min(1, { error: "expected at least one role with physical access" })
      .describe("Roles allowed into the equipment area, for example 'Security Officer'."),
    segmentation: NonEmpty.describe(
      "How the on-premise network is separated, for example 'pf firewalls with a deny-by-default rule set'.",
    ),
  })
  .describe("The organization's own facility, when it runs equipment itself.");

export const Hosting = z
  .strictObject({
    providers: z
      .array(HostingProvider)
      .default([])
      .describe("Hosting providers; may be empty when everything runs on premise."),
    onPremise: OnPremise.nullable()
      .default(null)
      .describe("The organization's own facility, or null when it runs no equipment of its own."),
    components: z
      .array(NonEmpty)
      .min(1, { error: "expected at least one component" })
      .describe(
        "What the production environment is made of, for example 'nginx web servers', 'PostgreSQL database servers'.",
      ),
    hostFirewall: NonEmpty.describe(
      "Host-level firewall on every server, for example 'iptables' or 'security groups'.",
    ),
    remoteAccess: NonEmpty.describe(
      "How administrators reach internal systems, completing 'Administrators reach internal systems ...', for example 'only through a bastion host over the VPN'.",
    ),
    publicEndpoints: z
      .array(NonEmpty)
      .min(1, { error: "expected at least one internet-facing component" })
      .describe("Components reachable from the internet, for example 'load balancers'."),
    encryptionAtRest: NonEmpty.default("AES-256").describe("Encryption used for stored ePHI."),
    encryptionInTransit: NonEmpty.default("TLS 1.2 or later").describe(
      "Encryption used for ePHI in transit.",
    ),
  })
  .describe("Hosting: providers, on-premise equipment and network layout.");
