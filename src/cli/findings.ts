/** How a profile finding reads on a terminal: `path: message (line N)`, warnings marked. */
import type { Finding } from "../profile/errors.ts";

export function formatFinding(finding: Finding): string {
  const where = finding.line === null ? "" : ` (line ${finding.line})`;
  return `${finding.severity === "warning" ? "warning: " : ""}${finding.path}: ${finding.message}${where}`;
}
