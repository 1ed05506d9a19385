/** Request and response shapes of sign-in, sign-out and the second factor. */
import { z } from "zod";
import { roles } from "../../auth/permissions.ts";
import { PASSWORD_MAX_LENGTH } from "./password.ts";

/** An email address, compared and stored in lower case. */
export const Email = z
  .email({ error: "expected an email address" })
  .max(254, { error: "expected at most 254 characters" })
  .toLowerCase()
  .describe("Email address; letter case does not matter.");

/** An organization's URL name. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: "expected lower-case letters and digits in groups joined by single hyphens",
  })
  .max(63, { error: "expected at most 63 characters" })
  .describe("The organization's short URL name, for example `brightpath`.");

export const DisplayName = z
  .string()
  .trim()
  .min(1, { error: "expected a name" })
  .max(200, { error: "expected at most 200 characters" })
  .describe("The person's name as other members see it.");

/** A password as typed; the organization's length and content rules are checked by the service. */
export const Password = z
  .string({ error: "expected a password" })
  .min(1, { error: "expected a password" })
  .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters` })
  .describe("The password; the organization's profile sets the minimum length.");

export const SignInBody = z.strictObject({
  email: Email,
  password: Password,
  organization: Slug.optional().describe(
    "Slug of the organization to sign in to; needed only when the account belongs to several.",
  ),
});

const MfaState = z.object({
  required: z.boolean().describe("True for owners and officers: verify a code before anything else."),
  enrolled: z.boolean(),
  verified: z.boolean(),
});

export const SignInView = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  roles: z.array(z.enum(roles)),
  csrfToken: z.string().describe("Echo in the x-csrf-token header of every state-changing request."),
  mfa: MfaState,
});
export type SignInView = z.infer<typeof SignInView>;

export const TotpCode = z
  .string({ error: "expected the 6-digit code" })
  .regex(/^\d{6}$/, { error: "expected the 6-digit code from your authenticator app" })
  .describe("The 6-digit code the authenticator app shows now.");

export const MfaEnrollView = z.object({
  secret: z.string().describe("Base32 secret, for typing into an authenticator app."),
  otpauthUri: z.string().describe("otpauth:// URI, usually shown as a QR code."),
});

export const MfaConfirmBody = z.strictObject({ code: TotpCode });

export const MfaConfirmView = z.object({
  recoveryCodes: z
    .array(z.string())
    .describe("One-time codes for when the authenticator is lost. Shown once: store them safely."),
});

export const MfaVerifyBody = z
  .strictObject({
    code: TotpCode.optional(),
    recoveryCode: z
      .string()
      .min(1, { error: "expected a recovery code" })
      .max(64, { error: "expected at most 64 characters" })
      .optional()
      .describe("One of the recovery codes issued at enrollment, instead of a code."),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    error: "send either code or recoveryCode",
  });

export const MfaVerifyView = z.object({
  verified: z.literal(true),
  unusedRecoveryCodes: z.number().int().describe("Recovery codes still unused."),
});
