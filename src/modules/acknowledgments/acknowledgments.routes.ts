/** Workforce acknowledgments of the current policy version, and who has not acknowledged yet. */
import { defineRoute } from "../../server/route.ts";
import { findCurrentPolicyVersion } from "../policies/policies.repo.ts";
import { presentAcknowledgmentList } from "./acknowledgments.presenter.ts";
import { containsPattern } from "../members/members.repo.ts";
import { pageMemberAcknowledgments } from "./acknowledgments.repo.ts";
import {
  AcknowledgeBody,
  AcknowledgmentList,
  AcknowledgmentsQuery,
  AcknowledgmentView,
} from "./acknowledgments.schema.ts";
import { acknowledgePolicies, askedRoles } from "./acknowledgments.service.ts";

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
    summary:
      "A page of the members' acknowledgments of the current policies, filtered by status and name or email, with counts over everyone",
    tag: "acknowledgments",
    access: "acknowledgments:read",
    query: AcknowledgmentsQuery,
    cache: true,
    response: { status: 200, schema: AcknowledgmentList },
    async handler({ deps, auth }, { query }) {
      const organizationId = auth!.organizationId;
      const version = await findCurrentPolicyVersion(deps.db, organizationId);
      const page = await pageMemberAcknowledgments(deps.db, organizationId, {
        policyVersionId: version?.id ?? null,
        askedRoles,
        status: query.status,
        pattern: containsPattern(query.q),
        limit: query.limit,
        offset: query.offset,
      });
      return presentAcknowledgmentList(version, page, query);
    },
  }),
];
