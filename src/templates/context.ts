/** The Liquid scope a template sees: every profile key, plus `derived` facts computed once. */
import type { Profile } from "../profile/schema.ts";
import { andList } from "./words.ts";

export interface Derived {
  offersSaas: boolean;
  offersPaas: boolean;
  offersAddOns: boolean;
  offersOther: boolean;
  saas: Profile["services"]["offerings"][number] | null;
  paas: Profile["services"]["offerings"][number] | null;
  addOns: Profile["services"]["offerings"][number] | null;
  other: Profile["services"]["offerings"][number] | null;
  onPremise: boolean;
  cloudOnly: boolean;
  multiProvider: boolean;
  providerNames: string;
  officersSamePerson: boolean;
  securityOfficerName: string;
  privacyOfficerName: string;
  customerServices: boolean;
  customerServiceNames: string;
}

export function deriveFacts(profile: Profile): Derived {
  const offering = (kind: string) => profile.services.offerings.find((o) => o.kind === kind) ?? null;
  const services = profile.modules.customerServices;
  const serviceNames = [
    services.backup && "Backup Service",
    services.logging && "Logging Service",
    services.intrusionDetection && "Intrusion Detection Service",
    services.disasterRecovery && "Disaster Recovery Service",
  ].filter((name): name is string => typeof name === "string");
  const security = profile.people.securityOfficer;
  return {
    offersSaas: offering("saas") !== null,
    offersPaas: offering("paas") !== null,
    offersAddOns: offering("add-ons") !== null,
    offersOther: offering("other") !== null,
    saas: offering("saas"),
    paas: offering("paas"),
    addOns: offering("add-ons"),
    other: offering("other"),
    onPremise: profile.hosting.onPremise !== null,
    cloudOnly: profile.hosting.onPremise === null,
    multiProvider: profile.hosting.providers.length > 1,
    providerNames: andList(profile.hosting.providers.map((p) => p.shortName)),
    officersSamePerson: security !== null && security.email === profile.people.privacyOfficer.email,
    // The lint reports a missing security official as an error; the text still needs a value to render.
    securityOfficerName: security?.name ?? "the Security Officer",
    privacyOfficerName: profile.people.privacyOfficer.name,
    customerServices: serviceNames.length > 0,
    customerServiceNames: andList(serviceNames),
  };
}

/** The scope object: profile sections at the top level, `derived` beside them. */
export function buildScope(profile: Profile): Record<string, unknown> {
  return { ...profile, derived: deriveFacts(profile) };
}
