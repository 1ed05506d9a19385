/**
 * The policies in effect on a past (or future) date: the version whose effective date is the
 * latest on or before it. Before the first version took effect the list is empty, and one policy
 * answers 404, like a policy the version does not have.
 */
import { notFound } from "../../server/errors.ts";
import { defineRoute } from "../../server/route.ts";
import { presentPolicy, presentVersionFields } from "../policies/policies.presenter.ts";
import { findPolicyOf, listPolicySummariesOf, policyVersionEffectiveOn } from "../policies/policies.repo.ts";
import { PolicyDetail, PolicyId } from "../policies/policies.schema.ts";
import { AsOfList, AsOfQuery } from "./as-of.schema.ts";

const snapshot = { readOnly: true, isolation: "repeatable read" } as const;

export const asOfRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/policies/as-of",
    summary: "The policy version in effect on a date, with its policies",
    tag: "policies",
    access: "policies:read",
    query: AsOfQuery,
    response: { status: 200, schema: AsOfList },
    async handler({ deps, auth }, { query }) {
      const organizationId = auth!.organizationId;
      return deps.db.transaction(async (tx) => {
        const version = await policyVersionEffectiveOn(tx, organizationId, query.date);
        if (!version) return { date: query.date, version: null, policies: [] };
        const policies = await listPolicySummariesOf(tx, organizationId, version.id);
        return { date: query.date, version: presentVersionFields(version), policies };
      }, snapshot);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/policies/as-of/:policyId",
    summary: "One policy as it read on a date, its text as HTML",
    tag: "policies",
    access: "policies:read",
    params: PolicyId,
    query: AsOfQuery,
    response: { status: 200, schema: PolicyDetail },
    async handler({ deps, auth }, { params, query }) {
      const organizationId = auth!.organizationId;
      const found = await deps.db.transaction(async (tx) => {
        const version = await policyVersionEffectiveOn(tx, organizationId, query.date);
        const policy = version && (await findPolicyOf(tx, organizationId, version.id, params.policyId));
        return version && policy ? { version, policy } : null;
      }, snapshot);
      if (!found) throw notFound("policy");
      return presentPolicy(found.version, found.policy);
    },
  }),
];
