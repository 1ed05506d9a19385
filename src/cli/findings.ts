/** How a profile finding reads on a terminal: `path: message (line N)`, warnings marked. */
import type { Finding } from "../profile/errors.ts";

/** One finding as a line; file-level findings (path = the file) already name their line in the message. */
export function formatFinding(finding: Finding, file: string): string {
  const prefix = finding.severity === "warning" ? "warning: " : "";
  const where = finding.line !== null && finding.path !== file ? ` (line ${finding.line})` : "";
  return `${prefix}${finding.path}: ${finding.message}${where}`;
}
