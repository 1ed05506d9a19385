/** The signed-in caller as the UI sees it: who, where, which roles, and what they may do. */
import { z } from "zod";
import { permissions, roles } from "../../auth/permissions.ts";

export const SessionView = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  roles: z.array(z.enum(roles)),
  abilities: z
    .array(z.enum(permissions))
    .describe("Permissions the roles grant; the UI hides what is missing."),
  csrfToken: z.string().describe("Echo in the x-csrf-token header of every state-changing request."),
  mfa: z.object({ required: z.boolean(), verified: z.boolean(), enrolled: z.boolean() }),
});
export type SessionView = z.infer<typeof SessionView>;
