/**
 * A small hand-made PolicySet for publisher tests: independent of the template engine, with the
 * hard cases in it (non-ASCII text, box drawing, cross-references, HTML typed into the profile).
 */
import { Profile } from "../profile/schema.ts";
import type { PolicySet, RenderedCommitment, RenderedSection } from "../templates/model.ts";
import type { CoverageRow, SharedResponsibilityRow, SiteExtras } from "./site/types.ts";

/** Text typed into the profile that would run as script if any publisher forgot to escape it. */
export const hostileName = `Grüner <script>alert("owned")</script> Café`;

const profile = Profile.parse({
  organization: {
    legalName: "Zürich Café Health Systems, Inc.",
    name: hostileName,
    description: "a hosted intake and scheduling service for physiotherapy clinics",
    website: "https://zurich-cafe.example",
    complianceEmail: "compliance@zurich-cafe.example",
    securityEmail: "security@zurich-cafe.example",
  },
  services: {
    customerTerm: "Clinics",
    customerTermSingular: "Clinic",
    offerings: [
      {
        kind: "saas",
        name: "Intake Cloud (SaaS)",
        customerTerm: "Subscribing Clinics",
        description: "Clinics use the hosted application.",
      },
    ],
  },
  hosting: {
    providers: [
      {
        name: "Amazon Web Services",
        shortName: "AWS",
        segmentation: "a dedicated production account and VPC",
      },
    ],
    components: ["ECS containers", "RDS for PostgreSQL"],
    hostFirewall: "security groups",
    remoteAccess: "only through AWS Systems Manager with MFA",
    publicEndpoints: ["the application load balancer"],
  },
  tools: {
    configurationManagement: "Terraform",
    logging: "CloudWatch Logs",
    versionControl: "GitHub",
    ticketing: `Jira <img src=x onerror=alert(1)>`,
    mfa: "hardware security keys",
    backupStorage: "S3 in a separate account",
    vulnerabilityScanner: "Nessus",
  },
  people: {
    securityOfficer: { name: "Léa Müller", title: "Head of Security", email: "lea@zurich-cafe.example" },
    privacyOfficer: { name: "Léa Müller", title: "Head of Security", email: "lea@zurich-cafe.example" },
    engineeringLead: {
      name: "Tomás Ortega",
      title: "Chief Technology Officer",
      email: "tomas@zurich-cafe.example",
    },
    executive: { name: "Ada Brennan", title: "Chief Executive Officer", email: "ada@zurich-cafe.example" },
    lineOfSuccession: ["engineeringLead", "executive"],
    incidentResponseTeam: [{ role: "Incident Lead", holder: "Léa Müller" }],
  },
  governance: { version: "2.1", effectiveDate: "2026-09-01" },
  modules: { sharedResponsibility: true },
});

/** A section; "1.1" is level 2, "1.1.1" level 3. */
function section(
  id: string,
  title: string,
  number: string,
  citations: string[],
  markdown: string,
): RenderedSection {
  return { id, title, number, level: number.split(".").length === 3 ? 3 : 2, citations, markdown };
}

type CommitmentFields = Pick<
  RenderedCommitment,
  "id" | "policyId" | "sectionId" | "sectionNumber" | "owner" | "text" | "schedule" | "evidence" | "citations"
>;
const commitment = (c: CommitmentFields): RenderedCommitment => ({ rules: [], parameters: {}, ...c });

const diagram = [
  "```",
  "┌─┐ system   ──▶ data flow",
  "",
  "┌──────────┐     ┌──────────┐",
  "│ Internet │ ──▶ │ Load bal │",
  "└──────────┘     └──────────┘",
  "```",
].join("\n");

const sharedRows: SharedResponsibilityRow[] = [
  {
    area: "Access to the application",
    citations: ["164.312(a)(1)"],
    byOffering: [
      {
        offering: "Intake Cloud (SaaS)",
        responsibility: "shared",
        note: `${hostileName} runs sign-in; each Clinic decides who gets an account.`,
      },
    ],
  },
  {
    area: "Infrastructure encryption",
    citations: ["164.312(a)(2)(iv)"],
    byOffering: [{ offering: "Intake Cloud (SaaS)", responsibility: "organization", note: "" }],
  },
];

/** Two policies with sections, a subsection, commitments of every schedule kind and cross-references. */
export const fixtureSet: PolicySet = {
  profile,
  version: "2.1",
  effectiveDate: "2026-09-01",
  sharedResponsibility: sharedRows,
  contentHash: "9f2c4e0b7a1d3c5e8f6a2b4d1c3e5f7a9b0d2c4e6f8a1b3d5c7e9f0a2b4c6d8e",
  policies: [
    {
      id: "system-access",
      title: "System Access Policy",
      number: 1,
      summary: "How people are given, use and lose access to systems that hold ePHI.",
      intro: `${hostileName} controls who can reach ePHI, from the office in Zürich to the café down the street.`,
      citations: ["164.312(a)(1)", "164.312(a)(2)(iii)"],
      hitrust: ["01.b"],
      nist: ["AC-2", "AC-11"],
      sections: [
        section(
          "access-control",
          "Access control",
          "1.1",
          ["164.312(a)(1)"],
          `Access is requested in Jira <img src=x onerror=alert(1)> and approved by the "Security Officer".\n\n1. Each person has a unique account.\n2. Shared accounts are not allowed.`,
        ),
        section(
          "automatic-logoff",
          "Automatic logoff",
          "1.1.1",
          ["164.312(a)(2)(iii)"],
          "1. Every system that stores or displays ePHI must end a session after 15 minutes without activity.",
        ),
        section(
          "termination",
          "Termination",
          "1.2",
          [],
          "Access ends with employment; incidents found on the way follow [section 2.2 (Breach notification)](steward-ref:incident-response#breach-notification).",
        ),
      ],
      commitments: [
        commitment({
          id: "idle-logoff",
          policyId: "system-access",
          sectionId: "automatic-logoff",
          sectionNumber: "1.1.1",
          owner: "security-officer",
          text: "Every system that stores or displays ePHI must end a session after 15 minutes without activity.",
          schedule: { kind: "standing" },
          evidence: "Configuration export showing the idle timeout of each system.",
          citations: ["164.312(a)(2)(iii)"],
        }),
        commitment({
          id: "access-review",
          policyId: "system-access",
          sectionId: "access-control",
          sectionNumber: "1.1",
          owner: "security-officer",
          text: "The Security Officer must review every account with access to ePHI every 3 months.",
          schedule: {
            kind: "recurring",
            cadence: { every: 3, unit: "month" },
            cadenceParam: "access.reviewCadence",
          },
          evidence: "An access review record listing each account and the decision.",
          citations: ["164.312(a)(1)"],
        }),
      ],
    },
    {
      id: "incident-response",
      title: "Incident Response Policy",
      number: 2,
      summary: "How suspected incidents are reported, contained and, when they are breaches, notified.",
      intro:
        "Anyone who suspects an incident reports it to security@zurich-cafe.example. Lost access follows [the System Access Policy (policy 1)](steward-ref:system-access).",
      citations: ["164.308(a)(6)(ii)", "164.410(b)"],
      hitrust: [],
      nist: ["IR-6"],
      sections: [
        section(
          "reporting",
          "Reporting",
          "2.1",
          ["164.308(a)(6)(ii)"],
          `Reports name the system; the network path is:\n\n${diagram}\n\nSessions end as described in [section 1.1.1 (Automatic logoff)](steward-ref:system-access#automatic-logoff).`,
        ),
        section(
          "breach-notification",
          "Breach notification",
          "2.2",
          ["164.410(b)"],
          'Customers are told within 72 hours. Quote the alert exactly as shown, in "smart quotes", so the team can search for it.',
        ),
      ],
      commitments: [
        commitment({
          id: "customer-breach-notice",
          policyId: "incident-response",
          sectionId: "breach-notification",
          sectionNumber: "2.2",
          owner: "privacy-officer",
          text: "The Privacy Officer must notify each affected Clinic within 72 hours of discovering a breach.",
          schedule: {
            kind: "triggered",
            event: "breach.discovered",
            within: { amount: 72, unit: "hours", param: "breach.customerNoticeHours" },
          },
          evidence: "The notice letter and its delivery receipt.",
          citations: ["164.410(b)"],
        }),
      ],
    },
  ],
};

/** A coverage row whose sections and commitments are read from the fixture, as the engine would. */
function coverageRow(
  id: string,
  title: string,
  source: CoverageRow["source"],
  kind: string,
  ra: CoverageRow["ra"],
): CoverageRow {
  const policies = fixtureSet.policies;
  return {
    id,
    title,
    source,
    kind,
    ra,
    sections: policies.flatMap((p) =>
      p.sections
        .filter((s) => s.citations.includes(id))
        .map((s) => ({
          policyId: p.id,
          policyTitle: p.title,
          sectionId: s.id,
          sectionNumber: s.number,
          sectionTitle: s.title,
        })),
    ),
    commitments: policies.flatMap((p) =>
      p.commitments
        .filter((c) => c.citations.includes(id))
        .map((c) => ({ id: c.id, policyId: p.id, sectionId: c.sectionId })),
    ),
  };
}

/** Coverage (one citation left unaddressed) and the shared-responsibility rows of the fixture. */
export const fixtureExtras: SiteExtras = {
  coverage: [
    coverageRow(
      "164.308(a)(6)(ii)",
      "Response and reporting",
      "security",
      "implementation specification",
      "R",
    ),
    coverageRow("164.312(a)(1)", "Access control", "security", "standard", "R"),
    coverageRow("164.312(a)(2)(iii)", "Automatic logoff", "security", "implementation specification", "A"),
    coverageRow("164.410(b)", "Notification by a business associate: timeliness", "breach", "standard", null),
    coverageRow(
      "164.504(e)(2)(ii)(C)",
      "Report uses and disclosures not provided for",
      "privacy",
      "implementation specification",
      null,
    ),
  ],
  sharedResponsibility: sharedRows,
};
