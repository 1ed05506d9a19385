/** Template problems, each located by file and line, reported together so one build shows them all. */
export interface TemplateProblem {
  file: string;
  line: number | null;
  message: string;
}

export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "TemplateError";
  }
}

export const formatProblem = (p: TemplateProblem) =>
  `${p.file}${p.line === null ? "" : `:${p.line}`}: ${p.message}`;

/** Liquid errors carry "line:N" in their message; pull it out so the location reads like a compiler's. */
export function fromLiquidError(file: string, error: unknown, lineOffset = 0): TemplateProblem {
  const text = error instanceof Error ? error.message : String(error);
  const match = /line:(\d+)/.exec(text);
  const message = text.replace(/,?\s*(file:[^,]*,\s*)?line:\d+,\s*col:\d+/, "").trim();
  return { file, line: match ? Number(match[1]) + lineOffset : null, message };
}
