/** First-run setup: the organization and its first owner. */
import { z } from "zod";
import { DisplayName, Email, Password, Slug } from "../identity/identity.schema.ts";

export const SetupBody = z.strictObject({
  organization: z.strictObject({
    slug: Slug,
    name: z
      .string()
      .trim()
      .min(1, { error: "expected the organization's name" })
      .max(200, { error: "expected at most 200 characters" })
      .describe("The organization's name as its policies use it."),
  }),
  admin: z
    .strictObject({ email: Email, displayName: DisplayName, password: Password })
    .describe("The first owner, who is also the security officer until roles are handed out."),
});
export type SetupBody = z.infer<typeof SetupBody>;

export const SetupStatus = z.object({
  needed: z.boolean().describe("True while no organization exists: the app offers the setup page."),
});

export const SetupView = z.object({
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  user: z.object({ id: z.string(), email: z.string() }),
});
