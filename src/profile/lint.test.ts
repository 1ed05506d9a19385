import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { lintProfile, lintRules } from "./lint.ts";
import { Profile } from "./schema.ts";

const example = readFileSync(new URL("../../examples/brightpath-saas.yaml", import.meta.url), "utf8");

/** The example profile, validated, after setting each `path: value` pair. */
function profileWith(changes: Record<string, unknown>): Profile {
  const data = parse(example) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(".");
    let node = data;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return Profile.parse(data);
}

/** Findings as `severity path: message`, for exact comparison. */
function lint(changes: Record<string, unknown>): string[] {
  return lintProfile(profileWith(changes)).map((f) => `${f.severity} ${f.path}: ${f.message}`);
}

const media = (comparison: string, threshold: number, scope = "per-state") => ({
  "breach.mediaNotice": { comparison, threshold, scope },
});
const hhs = (comparison: string, threshold: number) => ({ "breach.hhsNotice": { comparison, threshold } });

describe("regulatory lint", () => {
  it("finds nothing in the example profile", () => {
    assert.deepEqual(lint({}), []);
  });

  it("gives every rule a unique id and a citation", () => {
    const ids = lintRules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of lintRules) assert.match(rule.citation, /^(45 CFR 164\.|90 FR 898)/);
  });

  it("attaches the rule id and citation to each finding", () => {
    const [finding] = lintProfile(profileWith({ "governance.retentionYears": 3 }));
    assert.deepEqual(finding, {
      path: "governance.retentionYears",
      message:
        "documentation must be kept at least 6 years from creation or last effective date (45 CFR 164.316(b)(2)(i)), got 3",
      line: null,
      severity: "error",
      citation: "45 CFR 164.316(b)(2)(i)",
      rule: "retention-six-years",
    });
  });

  it("errors on values that contradict the regulation", () => {
    assert.deepEqual(lint({ "governance.retentionYears": 6 }), []);
    assert.deepEqual(lint({ "breach.customerNoticeHours": 1440 }), []);
    assert.deepEqual(lint({ "breach.customerNoticeHours": 1441 }), [
      "error breach.customerNoticeHours: a business associate must notify the covered entity of a breach no later than 60 calendar days (1440 hours) after discovery (45 CFR 164.410(b)), got 1441",
    ]);
    assert.deepEqual(lint({ "people.securityOfficer": null }), [
      "error people.securityOfficer: no security official is named; one person must be responsible for developing and carrying out the security policies (45 CFR 164.308(a)(2)), got nothing",
    ]);
    assert.deepEqual(lint({ "breach.lawEnforcementOralDelayDays": 30 }), []);
    assert.deepEqual(lint({ "breach.lawEnforcementOralDelayDays": 31 }), [
      "error breach.lawEnforcementOralDelayDays: an oral statement from law enforcement may delay notification no more than 30 days from the statement unless a written statement follows (45 CFR 164.412(b)), got 31",
    ]);
  });

  it("checks the media notice threshold against more than 500 residents of a State", () => {
    assert.deepEqual(lint(media("more-than", 500)), []);
    const skip =
      "error breach.mediaNotice: could skip a required media notice: media must be notified when a breach involves more than 500 residents of a State or jurisdiction (45 CFR 164.406(a)), got";
    assert.deepEqual(lint(media("more-than", 501)), [
      `${skip} more than 501 residents of a State or jurisdiction`,
    ]);
    assert.deepEqual(lint(media("at-least", 502)), [
      `${skip} at least 502 residents of a State or jurisdiction`,
    ]);
    assert.deepEqual(lint(media("at-least", 1000, "total")), [`${skip} at least 1000 individuals in total`]);
    const over =
      "warning breach.mediaNotice: media notice is required only when a breach involves more than 500 residents of a single State or jurisdiction, counted per State (45 CFR 164.406(a)); this setting would notify media when the rule does not require it, got";
    assert.deepEqual(lint(media("more-than", 500, "total")), [`${over} more than 500 individuals in total`]);
    assert.deepEqual(lint(media("at-least", 500)), [
      `${over} at least 500 residents of a State or jurisdiction`,
    ]);
    assert.deepEqual(lint(media("at-least", 501)), [
      "warning breach.mediaNotice: equivalent to the rule but worded differently; write it as more than 500 residents of a State or jurisdiction so the policy uses the regulation's words (45 CFR 164.406(a)), got at least 501 residents of a State or jurisdiction",
    ]);
  });

  it("checks the HHS notice threshold against 500 or more individuals", () => {
    assert.deepEqual(lint(hhs("at-least", 500)), []);
    const skip =
      "error breach.hhsNotice: could skip a required notice to HHS: a breach of 500 or more individuals must be reported to the Secretary at the same time as the individual notices (45 CFR 164.408(b)), got";
    assert.deepEqual(lint(hhs("at-least", 501)), [`${skip} at least 501 individuals`]);
    assert.deepEqual(lint(hhs("more-than", 500)), [`${skip} more than 500 individuals`]);
    assert.deepEqual(lint(hhs("at-least", 100)), [
      "warning breach.hhsNotice: notice to HHS at the same time as the individual notices is required only for breaches of 500 or more individuals; smaller breaches go in the log submitted within 60 days after the end of the calendar year (45 CFR 164.408(b) and (c)), got at least 100 individuals",
    ]);
    assert.deepEqual(lint(hhs("more-than", 499)), [
      "warning breach.hhsNotice: equivalent to the rule but worded differently; write it as at least 500 individuals so the policy uses the regulation's words (45 CFR 164.408(b)), got more than 499 individuals",
    ]);
  });

  it("warns on access settings outside common practice", () => {
    assert.deepEqual(lint({ "access.idleLogoffMinutes": 30, "access.passwordMinLength": 8 }), []);
    assert.deepEqual(lint({ "access.idleLogoffMinutes": 45 }), [
      "warning access.idleLogoffMinutes: automatic logoff should end idle sessions on systems with ePHI within 30 minutes (45 CFR 164.312(a)(2)(iii)), got 45",
    ]);
    assert.deepEqual(lint({ "access.passwordMinLength": 7 }), [
      "warning access.passwordMinLength: passwords should be at least 8 characters long (NIST SP 800-63B; password management, 45 CFR 164.308(a)(5)(ii)(D)), got 7",
    ]);
  });

  it("warns on cadences longer than the rule or the proposed rule expects", () => {
    assert.deepEqual(
      lint({
        "auditing.logReviewCadence": "quarterly",
        "vulnerability.scanCadence": "semiannually",
        "vulnerability.penetrationTestCadence": "12 months",
      }),
      [],
    );
    assert.deepEqual(lint({ "auditing.logReviewCadence": "13 weeks" }), [
      "warning auditing.logReviewCadence: audit logs should be reviewed at least every 3 months so suspicious activity is noticed in time (45 CFR 164.308(a)(1)(ii)(D)), got every 13 weeks",
    ]);
    assert.deepEqual(lint({ "governance.reviewCadence": "2 years" }), [
      "warning governance.reviewCadence: documentation must be reviewed periodically, and a review less often than once a year is hard to defend (45 CFR 164.316(b)(2)(iii)), got every 2 years",
    ]);
    assert.deepEqual(lint({ "risk.assessmentCadence": "18 months" }), [
      "warning risk.assessmentCadence: the risk analysis should be repeated at least once a year and after major changes (45 CFR 164.308(a)(1)(ii)(A)), got every 18 months",
    ]);
    assert.deepEqual(lint({ "vulnerability.scanCadence": "annually" }), [
      "warning vulnerability.scanCadence: the proposed Security Rule update would require vulnerability scans at least every 6 months (proposed rule, 90 FR 898), got every year",
    ]);
    const pentest =
      "warning vulnerability.penetrationTestCadence: the proposed Security Rule update would require a penetration test at least every 12 months (proposed rule, 90 FR 898), got";
    assert.deepEqual(lint({ "vulnerability.penetrationTestCadence": null }), [`${pentest} none`]);
    assert.deepEqual(lint({ "vulnerability.penetrationTestCadence": "2 years" }), [
      `${pentest} every 2 years`,
    ]);
  });

  it("warns about each hosting provider without a business associate agreement", () => {
    const provider = {
      name: "Hetzner Online",
      shortName: "Hetzner",
      segmentation: "a dedicated server per customer",
      baaSigned: false,
    };
    const findings = lintProfile(
      profileWith({ "hosting.providers": [{ ...provider, baaSigned: true }, provider] }),
    );
    assert.deepEqual(
      findings.map((f) => [f.severity, f.path, f.message, f.citation]),
      [
        [
          "warning",
          "hosting.providers.1.baaSigned",
          "no business associate agreement is in force with Hetzner; ePHI may be hosted there only under a written agreement that gives satisfactory assurances (45 CFR 164.308(b)(1), and 164.308(b)(2) for a business associate's subcontractors), got false",
          "45 CFR 164.308(b)(1)",
        ],
      ],
    );
  });
});
