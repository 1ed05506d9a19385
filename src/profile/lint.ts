/**
 * The regulatory lint: values that pass the schema but contradict HIPAA (errors) or sit outside what
 * an auditor expects or what the proposed Security Rule update would demand (warnings).
 */
import type { Finding } from "./errors.ts";
import { cadenceDays, type Cadence } from "./primitives.ts";
import type { Profile } from "./schema.ts";

type Hit = { path: string; message: string; severity?: Finding["severity"] };

/** One check: its id, default severity, the regulation it rests on, and what it finds. */
export interface LintRule {
  id: string;
  severity: Finding["severity"];
  citation: string;
  check(profile: Profile): Hit[];
}

/** "every 2 weeks", "every month". */
function every(cadence: Cadence | null): string {
  if (!cadence) return "none";
  return cadence.every === 1 ? `every ${cadence.unit}` : `every ${cadence.every} ${cadence.unit}s`;
}

const when = (condition: boolean, path: string, message: string): Hit[] =>
  condition ? [{ path, message }] : [];

/** A cadence rule: flags `path` when its cadence is longer than `maxDays`. */
function cadenceRule(
  id: string,
  citation: string,
  path: string,
  maxDays: number,
  read: (p: Profile) => Cadence | null,
  expectation: string,
): LintRule {
  return {
    id,
    severity: "warning",
    citation,
    check: (p) => {
      const cadence = read(p);
      return when(
        cadence === null || cadenceDays(cadence) > maxDays,
        path,
        `${expectation}, got ${every(cadence)}`,
      );
    },
  };
}

type Notice = Profile["breach"]["hhsNotice"] & { scope?: "per-state" | "total" };

/**
 * A breach-notice threshold rule. A profile that waits for more people than the regulation is an
 * error (a required notice could be skipped); one that notifies more often, or counts differently, is
 * a warning; the same threshold in other words is a warning too, since the policy quotes it.
 * `wording` and `minCount` are the regulation's comparison and the smallest count it covers.
 */
function noticeRule(
  id: string,
  citation: string,
  path: string,
  wording: Notice["comparison"],
  minCount: number,
  notice: (p: Profile) => Notice,
  texts: { skip: string; over: string; words: string },
): LintRule {
  return {
    id,
    severity: "error",
    citation,
    check: (profile) => {
      const n = notice(profile);
      const trigger = n.comparison === "more-than" ? n.threshold + 1 : n.threshold;
      const scope =
        n.scope === undefined
          ? "individuals"
          : n.scope === "total"
            ? "individuals in total"
            : "residents of a State or jurisdiction";
      const got = `got ${n.comparison === "more-than" ? "more than" : "at least"} ${n.threshold} ${scope}`;
      if (trigger > minCount) return [{ path, message: `${texts.skip} (${citation}), ${got}` }];
      const broader = trigger < minCount || n.scope === "total";
      if (!broader && n.comparison === wording) return [];
      return [{ path, severity: "warning", message: `${broader ? texts.over : texts.words}, ${got}` }];
    },
  };
}

// Media: more than 500 residents of one State or jurisdiction (164.406(a)).
const mediaRule = noticeRule(
  "media-notice-threshold",
  "45 CFR 164.406(a)",
  "breach.mediaNotice",
  "more-than",
  501,
  (p) => p.breach.mediaNotice,
  {
    skip: "could skip a required media notice: media must be notified when a breach involves more than 500 residents of a State or jurisdiction",
    over: "media notice is required only when a breach involves more than 500 residents of a single State or jurisdiction, counted per State (45 CFR 164.406(a)); this setting would notify media when the rule does not require it",
    words:
      "equivalent to the rule but worded differently; write it as more than 500 residents of a State or jurisdiction so the policy uses the regulation's words (45 CFR 164.406(a))",
  },
);

// HHS: 500 or more individuals in total, reported with the individual notices (164.408(b)); fewer
// go in the yearly log (164.408(c)).
const hhsRule = noticeRule(
  "hhs-notice-threshold",
  "45 CFR 164.408(b)",
  "breach.hhsNotice",
  "at-least",
  500,
  (p) => p.breach.hhsNotice,
  {
    skip: "could skip a required notice to HHS: a breach of 500 or more individuals must be reported to the Secretary at the same time as the individual notices",
    over: "notice to HHS at the same time as the individual notices is required only for breaches of 500 or more individuals; smaller breaches go in the log submitted within 60 days after the end of the calendar year (45 CFR 164.408(b) and (c))",
    words:
      "equivalent to the rule but worded differently; write it as at least 500 individuals so the policy uses the regulation's words (45 CFR 164.408(b))",
  },
);

/** Every lint rule, in the order findings are reported. */
export const lintRules: readonly LintRule[] = [
  {
    id: "retention-six-years",
    severity: "error",
    citation: "45 CFR 164.316(b)(2)(i)",
    check: ({ governance: { retentionYears: y } }) =>
      when(
        y < 6,
        "governance.retentionYears",
        `documentation must be kept at least 6 years from creation or last effective date (45 CFR 164.316(b)(2)(i)), got ${y}`,
      ),
  },
  {
    id: "business-associate-notice-60-days",
    severity: "error",
    citation: "45 CFR 164.410(b)",
    check: ({ breach: { customerNoticeHours: h } }) =>
      when(
        h > 1440,
        "breach.customerNoticeHours",
        `a business associate must notify the covered entity of a breach no later than 60 calendar days (1440 hours) after discovery (45 CFR 164.410(b)), got ${h}`,
      ),
  },
  {
    id: "security-official-named",
    severity: "error",
    citation: "45 CFR 164.308(a)(2)",
    check: ({ people }) =>
      when(
        people.securityOfficer === null,
        "people.securityOfficer",
        "no security official is named; one person must be responsible for developing and carrying out the security policies (45 CFR 164.308(a)(2)), got nothing",
      ),
  },
  mediaRule,
  hhsRule,
  {
    id: "law-enforcement-oral-delay",
    severity: "error",
    citation: "45 CFR 164.412(b)",
    check: ({ breach: { lawEnforcementOralDelayDays: d } }) =>
      when(
        d > 30,
        "breach.lawEnforcementOralDelayDays",
        `an oral statement from law enforcement may delay notification no more than 30 days from the statement unless a written statement follows (45 CFR 164.412(b)), got ${d}`,
      ),
  },
  {
    id: "idle-logoff",
    severity: "warning",
    citation: "45 CFR 164.312(a)(2)(iii)",
    check: ({ access: { idleLogoffMinutes: m } }) =>
      when(
        m > 30,
        "access.idleLogoffMinutes",
        `automatic logoff should end idle sessions on systems with ePHI within 30 minutes (45 CFR 164.312(a)(2)(iii)), got ${m}`,
      ),
  },
  {
    id: "password-length",
    severity: "warning",
    citation: "45 CFR 164.308(a)(5)(ii)(D); NIST SP 800-63B",
    check: ({ access: { passwordMinLength: n } }) =>
      when(
        n < 8,
        "access.passwordMinLength",
        `passwords should be at least 8 characters long (NIST SP 800-63B; password management, 45 CFR 164.308(a)(5)(ii)(D)), got ${n}`,
      ),
  },
  cadenceRule(
    "log-review-cadence",
    "45 CFR 164.308(a)(1)(ii)(D)",
    "auditing.logReviewCadence",
    90,
    (p) => p.auditing.logReviewCadence,
    "audit logs should be reviewed at least every 3 months so suspicious activity is noticed in time (45 CFR 164.308(a)(1)(ii)(D))",
  ),
  cadenceRule(
    "policy-review-cadence",
    "45 CFR 164.316(b)(2)(iii)",
    "governance.reviewCadence",
    365,
    (p) => p.governance.reviewCadence,
    "documentation must be reviewed periodically, and a review less often than once a year is hard to defend (45 CFR 164.316(b)(2)(iii))",
  ),
  cadenceRule(
    "risk-assessment-cadence",
    "45 CFR 164.308(a)(1)(ii)(A)",
    "risk.assessmentCadence",
    365,
    (p) => p.risk.assessmentCadence,
    "the risk analysis should be repeated at least once a year and after major changes (45 CFR 164.308(a)(1)(ii)(A))",
  ),
  cadenceRule(
    "vulnerability-scan-cadence",
    "90 FR 898 (proposed)",
    "vulnerability.scanCadence",
    180,
    (p) => p.vulnerability.scanCadence,
    "the proposed Security Rule update would require vulnerability scans at least every 6 months (proposed rule, 90 FR 898)",
  ),
  cadenceRule(
    "penetration-test-cadence",
    "90 FR 898 (proposed)",
    "vulnerability.penetrationTestCadence",
    365,
    (p) => p.vulnerability.penetrationTestCadence,
    "the proposed Security Rule update would require a penetration test at least every 12 months (proposed rule, 90 FR 898)",
  ),
  {
    id: "hosting-baa",
    severity: "warning",
    citation: "45 CFR 164.308(b)(1)",
    check: ({ hosting }) =>
      hosting.providers.flatMap((provider, index) =>
        when(
          !provider.baaSigned,
          `hosting.providers.${index}.baaSigned`,
          `no business associate agreement is in force with ${provider.shortName}; ePHI may be hosted there only under a written agreement that gives satisfactory assurances (45 CFR 164.308(b)(1), and 164.308(b)(2) for a business associate's subcontractors), got false`,
        ),
      ),
  },
];

/** Runs every rule; pure, so the same profile always yields the same findings in the same order. */
export function lintProfile(profile: Profile): Finding[] {
  return lintRules.flatMap((rule) =>
    rule.check(profile).map((hit) => ({
      path: hit.path,
      message: hit.message,
      line: null,
      severity: hit.severity ?? rule.severity,
      citation: rule.citation,
      rule: rule.id,
    })),
  );
}
