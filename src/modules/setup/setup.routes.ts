/** First-run setup over HTTP: offered only while the installation has no organization. */
import { defineRoute } from "../../server/route.ts";
import { defaultSecuritySettings } from "../identity/security-settings.ts";
import { unsafeAnyOrganization } from "./setup.repo.ts";
import { SetupBody, SetupStatus, SetupView } from "./setup.schema.ts";
import { setUpOrganization } from "./setup.service.ts";

export const setupRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/setup",
    summary: "Whether the installation still needs its first organization",
    tag: "setup",
    access: "public",
    response: { status: 200, schema: SetupStatus },
    handler: async ({ deps }) => ({ needed: !(await unsafeAnyOrganization(deps.db)) }),
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/setup",
    summary: "Create the first organization and its owner (only while none exists)",
    tag: "setup",
    access: "public",
    rateLimit: { max: 10, windowMs: 60_000 },
    body: SetupBody,
    response: { status: 201, schema: SetupView },
    async handler({ deps }, { body }) {
      const { organization, user } = await setUpOrganization({
        db: deps.db,
        now: deps.clock.now(),
        ...body,
        // No profile yet: the schema's default rules apply until the owner saves one.
        passwordMinLength: defaultSecuritySettings.passwordMinLength,
        firstOnly: true,
        actor: "owner",
      });
      return { organization, user };
    },
  }),
];
