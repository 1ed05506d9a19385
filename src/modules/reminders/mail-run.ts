/** What one reminder or digest pass needs, and what it did in terms safe to log: counts, ids and error kinds. */
import type { Database } from "../../db/index.ts";
import type { Mailer } from "../../server/deps.ts";
import type { ActiveOrganization } from "./reminders.repo.ts";

export interface MailPassOptions {
  db: Database;
  mailer: Mailer;
  now: Date;
  /** The public address of the app, for links in the messages. */
  baseUrl: string;
  /** The organizations to visit, when the caller has just listed them; else they are listed here. */
  organizations?: ActiveOrganization[];
}

export interface MailFailure {
  organizationId: string;
  /** The member whose message failed; null when the whole organization's pass failed. */
  userId: string | null;
  reason: string;
}

export interface MailRun {
  emailsSent: number;
  failures: MailFailure[];
}

/**
 * An error reduced to its kind (name and code, e.g. "Error EENVELOPE"), never its message: an SMTP
 * or database message can quote an address or a stored value.
 */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? `${error.name} ${code}` : error.name;
}
