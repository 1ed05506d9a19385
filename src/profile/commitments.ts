/**
 * Every number and cadence a policy commits to. The same values render the sentences, schedule the
 * work and grade it, so each one has a unit in its name or description and a sensible default.
 */
import { z } from "zod";
import { Cadence, PersonRole, wholeNumber } from "./primitives.ts";

const cadence = (fallback: string, description: string) => Cadence.prefault(fallback).describe(description);

export const Governance = z
  .strictObject({
    version: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+){0,2}$/, { error: "expected a version such as 1.0 or 2.1.3" })
      .default("1.0")
      .describe("Version number of the policy set."),
    effectiveDate: z.iso
      .date({ error: "expected a date as YYYY-MM-DD" })
      .describe("Date the policy set takes effect (YYYY-MM-DD)."),
    reviewCadence: cadence("annually", "How often every policy is reviewed by the officers."),
    evaluationCadence: cadence(
      "annually",
      "How often the Security Officer performs the technical and nontechnical evaluation of 164.308(a)(8): how well the policies and their implementation meet the Security Rule.",
    ),
    retentionYears: wholeNumber(
      1,
      50,
      "Years each policy version and required record is kept after it was last in effect.",
      6,
    ),
    graceDays: wholeNumber(
      0,
      30,
      "Days after the due date of recurring work before it is reported overdue; deadlines that the law or a contract sets (triggered work) have no grace.",
      0,
    ),
  })
  .describe("Policy set version, effective date, review, retention and grace for recurring work.");

export const Access = z
  .strictObject({
    idleLogoffMinutes: wholeNumber(
      1,
      480,
      "Minutes of inactivity after which sessions on systems with ePHI end.",
      15,
    ),
    vpnIdleMinutes: wholeNumber(
      1,
      1440,
      "Minutes of inactivity after which a VPN session is disconnected.",
      30,
    ),
    lockoutAttempts: wholeNumber(1, 100, "Failed sign-in attempts after which an account is locked.", 5),
    lockoutMinutes: wholeNumber(
      1,
      1440,
      "Minutes an account stays locked after too many failed attempts.",
      30,
    ),
    passwordMinLength: wholeNumber(6, 128, "Minimum password length in characters.", 12),
    passwordHistory: wholeNumber(0, 50, "Number of previous passwords that may not be reused.", 5),
    passwordMaxAgeDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .nullable()
      .default(null)
      .describe(
        "Days after which a password must be changed; null for no forced rotation (NIST SP 800-63B).",
      ),
    reviewCadence: cadence("quarterly", "How often user access to systems with ePHI is reviewed."),
    inactiveAccountDays: wholeNumber(1, 365, "Days without sign-in after which an account is disabled.", 90),
    terminationRevocationHours: wholeNumber(
      1,
      720,
      "Hours after a termination within which all access is revoked.",
      24,
    ),
    temporaryAccessMaxDays: wholeNumber(
      1,
      365,
      "Longest time a temporary account may stay active, in days.",
      30,
    ),
    emergencyAccessReviewHours: wholeNumber(
      1,
      720,
      "Hours after emergency access is used within which it is reviewed.",
      24,
    ),
    lostKeyRekeyDays: wholeNumber(
      1,
      90,
      "Days after a key to an area holding equipment with ePHI is reported lost or stolen within which the locks it opens are changed.",
      7,
    ),
  })
  .describe("Access control numbers: logoff, lockout, passwords and reviews.");

export const Auditing = z
  .strictObject({
    logReviewCadence: cadence("2 weeks", "How often audit logs are reviewed."),
    logRetentionDays: wholeNumber(30, 3650, "Days audit logs are kept available for search.", 365),
    firewallReviewCadence: cadence("quarterly", "How often firewall and security-group rules are reviewed."),
    controlTestingCadence: cadence("monthly", "How often logging and alerting are tested end to end."),
    externalAuditCadence: Cadence.nullable()
      .default({ every: 1, unit: "year" })
      .describe("How often an independent firm audits the program; null when none."),
  })
  .describe("Audit logging and review numbers.");

export const Risk = z
  .strictObject({
    assessmentCadence: cadence("annually", "How often the organization-wide risk assessment is repeated."),
    likelihoodScale: z
      .array(z.string().trim().min(1))
      .min(3)
      .max(10)
      .default(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"])
      .describe("Likelihood levels, lowest first; level n scores n."),
    impactScale: z
      .array(z.string().trim().min(1))
      .min(3)
      .max(10)
      .default(["Negligible", "Minor", "Moderate", "Major", "Severe"])
      .describe("Impact levels, lowest first; level n scores n."),
    highThreshold: wholeNumber(
      2,
      100,
      "Risk score (likelihood x impact) at or above which a risk is high.",
      15,
    ),
    mediumThreshold: wholeNumber(
      1,
      99,
      "Risk score at or above which a risk is medium; below it a risk is low.",
      8,
    ),
    highTreatmentDays: wholeNumber(
      1,
      365,
      "Days within which a high risk must have an approved treatment plan.",
      30,
    ),
    mediumTreatmentDays: wholeNumber(
      1,
      730,
      "Days within which a medium risk must have an approved treatment plan.",
      90,
    ),
    residualRiskApprover: PersonRole.default("executive").describe(
      "Role that signs off on accepted residual risk.",
    ),
  })
  .describe("Risk scoring method and treatment deadlines.");

export const Vulnerability = z
  .strictObject({
    scanCadence: cadence("monthly", "How often internal and external vulnerability scans run."),
    penetrationTestCadence: Cadence.nullable()
      .default({ every: 1, unit: "year" })
      .describe("How often an independent penetration test is performed; null when none."),
    patchCriticalDays: wholeNumber(1, 90, "Days to patch a critical vulnerability.", 7),
    patchHighDays: wholeNumber(1, 180, "Days to patch a high vulnerability.", 30),
    patchMediumDays: wholeNumber(1, 365, "Days to patch a medium vulnerability.", 90),
    patchLowDays: wholeNumber(1, 730, "Days to patch a low vulnerability.", 180),
  })
  .describe("Scanning, penetration testing and patch deadlines.");

export const Training = z
  .strictObject({
    newHireDays: wholeNumber(
      1,
      180,
      "Days after the start date within which new workforce members complete security and HIPAA training.",
      30,
    ),
    refreshCadence: cadence("annually", "How often every workforce member repeats training."),
    policyChangeDays: wholeNumber(
      1,
      180,
      "Days after a material policy change within which affected members are trained on it.",
      30,
    ),
    reminderCadence: cadence("quarterly", "How often security reminders go to the workforce."),
  })
  .describe("Training deadlines.");

export const Incidents = z
  .strictObject({
    reportWithinHours: wholeNumber(
      1,
      168,
      "Hours within which a workforce member reports a suspected incident.",
      24,
    ),
    triageWithinHours: wholeNumber(1, 168, "Hours within which the Security Officer triages a report.", 24),
    customerUpdateHours: wholeNumber(
      1,
      720,
      "Hours between status updates to affected customers during an incident.",
      24,
    ),
    exerciseCadence: cadence("annually", "How often the incident response plan is exercised."),
  })
  .describe("Incident reporting and response numbers.");

export const NoticeThreshold = z.strictObject({
  comparison: z
    .enum(["more-than", "at-least"])
    .describe("Whether the count must exceed the threshold or reach it."),
  threshold: wholeNumber(1, 1_000_000, "Number of individuals.", 500),
});

export const Breach = z
  .strictObject({
    customerNoticeHours: wholeNumber(
      1,
      10_000,
      "Hours after discovery within which affected customers are notified of a breach (the BAA may set it).",
      120,
    ),
    lawEnforcementOralDelayDays: wholeNumber(
      1,
      365,
      "Longest delay, in days, granted on an oral law-enforcement request.",
      30,
    ),
    smallBreachSummaryCadence: cadence(
      "annually",
      "How often each affected customer receives a summary of the breaches of fewer than 500 individuals reported to it, for the covered entity's log and its notice to HHS due 60 days after the end of each calendar year (164.408(c)).",
    ),
    mediaNotice: NoticeThreshold.extend({
      scope: z
        .enum(["per-state", "total"])
        .describe("Whether the count is per State or jurisdiction, or in total."),
    })
      .default({ comparison: "more-than", threshold: 500, scope: "per-state" })
      .describe("When media must be notified, as the organization reads 164.406."),
    hhsNotice: NoticeThreshold.default({ comparison: "at-least", threshold: 500 }).describe(
      "When HHS is notified contemporaneously, as the organization reads 164.408(b).",
    ),
  })
  .describe("Breach notification deadlines and thresholds.");

export const Contingency = z
  .strictObject({
    backupCadence: cadence("daily", "How often backups of ePHI are taken."),
    backupRetentionDays: wholeNumber(1, 3650, "Days each backup is kept.", 30),
    restoreTestCadence: cadence("quarterly", "How often a restore from backup is tested."),
    planTestCadence: cadence("annually", "How often the disaster recovery plan is tested."),
    recoveryTimeHours: wholeNumber(1, 720, "Recovery time objective: hours to restore critical systems.", 24),
    recoveryPointHours: wholeNumber(
      1,
      720,
      "Recovery point objective: most data loss tolerated, in hours.",
      24,
    ),
  })
  .describe("Backups, restore tests and recovery objectives.");

export const DataLifecycle = z
  .strictObject({
    exportWindowDays: wholeNumber(
      1,
      365,
      "Days after a customer's contract ends during which it may export its data.",
      30,
    ),
    deletionDays: wholeNumber(
      1,
      365,
      "Days after the export window closes within which the customer's data is deleted.",
      30,
    ),
    vendorReviewCadence: cadence(
      "annually",
      "How often each vendor's BAA, SLA and security posture is reviewed.",
    ),
    vendorOnboardingDays: wholeNumber(
      1,
      180,
      "Days after a new vendor is engaged within which its due-diligence review is completed and recorded; the vendor receives no ePHI or production access before the review is approved.",
      30,
    ),
  })
  .describe("Data return and deletion, and vendor reviews.");
