/** What the server's routes and services receive: no globals, so tests pass their own. */
import type { KnownAccess } from "../auth/session.ts";
import type { Database } from "../db/index.ts";
import type { EvidenceKeyRing } from "../evidence/keyring.ts";
import type { OutboxRunner } from "../modules/outbox/outbox.service.ts";
import type { ResponseCacheOptions } from "./response-cache.ts";

/** The time source; tests use a controlled clock for idle logoff, lockout and deadlines. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Sends one message; the SMTP transport in production, the console when no SMTP is configured. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Security numbers taken from the organization's own profile: the same numbers its policies state. */
export interface SecuritySettings {
  idleLogoffMinutes: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  passwordMinLength: number;
}

export interface AppDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  /** Cookies marked Secure (default true; browsers accept Secure cookies on http://localhost). */
  secureCookies: boolean;
  /**
   * The settings of an organization, read from its current profile (defaults before it has one).
   * `known` is that profile's `access` section when the caller already read it (the session query
   * does), so no second query is needed.
   */
  securitySettings(organizationId: string, known?: KnownAccess): Promise<SecuritySettings>;
  /** Directory of the built web UI, or null to serve none. */
  webRoot: string | null;
  /** Where people reach the app, for links in emails; `http://127.0.0.1:PORT` when not given. */
  baseUrl?: string;
  /**
   * Keys that encrypt and decrypt evidence files; null or absent when none is configured
   * (PostgreSQL without STEWARD_EVIDENCE_KEYS), and then uploads and downloads answer 503.
   */
  evidenceKeys?: EvidenceKeyRing | null;
  /** Size and lifetime of kept read answers (response-cache.ts); defaults when absent. */
  responseCache?: ResponseCacheOptions;
  /**
   * Sends queued email once a request has committed it; buildApp creates one over `db`, `mailer`
   * and `clock` when absent, and closing the app waits for it.
   */
  outbox?: OutboxRunner;
}
