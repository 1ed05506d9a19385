import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Template } from "liquidjs";
import { exampleProfile, modifiedProfile } from "../../test/support/profiles.ts";
import type { Profile } from "../profile/schema.ts";
import { buildScope } from "./context.ts";
import { renderFast, renderLiquid } from "./fast-liquid.ts";
import { liquidEngine } from "./liquid.ts";
import { loadLibrary } from "./load.ts";
import { sharedResponsibilityRows } from "./shared-responsibility.ts";
import type { RenderState } from "./tags.ts";

const liquid = liquidEngine();

/** Both renderers on the same input, each with its own copy of the tags' state. */
function both(templates: Template[], scope: object, profile: Profile, makeState: () => RenderState | null) {
  const fastState = makeState();
  const fast = renderFast(liquid, templates, scope, { profile, state: fastState });
  const slowState = makeState();
  let slow: string | Error;
  try {
    slow = liquid.renderSync(templates, scope, { globals: { profile, state: slowState } }) as string;
  } catch (error) {
    slow = error as Error;
  }
  return { fast, slow, fastState, slowState };
}

const profiles: [string, () => Profile][] = [
  ["brightpath-saas", () => exampleProfile("brightpath-saas.yaml")],
  ["cedarridge-hybrid", () => exampleProfile("cedarridge-hybrid.yaml")],
  ["harborline-paas", () => exampleProfile("harborline-paas.yaml")],
  [
    "harborline-paas with one provider and no optional modules",
    () =>
      modifiedProfile("harborline-paas.yaml", (data) => {
        const d = data as unknown as { hosting: { providers: unknown[] }; modules: Record<string, unknown> };
        d.hosting.providers = d.hosting.providers.slice(0, 1);
        d.modules.sharedResponsibility = false;
        d.modules.customerServices = {
          backup: false,
          logging: false,
          intrusionDetection: false,
          disasterRecovery: false,
        };
      }),
  ],
];

describe("fast Liquid renderer", () => {
  for (const [name, load] of profiles) {
    it(`renders every template of the library exactly as liquidjs does: ${name}`, () => {
      const profile = load();
      const scope = buildScope(profile);
      scope.sharedResponsibility = sharedResponsibilityRows(profile, scope);
      let rendered = 0;
      for (const template of loadLibrary()) {
        const parts: [string, Template[] | null][] = [
          ["when", template.when],
          ["summary", template.summary],
          ...[...template.commitments].flatMap(([id, c]): [string, Template[] | null][] => [
            [`${id} when`, c.when],
            [`${id} text`, c.text],
            [`${id} evidence`, c.evidence],
          ]),
        ];
        for (const [part, templates] of parts) {
          if (!templates) continue;
          const { fast, slow } = both(templates, scope, profile, () => null);
          // An inactive commitment's sentence may not render at all (its values are absent): then
          // the fast path must leave it to liquidjs, which reports it.
          assert.equal(fast, slow instanceof Error ? undefined : slow, `${template.file} ${part}`);
          rendered += 1;
        }
        const newState = (): RenderState => ({
          policyId: template.meta.id,
          commitments: new Map(
            [...template.commitments].map(([id, c]) => [
              id,
              {
                declaration: template.meta.commitments.find((d) => d.id === id)!,
                text: c.text,
                active: !c.when || liquid.renderSync(c.when, scope, { globals: { profile } }) === "true",
              },
            ]),
          ),
          rendered: new Map(),
          errors: [],
        });
        const body = both(template.body, scope, profile, newState);
        assert.equal(body.fast, body.slow, `${template.file} body`);
        assert.deepEqual(
          [...body.fastState!.rendered],
          [...body.slowState!.rendered],
          `${template.file} sentences`,
        );
        assert.deepEqual(body.fastState!.errors, body.slowState!.errors, `${template.file} tag errors`);
        rendered += 1;
      }
      assert.ok(rendered > 300, `only ${rendered} templates rendered`);
    });
  }

  const profile = exampleProfile("brightpath-saas.yaml");
  const data = {
    n: 3,
    text: "Steward",
    list: ["a", "b", "c"],
    nothing: [],
    people: [{ name: "Ana" }, { name: "Bo" }],
    missing: null,
  };
  /** Template, what liquidjs renders (or null when it throws), and whether the fast path answers. */
  const cases: [string, string | null, boolean][] = [
    ["{% if n > 2 and text contains 'ew' %}yes{% else %}no{% endif %}", "yes", true],
    ["{% if n < 2 or list contains 'b' %}yes{% endif %}", "yes", true],
    ["{% if missing %}a{% elsif n == 3 %}b{% else %}c{% endif %}", "b", true],
    ["{% unless n == 3 %}a{% elsif text != 'x' %}b{% endunless %}", "b", true],
    ["{% unless missing %}a{% endunless %}", "a", true],
    [
      "{% case n %}{% when 1, 3 %}one-or-three{% when 3 %}three{% else %}other{% endcase %}",
      "one-or-threethree",
      true,
    ],
    ["{% case text %}{% when 'x' %}x{% else %}other{% endcase %}", "other", true],
    [
      "{% for p in people %}{{ forloop.index }}{{ p.name }}{% if forloop.last %}.{% else %}, {% endif %}{% endfor %}",
      "1Ana, 2Bo.",
      true,
    ],
    ["{% for x in nothing %}x{% else %}none{% endfor %}", "none", true],
    [
      "{% assign t = list | join: '+' %}{% capture c %}[{{ t }}]{% endcapture %}{{ c | upcase }}",
      "[A+B+C]",
      true,
    ],
    [
      "{{ people | map: 'name' | join: ', ' }} {{ n | plus: 2 }} {{ text | replace: 'S', 's' | slice: 0, 3 }}",
      "Ana, Bo 5 ste",
      true,
    ],
    ["{{ list }}{{ missing }}{{ list.size }}{{ list.first }}", "abc3a", true],
    ["{{ unknown }}", null, false],
    ["{{ text | hours }}", null, false],
    ["{% if list == empty %}e{% else %}f{% endif %}", "f", false],
    ["{% for x in list limit: 2 %}{{ x }}{% endfor %}", "ab", false],
  ];
  for (const [text, expected, handled] of cases) {
    it(`${handled ? "renders" : "leaves to liquidjs"}: ${text}`, () => {
      const templates = liquid.parse(text);
      const fast = renderFast(liquid, templates, data, { profile });
      assert.equal(fast, handled ? expected : undefined);
      if (expected === null) assert.throws(() => renderLiquid(liquid, templates, data, { profile }));
      else assert.equal(renderLiquid(liquid, templates, data, { profile }), expected);
    });
  }

  it("puts the commitment record back before liquidjs renders a template again", () => {
    const templates = liquid.parse('{% commitment "c" %} {{ unknown }}');
    const state: RenderState = {
      policyId: "p",
      commitments: new Map([
        ["c", { declaration: {} as never, text: liquid.parse("Sentence  {{ n }}."), active: true }],
      ]),
      rendered: new Map(),
      errors: [],
    };
    assert.throws(() => renderLiquid(liquid, templates, data, { profile, state }), /unknown/);
    // Rendered once by the fast path (then abandoned) and once by liquidjs: still recorded once.
    assert.deepEqual([...state.rendered], [["c", "Sentence 3."]]);
    assert.deepEqual(state.errors, []);
  });
});
