/**
 * The one place environment variables are read (STYLE.md rule 9). Validated once, with an error
 * that names the variable and the problem.
 */
import { z } from "zod";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default("127.0.0.1"),
  STEWARD_DATA: z.string().default(".steward-data"),
  STEWARD_CHROMIUM: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  STEWARD_DEBUG: z.string().optional(),
  /** SMTP server for invitations, e.g. `smtp://user:pass@mail.example.com:587`; console when unset. */
  STEWARD_SMTP_URL: z.url().optional(),
  STEWARD_MAIL_FROM: z.string().default("Steward <steward@localhost>"),
  /** The address people use to reach this server, for links in emails (http://127.0.0.1:PORT when unset). */
  STEWARD_BASE_URL: z.url().optional(),
  /**
   * Evidence encryption keys, `keyId:base64,keyId:base64` (32 bytes each): the first encrypts new
   * files, the others only decrypt (rotation). Unset: a data directory keeps a generated key in
   * DIR/evidence-keys; with DATABASE_URL, uploads answer 503 until it is set.
   */
  STEWARD_EVIDENCE_KEYS: z.string().optional(),
  /**
   * Minutes between passes of the scheduler (new recurring work, due reminders, the officers'
   * weekly digest); 0 turns it off, e.g. on all but one of several processes sharing a database.
   */
  STEWARD_SCHEDULER_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
});

export type Config = z.infer<typeof Env>;

let cached: Config | null = null;

export function config(): Config {
  if (cached) return cached;
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}
