/**
 * Passwords: argon2id hashes (OWASP's recommended parameters) and the rules an organization's
 * profile sets. Rule messages name the problem only; they never repeat the password.
 */
import { randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;
/** 19 MiB, 2 passes, 1 lane: OWASP's minimum for argon2id, about 20 ms per hash here. */
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The longest password accepted: long enough for any passphrase, short enough to bound hashing. */
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** A real hash of a random value, verified against when there is no user, so both paths cost the same. */
let decoy: Promise<string> | null = null;

/**
 * True when `password` matches `stored`. With `stored` null (unknown email, open invitation) the
 * password is checked against a decoy hash and false is returned, so response time does not tell
 * whether an account exists.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoy ??= hash(randomUUID(), options);
    await verify(await decoy, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is not a match; the caller answers as for a wrong password.
    return false;
  }
}

export interface PasswordContext {
  email: string;
  displayName: string;
  /** The organization's `access.passwordMinLength`. */
  minLength: number;
}

/** The first rule the password breaks, as a message for the password field, or null when it passes. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  // Count characters as people see them (code points), not UTF-16 units.
  const length = Array.from(password).length;
  if (length < context.minLength) return `must be at least ${context.minLength} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (lower === context.email.toLowerCase()) return "must not be your email address";
  const name = context.displayName.trim().toLowerCase();
  // A one- or two-letter name would forbid most passwords without making any of them safer.
  if (name.length >= 3 && lower.includes(name)) return "must not contain your name";
  return null;
}
