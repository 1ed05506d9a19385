import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { z } from "zod";
import { describeFound, validateProfileData } from "./errors.ts";
import { ProfileShape } from "./schema.ts";

const example = readFileSync(new URL("../../examples/brightpath-saas.yaml", import.meta.url), "utf8");

/** The example profile with one value changed (or removed, for `undefined`), as parsed data. */
function changed(path: string, value: unknown): unknown {
  const data = parse(example) as unknown;
  const keys = path.split(".");
  let node = data as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return data;
}

/** Every error as `path: message`, the way `steward profile check` prints them. */
function errorsOf(data: unknown): string[] {
  const result = validateProfileData(data);
  return result.ok ? [] : result.errors.map((f) => `${f.path}: ${f.message}`);
}

describe("schema error messages", () => {
  it("accepts the example profile", () => {
    assert.deepEqual(errorsOf(parse(example)), []);
  });

  it("names the expected and found type", () => {
    assert.deepEqual(errorsOf(changed("access.idleLogoffMinutes", "fifteen")), [
      'access.idleLogoffMinutes: expected a whole number, got "fifteen" (text)',
    ]);
    assert.deepEqual(errorsOf(changed("access.idleLogoffMinutes", 1.5)), [
      "access.idleLogoffMinutes: expected a whole number, got 1.5 (number)",
    ]);
    assert.deepEqual(errorsOf(changed("services.treatAllDataAsEphi", "yes")), [
      'services.treatAllDataAsEphi: expected true or false, got "yes" (text)',
    ]);
    assert.deepEqual(errorsOf(changed("governance.version", 2)), [
      "governance.version: expected text, got 2 (number)",
    ]);
    assert.deepEqual(errorsOf(changed("organization.name", true)), [
      "organization.name: expected text, got true (true/false)",
    ]);
    assert.deepEqual(errorsOf(changed("organization", null)), [
      "organization: expected an object, got nothing",
    ]);
    assert.deepEqual(errorsOf(changed("people.executive", "Dana")), [
      'people.executive: expected a person: name, title, email and optional phone, got "Dana" (text)',
    ]);
    assert.deepEqual(errorsOf(changed("hosting.components", "nginx")), [
      'hosting.components: expected a list, got "nginx" (text)',
    ]);
  });

  it("names the bound that a number or list falls outside", () => {
    assert.deepEqual(errorsOf(changed("access.idleLogoffMinutes", 900)), [
      "access.idleLogoffMinutes: expected at most 480, got 900",
    ]);
    assert.deepEqual(errorsOf(changed("access.lockoutAttempts", 0)), [
      "access.lockoutAttempts: expected at least 1, got 0",
    ]);
    assert.deepEqual(
      errorsOf(changed("risk", { likelihoodScale: ["Low", "High"], highThreshold: 8, mediumThreshold: 4 })),
      ["risk.likelihoodScale: expected at least 3 items, got 2"],
    );
    assert.deepEqual(errorsOf(changed("auditing.logReviewCadence", "0 days")), [
      "auditing.logReviewCadence.every: expected at least 1, got 0",
    ]);
  });

  it("describes a missing required field from the schema", () => {
    assert.deepEqual(errorsOf(changed("people.privacyOfficer", undefined)), [
      "people.privacyOfficer: required field is missing (expected a person: name, title, email and optional phone)",
    ]);
    assert.deepEqual(errorsOf(changed("organization.legalName", undefined)), [
      "organization.legalName: required field is missing (expected registered legal name, for example 'Northwind Health Cloud, Inc.')",
    ]);
    // The field's own message ("expected an email address") must not hide that nothing was given.
    assert.deepEqual(errorsOf(changed("organization.complianceEmail", undefined)), [
      "organization.complianceEmail: required field is missing (expected mailbox for policy questions, change requests and audit-report requests)",
    ]);
  });

  it("suggests the closest allowed key for an unknown one", () => {
    assert.deepEqual(errorsOf(changed("access.idleLogofMinutes", 15)), [
      'access.idleLogofMinutes: unknown field; did you mean "idleLogoffMinutes"?',
    ]);
    assert.deepEqual(errorsOf(changed("auditing.logReviewCadence", { every: 2, unit: "week", evry: 3 })), [
      'auditing.logReviewCadence.evry: unknown field; did you mean "every"?',
    ]);
    assert.deepEqual(errorsOf(changed("access.favouriteColour", "blue")), [
      "access.favouriteColour: unknown field",
    ]);
  });

  it("lists the allowed values of an enum", () => {
    assert.deepEqual(errorsOf(changed("services.offerings", [{ ...offering(), kind: "iaas" }])), [
      'services.offerings.0.kind: expected one of saas, paas, add-ons, other, got "iaas"',
    ]);
  });

  it("keeps the schema's own wording and adds what was found", () => {
    assert.deepEqual(errorsOf(changed("organization.complianceEmail", "compliance")), [
      'organization.complianceEmail: expected an email address, got "compliance"',
    ]);
    assert.deepEqual(errorsOf(changed("organization.timeZone", "Mars/Olympus")), [
      'organization.timeZone: expected an IANA time zone such as America/New_York, got "Mars/Olympus"',
    ]);
    assert.deepEqual(errorsOf(changed("auditing.logReviewCadence", "sometimes")), [
      `auditing.logReviewCadence: expected a cadence such as 'monthly', '2 weeks' or { every: 2, unit: week }, got "sometimes" (text)`,
    ]);
    assert.deepEqual(errorsOf(changed("hosting.components", [])), [
      "hosting.components: expected at least one component, got an empty list",
    ]);
  });
});

function offering(): Record<string, unknown> {
  const services = (parse(example) as { services: { offerings: Record<string, unknown>[] } }).services;
  return services.offerings[0]!;
}

describe("contradictions between fields pass through unchanged", () => {
  const cases: [string, unknown, string][] = [
    [
      "hosting.providers",
      [],
      "hosting.providers: expected at least one hosting provider when hosting.onPremise is null",
    ],
    [
      "people.privacyOfficer.name",
      "Sam Ortiz",
      `people.privacyOfficer.name: shares the Security Officer's email but not the name: expected "Priya Raman" for one person holding both roles, or a different email`,
    ],
    [
      "vulnerability",
      { patchCriticalDays: 40 },
      "vulnerability.patchCriticalDays: expected at most vulnerability.patchHighDays (30), got 40",
    ],
    [
      "vulnerability",
      { patchHighDays: 100 },
      "vulnerability.patchHighDays: expected at most vulnerability.patchMediumDays (90), got 100",
    ],
    [
      "vulnerability",
      { patchMediumDays: 200 },
      "vulnerability.patchMediumDays: expected at most vulnerability.patchLowDays (180), got 200",
    ],
    [
      "risk",
      { highThreshold: 30 },
      "risk.highThreshold: expected at most 25 (the highest likelihood x impact score), got 30",
    ],
    [
      "risk",
      { mediumThreshold: 15 },
      "risk.mediumThreshold: expected less than risk.highThreshold (15), got 15",
    ],
    [
      "services.offerings",
      [offering(), offering()],
      'services.offerings.1.kind: "saas" is listed twice; expected each service model once',
    ],
    [
      "people.lineOfSuccession",
      ["executive", "executive"],
      "people.lineOfSuccession: expected each role once, got a role listed twice",
    ],
    [
      "people.policyApprovers",
      ["securityOfficer", "securityOfficer"],
      "people.policyApprovers: expected each role once, got a role listed twice",
    ],
  ];
  for (const [path, value, expected] of cases) {
    it(expected.slice(0, expected.indexOf(":")), () => {
      assert.deepEqual(errorsOf(changed(path, value)), [expected]);
    });
  }
});

describe("describeFound", () => {
  it("quotes short texts and names the kind of everything else", () => {
    assert.equal(describeFound("abc", true), '"abc" (text)');
    assert.equal(describeFound("x".repeat(41), true), "a text of 41 characters");
    assert.equal(describeFound(""), "an empty text");
    assert.equal(describeFound(3, true), "3 (number)");
    assert.equal(describeFound(false, true), "false (true/false)");
    assert.equal(describeFound([1]), "a list of 1 item");
    assert.equal(describeFound({}), "an object");
    assert.equal(describeFound(undefined), "nothing");
  });
});

describe("profile schema documentation", () => {
  it("describes every field, since descriptions are the hints in messages and forms", () => {
    const undocumented: string[] = [];
    let fields = 0;
    type Json = {
      properties?: Record<string, Json & { description?: string }>;
      items?: Json;
      anyOf?: Json[];
      $defs?: Record<string, Json>;
    };
    const visit = (schema: Json | undefined, path: string) => {
      if (!schema) return;
      for (const [key, field] of Object.entries(schema.properties ?? {})) {
        fields++;
        if (!field.description) undocumented.push(`${path}${key}`);
        visit(field, `${path}${key}.`);
      }
      visit(schema.items, `${path}0.`);
      for (const option of schema.anyOf ?? []) visit(option, path);
      for (const [name, shared] of Object.entries(schema.$defs ?? {})) visit(shared, `$defs.${name}.`);
    };
    visit(z.toJSONSchema(ProfileShape, { io: "input", unrepresentable: "any" }) as Json, "");
    assert.deepEqual(undocumented, []);
    assert.ok(fields > 150, `only ${fields} fields were visited; the walk no longer reaches nested sections`);
  });
});
