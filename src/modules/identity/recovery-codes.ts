/**
 * One-time recovery codes: 80 random bits each, written as four groups of four base32 letters and
 * digits (`k7q2-m4xa-9z3p-wt5c` style, lower case) so they can be read aloud and typed.
 */
import { createHash, randomBytes } from "node:crypto";
import { base32Encode } from "./totp.ts";

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    base32Encode(randomBytes(10)).toLowerCase().match(/.{4}/g)!.join("-"),
  );
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

/** What is stored: SHA-256 of the normalized code. */
export const hashRecoveryCode = (code: string) =>
  createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
