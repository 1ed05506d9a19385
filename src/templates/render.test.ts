import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { exampleProfile } from "../../test/support/profiles.ts";
import { TemplateError } from "./errors.ts";
import { renderPolicySet } from "./render.ts";

const profile = exampleProfile("brightpath-saas.yaml");
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes a small template library and renders it. */
function render(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "steward-templates-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return renderPolicySet(profile, { templatesDir: dir });
}

function problems(files: Record<string, string>): string[] {
  try {
    render(files);
  } catch (error) {
    if (error instanceof TemplateError)
      return error.problems.map((p) => `${p.file.replace(/^.*\//, "")}:${p.line ?? "-"}: ${p.message}`);
    throw error;
  }
  assert.fail("expected the build to fail");
}

const access = `---
id: access
title: Access Policy
order: 20
summary: How {{ organization.name }} controls access.
nist: ["AC-11"]
commitments:
  - id: idle-logoff
    section: logoff
    owner: security-officer
    text: Sessions end after {{ access.idleLogoffMinutes }} minutes without activity.
    schedule: { kind: standing }
    evidence: Timeout settings exported from {{ tools.configurationManagement }}.
    citations: ["45 CFR §164.312(a)(2)(iii)"]
  - id: review
    section: reviews
    owner: security-officer
    text: The Security Officer reviews access {{ access.reviewCadence | cadence }}.
    schedule: { kind: recurring, cadence: access.reviewCadence }
    evidence: Review record.
    citations: ["164.308(a)(4)(ii)(C)"]
---
Access is granted on need.

## Automatic logoff {#logoff cites="164.312(a)(1)"}

1. {% commitment "idle-logoff" %}

## Reviews {#reviews}

### Quarterly work {#quarterly}

{% commitment "review" %} See {% ref "intro#scope" %}.
{% if derived.onPremise %}
## Server room {#server-room cites="164.310(a)(2)(ii)"}

Keys are logged.
{% endif %}
`;

const intro = `---
id: intro
title: Introduction
order: 10
summary: Who we are.
---
{{ organization.legalName }} provides {{ organization.description }}.

## Scope {#scope cites="164.316(a)"}

These policies apply to everyone. Read {% ref "access#logoff" %} and {% ref "access" %}.
`;

describe("renderPolicySet", () => {
  it("numbers policies and sections, renders commitments and resolves cross-references", () => {
    const set = render({ "access.md": access, "intro.md": intro });
    assert.deepEqual(
      set.policies.map((p) => [p.number, p.id]),
      [
        [1, "intro"],
        [2, "access"],
      ],
    );
    const accessPolicy = set.policies[1]!;
    assert.deepEqual(
      accessPolicy.sections.map((s) => `${s.number} ${s.title}`),
      ["2.1 Automatic logoff", "2.2 Reviews", "2.2.1 Quarterly work"],
    );
    assert.match(accessPolicy.sections[0]!.markdown, /1\. Sessions end after 15 minutes without activity\./);
    assert.match(accessPolicy.sections[2]!.markdown, /\[section 1\.1 \(Scope\)\]\(steward-ref:intro#scope\)/);
    assert.match(
      set.policies[0]!.sections[0]!.markdown,
      /\[section 2\.1 \(Automatic logoff\)\]\(steward-ref:access#logoff\)/,
    );
    assert.match(
      set.policies[0]!.sections[0]!.markdown,
      /\[the Access Policy \(policy 2\)\]\(steward-ref:access\)/,
    );
    assert.equal(accessPolicy.summary, "How BrightPath controls access.");
  });

  it("gives commitments their section, normalized citations, schedule and parameters", () => {
    const set = render({ "access.md": access, "intro.md": intro });
    const [logoff, review] = set.policies[1]!.commitments;
    assert.equal(logoff!.sectionNumber, "2.1");
    assert.deepEqual(logoff!.citations, ["164.312(a)(2)(iii)"]);
    assert.deepEqual(logoff!.parameters, { "access.idleLogoffMinutes": 15 });
    assert.equal(logoff!.evidence, "Timeout settings exported from Terraform.");
    assert.deepEqual(review!.schedule, {
      kind: "recurring",
      cadence: { every: 3, unit: "month" },
      cadenceParam: "access.reviewCadence",
    });
    assert.deepEqual(set.policies[1]!.sections[0]!.citations, ["164.312(a)(1)", "164.312(a)(2)(iii)"]);
  });

  it("drops a conditional section with its citations", () => {
    const set = render({ "access.md": access, "intro.md": intro });
    assert.ok(!set.policies[1]!.sections.some((s) => s.id === "server-room"));
    assert.ok(!set.policies[1]!.citations.includes("164.310(a)(2)(ii)"));
  });

  it("names the template and line of an unknown variable", () => {
    const broken = intro.replace("{{ organization.description }}", "{{ organization.slogan }}");
    assert.deepEqual(problems({ "intro.md": broken }), [
      "intro.md:7: undefined variable: organization.slogan",
    ]);
  });

  it("rejects empty sections, placeholders, missing ids and unknown references", () => {
    const text = `---
id: intro
title: Introduction
order: 10
summary: Who we are.
---
## Empty {#empty}

## Todo {#todo}

Response within X minutes.

## No id here

Text, see {% ref "nowhere#x" %}.
`;
    assert.deepEqual(problems({ "intro.md": text }), [
      'intro.md:13: heading "No id here" needs an id: add {#section-id}',
      'intro.md:7: section "empty" is empty',
      'intro.md:15: {% ref %} points to policy "nowhere", which is not published for this organization',
      'intro.md:9: section "todo" contains a placeholder number: "Response within X minutes. Text, see ."',
    ]);
  });

  it("requires every declared commitment to be rendered exactly once", () => {
    const notRendered = access.replace('1. {% commitment "idle-logoff" %}', "1. Sessions end.");
    assert.deepEqual(problems({ "access.md": notRendered, "intro.md": intro }), [
      'access.md:-: commitment "idle-logoff" is declared but never rendered with {% commitment "idle-logoff" %}',
    ]);
    const twice = access.replace(
      '{% commitment "review" %}',
      '{% commitment "review" %} {% commitment "review" %}',
    );
    assert.deepEqual(problems({ "access.md": twice, "intro.md": intro }), [
      'access.md:33: commitment "review" is rendered more than once',
    ]);
  });

  it("rejects a citation that is not in the catalog, with a suggestion", () => {
    const bad = intro.replace('cites="164.316(a)"', 'cites="164.316(z)"');
    const [message] = problems({ "intro.md": bad });
    assert.match(
      message!,
      /^intro\.md:-: section "scope" cites: "164\.316\(z\)" is not a citation in the catalog; did you mean "164\.316\(a\)"\?$/,
    );
  });
});
