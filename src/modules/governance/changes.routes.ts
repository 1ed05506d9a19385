/** Proposals to change the published policies: propose, read with the diff, approve, reject, withdraw, publish. */
import { defineRoute } from "../../server/route.ts";
import { readChange } from "./change-view.service.ts";
import { presentChangeSummary } from "./changes.presenter.ts";
import { listChanges } from "./changes.repo.ts";
import {
  ApproveBody,
  ChangeDetail,
  ChangeId,
  ChangeList,
  ChangeSummary,
  ProposeBody,
  PublishChangeResult,
  RejectBody,
} from "./changes.schema.ts";
import { approveChange, rejectChange, withdrawChange } from "./decide.service.ts";
import { proposeChange } from "./propose.service.ts";
import { publishChange } from "./publish-change.service.ts";

export const changeRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/changes",
    summary: "Every proposed change to the policies, newest first",
    tag: "changes",
    access: "profile:read",
    response: { status: 200, schema: ChangeList },
    async handler({ deps, auth }) {
      return { changes: (await listChanges(deps.db, auth!.organizationId)).map(presentChangeSummary) };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/changes",
    summary:
      "Propose a change: profile values and/or section texts, with an effective date (400 names each problem)",
    tag: "changes",
    access: "changes:propose",
    body: ProposeBody,
    response: { status: 201, schema: ChangeSummary },
    async handler({ deps, auth }, { body }) {
      const change = await proposeChange({
        db: deps.db,
        organizationId: auth!.organizationId,
        actor: { type: "user", id: auth!.userId },
        body,
        now: deps.clock.now(),
      });
      return presentChangeSummary(change);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/changes/:changeId",
    summary: "One change with its diff, its approval slots and what the caller may do",
    tag: "changes",
    access: "profile:read",
    params: ChangeId,
    response: { status: 200, schema: ChangeDetail },
    handler: ({ deps, auth }, { params }) => readChange(deps.db, auth!, params.changeId),
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/changes/:changeId/approve",
    summary: "Approve the slots the caller holds, bound to the draft's contentHash (403 when they hold none)",
    tag: "changes",
    access: "changes:approve",
    params: ChangeId,
    body: ApproveBody,
    response: { status: 200, schema: ChangeDetail },
    async handler({ deps, auth }, { params, body }) {
      const options = { db: deps.db, organizationId: auth!.organizationId, changeId: params.changeId };
      await approveChange({
        ...options,
        actor: { type: "user", id: auth!.userId },
        contentHash: body.contentHash,
        now: deps.clock.now(),
      });
      return readChange(deps.db, auth!, params.changeId);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/changes/:changeId/reject",
    summary: "Reject the change with a reason (approvers of the change only)",
    tag: "changes",
    access: "changes:approve",
    params: ChangeId,
    body: RejectBody,
    response: { status: 200, schema: ChangeDetail },
    async handler({ deps, auth }, { params, body }) {
      const options = { db: deps.db, organizationId: auth!.organizationId, changeId: params.changeId };
      await rejectChange({
        ...options,
        actor: { type: "user", id: auth!.userId },
        reason: body.reason,
        now: deps.clock.now(),
      });
      return readChange(deps.db, auth!, params.changeId);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/changes/:changeId/withdraw",
    summary: "Withdraw the change (its proposer only)",
    tag: "changes",
    access: "changes:propose",
    params: ChangeId,
    response: { status: 200, schema: ChangeDetail },
    async handler({ deps, auth }, { params }) {
      const options = { db: deps.db, organizationId: auth!.organizationId, changeId: params.changeId };
      await withdrawChange({ ...options, actor: { type: "user", id: auth!.userId }, now: deps.clock.now() });
      return readChange(deps.db, auth!, params.changeId);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/changes/:changeId/publish",
    summary:
      "Publish an approved change as the current policy version and ask every member to acknowledge it",
    tag: "changes",
    access: "policies:publish",
    params: ChangeId,
    response: { status: 200, schema: PublishChangeResult },
    async handler({ deps, auth }, { params }) {
      const published = await publishChange({
        deps,
        organizationId: auth!.organizationId,
        changeId: params.changeId,
        actor: { type: "user", id: auth!.userId },
        now: deps.clock.now(),
      });
      deps.outbox?.kick();
      return {
        change: presentChangeSummary(published.change),
        version: published.version.version,
        contentHash: published.version.contentHash,
        effectiveDate: published.version.effectiveDate,
        emails: published.emails,
      };
    },
  }),
];
