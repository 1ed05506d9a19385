/** Who the organization is and what it sells: the identity and service-model parts of the profile. */
import { z } from "zod";
import { NonEmpty } from "./primitives.ts";

let canonicalZones: Set<string> | null = null;

/** The canonical IANA zone names, read from ICU once (a few milliseconds; the snapshot reads them in advance). */
export function canonicalTimeZones(): Set<string> {
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  return canonicalZones;
}

/**
 * True for an IANA time zone. The list lookup is cheap; constructing a DateTimeFormat loads ICU
 * data (tens of milliseconds), so it is only the fallback for aliases such as UTC or US/Eastern.
 */
function isTimeZone(value: string): boolean {
  if (canonicalTimeZones().has(value)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const Organization = z
  .strictObject({
    legalName: NonEmpty.describe("Registered legal name, for example 'Northwind Health Cloud, Inc.'."),
    name: NonEmpty.describe("Short name used throughout the policy text, for example 'Northwind'."),
    description: NonEmpty.describe(
      "What the organization provides, completing the sentence '<name> provides ...', for example 'a hosted scheduling platform for physical-therapy clinics'.",
    ),
    website: z
      .url({ error: "expected a web address starting with https://" })
      .nullable()
      .default(null)
      .describe("Public website, optional."),
    address: z
      .string()
      .trim()
      .nullable()
      .default(null)
      .describe("Postal address of the headquarters, optional."),
    timeZone: z
      .string()
      .refine(isTimeZone, { error: "expected an IANA time zone such as America/New_York" })
      .default("America/New_York")
      .describe("IANA time zone in which deadlines are counted."),
    complianceEmail: z
      .email({ error: "expected an email address" })
      .describe("Mailbox for policy questions, change requests and audit-report requests."),
    securityEmail: z
      .email({ error: "expected an email address" })
      .describe("Mailbox where anyone reports a suspected security incident."),
  })
  .describe("Identity and contacts of the organization.");

export const serviceKinds = ["saas", "paas", "add-ons", "other"] as const;

export const ServiceOffering = z
  .strictObject({
    kind: z
      .enum(serviceKinds)
      .describe("Service model: saas, paas, add-ons (platform add-ons or API services) or other."),
    name: NonEmpty.describe(
      "Name of the offering as used in the policies, for example 'Platform as a Service (PaaS)'.",
    ),
    customerTerm: NonEmpty.describe(
      "Word for the customers of this offering, plural, for example 'PaaS Customers'.",
    ),
    description: NonEmpty.describe("One or two sentences on what customers of this offering receive."),
    managesApplicationData: z
      .boolean()
      .default(true)
      .describe(
        "True when the organization configures and secures the application layer that holds the customer's ePHI; false when customers run their own applications and the organization sees only infrastructure.",
      ),
    items: z
      .array(NonEmpty)
      .default([])
      .describe("Named services within the offering, for example the individual add-ons."),
  })
  .describe("One service model the organization offers.");
export type ServiceOffering = z.infer<typeof ServiceOffering>;

export const Services = z
  .strictObject({
    offerings: z
      .array(ServiceOffering)
      .min(1, { error: "expected at least one service offering" })
      .describe("The service models offered; customers of each inherit different responsibilities."),
    customerTerm: NonEmpty.default("Customers").describe("General word for all customers, plural."),
    customerTermSingular: NonEmpty.default("Customer").describe("General word for one customer."),
    role: z
      .enum(["business-associate", "subcontractor"])
      .default("business-associate")
      .describe("HIPAA role toward customers: business associate, or subcontractor of a business associate."),
    treatAllDataAsEphi: z
      .boolean()
      .default(true)
      .describe("True when every customer record is protected as if it contained ePHI."),
  })
  .describe("Service models and the words used for customers.");
