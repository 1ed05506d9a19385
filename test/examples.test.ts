/**
 * Every example profile under examples/ must validate, and the fictional examples must not share
 * names, people, tools or numbers, so that a rendering test can prove nothing of one example leaks
 * into another's output.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { Profile } from "../src/profile/schema.ts";

const examplesDir = join(import.meta.dirname, "..", "examples");

/** The invented organizations; examples/seeds/ holds profiles of the reference documents' ones. */
const fictional = ["brightpath-saas.yaml", "harborline-paas.yaml", "cedarridge-hybrid.yaml"];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return name.endsWith(".yaml") ? [path] : [];
    })
    .sort();
}

function load(path: string): Profile {
  const result = Profile.safeParse(parse(readFileSync(path, "utf8")));
  if (!result.success) {
    const issues = result.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    assert.fail(`${relative(examplesDir, path)} does not match the profile schema:\n${issues.join("\n")}`);
  }
  return result.data;
}

/** Fails when two examples share a value, naming both examples and the value. */
function assertPairwiseDistinct(label: string, valuesByExample: Map<string, string[]>): void {
  const owner = new Map<string, string>();
  for (const [example, values] of valuesByExample) {
    for (const value of new Set(values.map((v) => v.trim().toLowerCase()))) {
      const other = owner.get(value);
      assert.ok(other === undefined, `${label} "${value}" appears in both ${other} and ${example}`);
      owner.set(value, example);
    }
  }
}

void describe("example profiles", () => {
  const files = yamlFiles(examplesDir);

  void test("examples/ holds the fictional examples and the seed organizations' profiles", () => {
    const names = files.map((path) => relative(examplesDir, path));
    for (const name of fictional) assert.ok(names.includes(name), `missing examples/${name}`);
    assert.ok(
      names.filter((name) => name.startsWith("seeds")).length >= 5,
      "expected the five seed profiles",
    );
  });

  for (const path of files) {
    void test(`${relative(examplesDir, path)} parses and passes the profile schema`, () => {
      load(path);
    });
  }

  void describe("fictional examples share nothing a test could confuse", () => {
    const profiles = new Map(fictional.map((name) => [name, load(join(examplesDir, name))]));
    const pick = (select: (profile: Profile) => string[]) =>
      new Map([...profiles].map(([name, profile]) => [name, select(profile)]));

    void test("organization names", () => {
      assertPairwiseDistinct(
        "organization name",
        pick((p) => [p.organization.name, p.organization.legalName]),
      );
    });

    void test("officer and other people's names", () => {
      assertPairwiseDistinct(
        "person",
        pick((p) =>
          [
            p.people.securityOfficer?.name,
            p.people.privacyOfficer.name,
            p.people.engineeringLead.name,
            p.people.executive.name,
          ].filter((n) => n !== undefined),
        ),
      );
    });

    void test("configuration-management tools", () => {
      assertPairwiseDistinct(
        "configuration-management tool",
        pick((p) => [p.tools.configurationManagement]),
      );
    });

    void test("idle-logoff minutes", () => {
      assertPairwiseDistinct(
        "idle logoff",
        pick((p) => [String(p.access.idleLogoffMinutes)]),
      );
    });

    void test("every named tool", () => {
      assertPairwiseDistinct(
        "tool",
        pick((p) => {
          const { other, ...named } = p.tools;
          return [...Object.values(named), ...other.map((tool) => tool.name)].filter((tool) => tool !== null);
        }),
      );
    });

    void test("headline numbers", () => {
      const numbers: [string, (p: Profile) => number | string][] = [
        ["lockout attempts", (p) => p.access.lockoutAttempts],
        [
          "log review cadence",
          (p) => `${p.auditing.logReviewCadence.every} ${p.auditing.logReviewCadence.unit}`,
        ],
        ["critical patch days", (p) => p.vulnerability.patchCriticalDays],
        ["customer breach notice hours", (p) => p.breach.customerNoticeHours],
      ];
      for (const [label, read] of numbers)
        assertPairwiseDistinct(
          label,
          pick((p) => [String(read(p))]),
        );
    });

    void test("every email address uses a reserved .example domain", () => {
      for (const [name, profile] of profiles) {
        const emails = [
          profile.organization.complianceEmail,
          profile.organization.securityEmail,
          profile.people.securityOfficer?.email,
          profile.people.privacyOfficer.email,
          profile.people.engineeringLead.email,
          profile.people.executive.email,
          profile.modules.auditReports?.email,
        ].filter((email) => email !== undefined);
        for (const email of emails) assert.match(email, /@[a-z0-9-]+\.example$/, `${name}: ${email}`);
      }
    });
  });
});
