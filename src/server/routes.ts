/** Every API route of the application, one line per module. */
import { acknowledgmentRoutes } from "../modules/acknowledgments/acknowledgments.routes.ts";
import { auditLogRoutes } from "../modules/audit-log/audit-log.routes.ts";
import { evidenceRoutes } from "../modules/evidence/evidence.routes.ts";
import { asOfRoutes } from "../modules/governance/as-of.routes.ts";
import { changeRoutes } from "../modules/governance/changes.routes.ts";
import { obligationRoutes } from "../modules/obligations/obligations.routes.ts";
import { policyRoutes } from "../modules/policies/policies.routes.ts";
import { profileRoutes } from "../modules/profile/profile.routes.ts";
import { reminderRoutes } from "../modules/reminders/reminders.routes.ts";
import { sessionRoutes } from "../modules/session/session.routes.ts";
import { dashboardRoutes } from "../modules/dashboard/dashboard.routes.ts";
import { identityRoutes } from "../modules/identity/identity.routes.ts";
import { membersRoutes } from "../modules/members/members.routes.ts";
import { setupRoutes } from "../modules/setup/setup.routes.ts";
import { workforceRoutes } from "../modules/workforce/workforce.routes.ts";
import type { AnyRoute } from "./route.ts";

export const allRoutes: AnyRoute[] = [
  ...sessionRoutes,
  ...profileRoutes,
  ...policyRoutes,
  ...asOfRoutes,
  ...changeRoutes,
  ...acknowledgmentRoutes,
  ...auditLogRoutes,
  ...evidenceRoutes,
  ...identityRoutes,
  ...membersRoutes,
  ...setupRoutes,
  ...workforceRoutes,
  ...obligationRoutes,
  ...reminderRoutes,
  ...dashboardRoutes,
];
