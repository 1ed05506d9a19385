/**
 * Building a proposal's draft: profile values set on a copy of the current profile, the proposal's
 * effective date written as governance.effectiveDate (so the documents print it), the result
 * validated like any profile, and the set rendered with the section texts in force plus the
 * proposed ones. Every problem answers 400 naming the field.
 */
import type { Profile } from "../../profile/schema.ts";
import { AppError, type FieldError } from "../../server/errors.ts";
import type { PolicySet } from "../../templates/model.ts";
import { sectionTextProblems, type SectionText } from "../../templates/section-text.ts";
import { renderOrRefuse } from "../policies/policies.service.ts";
import { checkProfileData, profileInvalid } from "../profile/profile.service.ts";
import type { ChangeRequest } from "./changes.schema.ts";
import { mergeSectionTexts } from "./section-text.repo.ts";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Sets each value on a copy of the profile data; a path through a value that is not a group is a problem. */
export function applyProfileChanges(
  data: Record<string, unknown>,
  changes: ChangeRequest["profileChanges"],
): { data: Record<string, unknown>; problems: FieldError[] } {
  const copy = structuredClone(data);
  const problems: FieldError[] = [];
  changes.forEach(({ path, value }, index) => {
    const field = `body.profileChanges.${index}.path`;
    if (path === "governance.effectiveDate") {
      problems.push({
        field,
        message: "the effective date is set by the proposal's effectiveDate, not as a value",
      });
      return;
    }
    const keys = path.split(".");
    let node: unknown = copy;
    for (const [depth, key] of keys.entries()) {
      const last = depth === keys.length - 1;
      const container = node as Record<string, unknown> | unknown[];
      if (Array.isArray(container) && !/^\d+$/.test(key)) {
        problems.push({
          field,
          message: `${keys.slice(0, depth).join(".")} is a list: expected an item number`,
        });
        return;
      }
      if (last) {
        (container as Record<string, unknown>)[key] = value;
        return;
      }
      let next = (container as Record<string, unknown>)[key];
      if (next === undefined) {
        // A field that does not exist yet: validation then names it as unknown, with a suggestion.
        next = {};
        (container as Record<string, unknown>)[key] = next;
      }
      if (typeof next !== "object" || next === null) {
        const prefix = keys.slice(0, depth + 1).join(".");
        problems.push({
          field,
          message: `${prefix} is a single value, so ${path} cannot be set; set ${prefix} itself`,
        });
        return;
      }
      node = next;
    }
  });
  return { data: copy, problems };
}

export interface Draft {
  profile: Profile;
  set: PolicySet;
  sectionText: SectionText[];
}

/** The draft of a proposal; throws a 400 AppError with every problem found. */
export function buildDraft(options: {
  currentProfile: Record<string, unknown>;
  currentSectionText: readonly SectionText[];
  request: ChangeRequest;
  effectiveDate: string;
  templatesDir?: string;
}): Draft {
  const { request } = options;
  const applied = applyProfileChanges(options.currentProfile, request.profileChanges);
  const problems = [...applied.problems, ...sectionRequestProblems(request, options.currentSectionText)];
  if (problems.length > 0)
    throw new AppError(
      "validation_failed",
      "the proposed change has problems; fix the fields listed",
      problems,
    );
  if (isRecord(applied.data.governance)) applied.data.governance.effectiveDate = options.effectiveDate;
  const checked = checkProfileData(applied.data);
  if (!checked.ok) throw profileInvalid(checked.errors);
  const sectionText = mergeSectionTexts(options.currentSectionText, request.sectionChanges);
  const set = renderOrRefuse(checked.profile, {
    sectionText,
    ...(options.templatesDir === undefined ? {} : { templatesDir: options.templatesDir }),
  });
  const missing = missingSections(set, request.sectionChanges);
  if (missing.length > 0)
    throw new AppError("validation_failed", "the proposed change names sections that do not exist", missing);
  return { profile: checked.profile, set, sectionText };
}

function sectionRequestProblems(request: ChangeRequest, current: readonly SectionText[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  request.sectionChanges.forEach((change, index) => {
    const key = `${change.policyId}#${change.sectionId}`;
    if (seen.has(key))
      problems.push({ field: `body.sectionChanges.${index}`, message: `section ${key} is changed twice` });
    seen.add(key);
    if (change.markdown === null) {
      if (!current.some((t) => t.policyId === change.policyId && t.sectionId === change.sectionId))
        problems.push({
          field: `body.sectionChanges.${index}.markdown`,
          message: `section ${key} already has the template's text`,
        });
      return;
    }
    for (const message of sectionTextProblems(change.markdown))
      problems.push({ field: `body.sectionChanges.${index}.markdown`, message });
  });
  return problems;
}

/** Section changes naming a policy or section this organization's set does not have. */
function missingSections(set: PolicySet, changes: ChangeRequest["sectionChanges"]): FieldError[] {
  return changes.flatMap((change, index) => {
    const policy = set.policies.find((p) => p.id === change.policyId);
    if (!policy)
      return [
        {
          field: `body.sectionChanges.${index}.policyId`,
          message: `no policy "${change.policyId}" in this organization's policies`,
        },
      ];
    if (policy.sections.some((s) => s.id === change.sectionId)) return [];
    return [
      {
        field: `body.sectionChanges.${index}.sectionId`,
        message: `policy "${change.policyId}" has no section "${change.sectionId}"`,
      },
    ];
  });
}
