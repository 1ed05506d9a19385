/**
 * Static checks over the template sources, independent of any one profile: they see every branch
 * of every condition, which a render for one organization does not.
 */
import { z } from "zod";
import { ProfileShape } from "../profile/schema.ts";
import { findPlaceholder } from "./checks.ts";
import { commitmentParameterPaths } from "./commitments.ts";
import type { Derived } from "./context.ts";
import type { TemplateProblem } from "./errors.ts";
import { liquidEngine } from "./liquid.ts";
import type { PolicyTemplate } from "./load.ts";

interface Node {
  type?: string | string[];
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
}

let profileSchema: Node | null = null;
const derivedKeys: (keyof Derived)[] = [
  "offersSaas",
  "offersPaas",
  "offersAddOns",
  "offersOther",
  "saas",
  "paas",
  "addOns",
  "other",
  "onPremise",
  "cloudOnly",
  "multiProvider",
  "providerNames",
  "officersSamePerson",
  "securityOfficerName",
  "privacyOfficerName",
  "customerServices",
  "customerServiceNames",
];
const offeringFields = new Set([
  "name",
  "customerTerm",
  "description",
  "managesApplicationData",
  "items",
  "kind",
]);

/** True when a dotted path names a field of the profile schema (array elements by index allowed). */
export function profileHasPath(path: string): boolean {
  profileSchema ??= z.toJSONSchema(ProfileShape, { io: "input", unrepresentable: "any" }) as Node;
  let node: Node | undefined = profileSchema;
  for (const segment of path.split(".")) {
    const variants: Node[] = node?.anyOf ?? (node ? [node] : []);
    const isIndex = /^\d+$/.test(segment) || segment === "first" || segment === "last" || segment === "size";
    const next: Node | undefined = isIndex
      ? (variants.find((v) => v.items)?.items ?? (segment === "size" ? {} : undefined))
      : variants.map((v) => v.properties?.[segment]).find(Boolean);
    if (!next) return false;
    node = next;
  }
  return true;
}

function variableKnown(path: string): boolean {
  const [root, key, field, ...rest] = path.split(".");
  if (root === "derived") {
    if (!derivedKeys.includes(key as keyof Derived)) return false;
    return (
      field === undefined ||
      (["saas", "paas", "addOns", "other"].includes(key!) && offeringFields.has(field) && rest.length <= 1)
    );
  }
  if (root === "sharedResponsibility") return true;
  return profileHasPath(path);
}

export function lintLibrary(templates: PolicyTemplate[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const liquid = liquidEngine();
  for (const template of templates) {
    const file = template.file;
    for (const commitment of template.meta.commitments) {
      for (const path of commitmentParameterPaths(commitment)) {
        if (!variableKnown(path))
          problems.push({
            file,
            line: null,
            message: `commitment "${commitment.id}" uses "${path}", which the profile schema does not define`,
          });
      }
    }
    for (const path of liquid.globalFullVariablesSync(template.body)) {
      if (!variableKnown(path))
        problems.push({
          file,
          line: null,
          message: `template uses "${path}", which the profile schema does not define`,
        });
    }
    const cites = [...template.source.matchAll(/\{#[a-z0-9-]+\s+cites="([^"]+)"\}/g)]
      .map((m) => m[1]!.trim())
      .filter(Boolean);
    if (cites.length === 0 && template.meta.commitments.every((c) => c.citations.length === 0)) {
      problems.push({ file, line: null, message: "policy cites no regulation in any section or commitment" });
    }
    const ids = [...template.source.matchAll(/^#{2,3}\s.*\{#([a-z0-9-]+)/gm)].map((m) => m[1]!);
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i)))
      problems.push({ file, line: null, message: `section id "${id}" is used more than once` });
    const prose = template.source.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, "");
    const placeholder = findPlaceholder(prose);
    if (placeholder)
      problems.push({
        file,
        line: null,
        message: `template contains ${placeholder.what}: "${placeholder.excerpt}"`,
      });
  }
  return problems;
}
