/** Workforce acknowledgments of the current policy version, and who has not acknowledged yet. */
import { defineRoute } from "../../server/route.ts";
import { findCurrentPolicyVersion } from "../policies/policies.repo.ts";
import { presentAcknowledgmentList } from "./acknowledgments.presenter.ts";
import { listMemberAcknowledgments } from "./acknowledgments.repo.ts";
import {
  AcknowledgeBody,
  AcknowledgmentList,
  AcknowledgmentsQuery,
  AcknowledgmentView,
} from "./acknowledgments.schema.ts";
import { acknowledgePolicies, workforceOnly } from "./acknowledgments.service.ts";

export const acknowledgmentRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/v1/acknowledgments",
    summary: "Acknowledge the current policies (409 when they changed since the caller read them)",
    tag: "acknowledgments",
    access: "acknowledgments:create",
    body: AcknowledgeBody,
    response: { status: 200, schema: AcknowledgmentView },
    async handler({ deps, auth }, { body }) {
      const done = await acknowledgePolicies({
        db: deps.db,
        organizationId: auth!.organizationId,
        actor: { type: "user", id: auth!.userId },
        contentHash: body.contentHash,
        now: deps.clock.now(),
      });
      return { ...done, acknowledgedAt: done.acknowledgedAt.toISOString() };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/acknowledgments",
    summary: "Every member's acknowledgment of the current policies",
    tag: "acknowledgments",
    access: "acknowledgments:read",
    query: AcknowledgmentsQuery,
    response: { status: 200, schema: AcknowledgmentList },
    async handler({ deps, auth }, { query }) {
      const organizationId = auth!.organizationId;
      const version = await findCurrentPolicyVersion(deps.db, organizationId);
      const members = workforceOnly(
        await listMemberAcknowledgments(deps.db, organizationId, version?.id ?? null),
      );
      return presentAcknowledgmentList(version, members, query.status);
    },
  }),
];
