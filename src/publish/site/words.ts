/** Plain-English labels for commitment owners and schedules, shared by the site and the PDF. */
import type { Profile } from "../../profile/schema.ts";
import type { OwnerRole } from "../../templates/frontmatter.ts";
import type { ResolvedSchedule } from "../../templates/model.ts";

// Events read as the phrase after "within 72 hours of". A missing entry falls back to the event
// name in words, so a new event added by the engine still prints something sensible.
const eventPhrases: Partial<Record<string, string>> = {
  "workforce.hired": "a hire",
  "workforce.role-changed": "a role change",
  "workforce.terminated": "the end of employment",
  "access.requested": "an access request",
  "access.emergency-used": "emergency access being used",
  "policy.published": "a new policy version",
  "incident.reported": "an incident report",
  "breach.discovered": "discovery of a breach",
  "breach.law-enforcement-oral-delay": "an oral law-enforcement delay request",
  "vulnerability.critical-found": "finding a critical vulnerability",
  "vulnerability.high-found": "finding a high vulnerability",
  "vulnerability.medium-found": "finding a medium vulnerability",
  "vulnerability.low-found": "finding a low vulnerability",
  "device.lost": "a device being lost",
  "key.lost": "a key being lost",
  "media.retired": "media being retired",
  "change.requested": "a change request",
  "vendor.onboarded": "a new vendor",
  "customer.contract-ended": "the end of a customer contract",
  "risk.high-identified": "a high risk being identified",
  "risk.medium-identified": "a medium risk being identified",
  "audit-report.requested": "an audit-report request",
  "disaster.declared": "a disaster being declared",
};

/** "within 72 hours of discovery of a breach", "every 2 weeks", "standing rule". */
export function scheduleLabel(schedule: ResolvedSchedule): string {
  switch (schedule.kind) {
    case "recurring": {
      const { every, unit } = schedule.cadence;
      return every === 1 ? `Every ${unit}` : `Every ${every} ${unit}s`;
    }
    case "triggered": {
      const { amount, unit } = schedule.within;
      const event = eventPhrases[schedule.event] ?? schedule.event.replace(/[.-]/g, " ");
      return `Within ${amount} ${amount === 1 ? unit.slice(0, -1) : unit} of ${event}`;
    }
    case "standing":
      return "Standing rule, checked at each policy review";
  }
}

/** "Security Officer (Priya Raman)": the role, with the person who holds it when the profile names one. */
export function ownerLabel(profile: Profile, owner: OwnerRole): string {
  const people = profile.people;
  switch (owner) {
    case "security-officer":
      return people.securityOfficer
        ? `Security Officer (${people.securityOfficer.name})`
        : "Security Officer";
    case "privacy-officer":
      return `Privacy Officer (${people.privacyOfficer.name})`;
    case "engineering-lead":
      return `${people.engineeringLead.title} (${people.engineeringLead.name})`;
    case "executive":
      return `${people.executive.title} (${people.executive.name})`;
    case "policy-approvers":
      return "Policy approvers";
    case "incident-response-team":
      return "Incident response team";
    case "supervisor":
      return "The workforce member's supervisor";
    case "hr":
      return "Human resources";
    case "workforce-member":
      return "Each workforce member";
  }
}
