/** Resolves `{% ref %}` markers to links once every published policy and section has its number. */
import type { TemplateProblem } from "./errors.ts";
import { refMarkerPattern } from "./tags.ts";

export interface RefTarget {
  number: string;
  title: string;
  file: string;
  sections: Map<string, { number: string; title: string }>;
}

export function resolveRefs(
  markdown: string,
  file: string,
  targets: Map<string, RefTarget>,
  problems: TemplateProblem[],
  lineAt: (offset: number) => number,
): string {
  return markdown.replace(
    refMarkerPattern,
    (_marker, policyId: string, sectionId: string | undefined, offset: string) => {
      const policy = targets.get(policyId);
      if (!policy) {
        problems.push({
          file,
          line: lineAt(Number(offset)),
          message: `{% ref %} points to policy "${policyId}", which is not published for this organization`,
        });
        return "";
      }
      if (!sectionId) return `[the ${policy.title} (policy ${policy.number})](steward-ref:${policyId})`;
      const section = policy.sections.get(sectionId);
      if (!section) {
        problems.push({
          file,
          line: lineAt(Number(offset)),
          message: `{% ref %} points to section "${sectionId}" of "${policyId}", which does not exist there`,
        });
        return "";
      }
      return `[section ${section.number} (${section.title})](steward-ref:${policyId}#${sectionId})`;
    },
  );
}
