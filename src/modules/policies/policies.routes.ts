/** The organization's policies: publish from the profile, read the current set, one policy, versions. */
import { notFound } from "../../server/errors.ts";
import { defineRoute } from "../../server/route.ts";
import { presentPolicy, presentVersionFields } from "./policies.presenter.ts";
import {
  findCurrentPoliciesForReader,
  findCurrentPolicy,
  findCurrentPolicyVersion,
  listPolicyVersions,
  organizationTimeZone,
  versionInEffect,
} from "./policies.repo.ts";
import {
  PolicyDetail,
  PolicyId,
  PolicyList,
  PolicyVersionList,
  PublishResult,
  VersionsQuery,
} from "./policies.schema.ts";
import { publishPolicies } from "./policies.service.ts";

const snapshot = { readOnly: true, isolation: "repeatable read" } as const;

const noVersion = {
  version: null,
  contentHash: null,
  publishedAt: null,
  publishedBy: null,
  publishedByName: null,
  profileVersion: null,
  documentVersion: null,
  effectiveDate: null,
};

export const policyRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/v1/policies/publish",
    summary: "Build the policies from the current profile and publish them as the current version",
    tag: "policies",
    access: "policies:publish",
    response: { status: 200, schema: PublishResult },
    async handler({ deps, auth }) {
      const published = await publishPolicies({
        db: deps.db,
        organizationId: auth!.organizationId,
        actor: { type: "user", id: auth!.userId },
        now: deps.clock.now(),
      });
      return {
        ...presentVersionFields(published.version),
        created: published.created,
        counts: published.counts,
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/policies",
    summary: "The current policies, and whether the caller acknowledged them",
    tag: "policies",
    access: "policies:read",
    cache: true,
    response: { status: 200, schema: PolicyList },
    async handler({ deps, auth }) {
      const current = await findCurrentPoliciesForReader(deps.db, auth!.organizationId, auth!.userId);
      if (!current) return { ...noVersion, acknowledged: false, acknowledgedAt: null, policies: [] };
      return {
        ...presentVersionFields(current.version),
        acknowledged: current.acknowledgedAt !== null,
        acknowledgedAt: current.acknowledgedAt?.toISOString() ?? null,
        policies: current.policies,
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/policies/versions",
    summary: "Every published version, newest first, and the one in effect on a date",
    tag: "policies",
    access: "policies:read",
    query: VersionsQuery,
    response: { status: 200, schema: PolicyVersionList },
    async handler({ deps, auth }, { query }) {
      const organizationId = auth!.organizationId;
      const rows = await listPolicyVersions(deps.db, organizationId);
      const versions = rows.map((row) => ({
        ...presentVersionFields(row),
        isCurrent: row.isCurrent,
        counts: row.counts,
      }));
      if (query.date === undefined) return { versions, inEffect: null };
      const timeZone = await organizationTimeZone(deps.db, organizationId);
      const version = await versionInEffect(deps.db, organizationId, query.date, timeZone);
      return { versions, inEffect: { date: query.date, timeZone, version } };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/policies/:policyId",
    summary: "One policy of the current version, its text as HTML",
    tag: "policies",
    access: "policies:read",
    params: PolicyId,
    response: { status: 200, schema: PolicyDetail },
    async handler({ deps, auth }, { params }) {
      const organizationId = auth!.organizationId;
      const found = await deps.db.transaction(async (tx) => {
        const version = await findCurrentPolicyVersion(tx, organizationId);
        const policy = version && (await findCurrentPolicy(tx, organizationId, params.policyId));
        return version && policy ? { version, policy } : null;
      }, snapshot);
      if (!found) throw notFound("policy");
      return presentPolicy(found.version, found.policy);
    },
  }),
];
