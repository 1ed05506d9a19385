/** Every route of the workforce lifecycle: roster, training status, access, reviews, sanctions. */
import { localDateOf } from "../../obligations/deadlines.ts";
import { defineRoute } from "../../server/route.ts";
import { organizationTimeZone } from "../policies/policies.repo.ts";
import { accessRoutes } from "./access.routes.ts";
import { peopleRoutes } from "./people.routes.ts";
import { reviewRoutes } from "./reviews.routes.ts";
import { sanctionRoutes } from "./sanctions.routes.ts";
import { terminationRoutes } from "./termination.routes.ts";
import { readTraining } from "./training.repo.ts";
import { TrainingView } from "./training.schema.ts";

const trainingRoute = defineRoute({
  method: "GET",
  url: "/api/v1/training",
  summary: "Each working person's training: last completion, next due date and status (from occurrences)",
  tag: "workforce",
  access: "workforce:read",
  response: { status: 200, schema: TrainingView },
  async handler({ deps, auth }) {
    const organizationId = auth!.organizationId;
    const now = deps.clock.now();
    const today = localDateOf(now, await organizationTimeZone(deps.db, organizationId));
    return readTraining(deps.db, organizationId, now, today);
  },
});

export const workforceRoutes = [
  ...peopleRoutes,
  ...terminationRoutes,
  trainingRoute,
  ...accessRoutes,
  ...reviewRoutes,
  ...sanctionRoutes,
];
