/** Access review campaigns: start, decide each item, close. */
import { notFound } from "../../server/errors.ts";
import { defineRoute, type RouteContext } from "../../server/route.ts";
import { presentReview, presentReviewItem } from "./access.presenter.ts";
import {
  CloseReviewBody,
  ItemDecisionBody,
  ReviewDetail,
  ReviewItemParams,
  ReviewList,
  ReviewParams,
} from "./access.schema.ts";
import { callerOf } from "./route-helpers.ts";
import { findReview, listItems, listReviews } from "./reviews.repo.ts";
import { closeAccessReview, decideReviewItem, startAccessReview } from "./reviews.service.ts";

const base = (ctx: RouteContext) => ({
  db: ctx.deps.db,
  organizationId: ctx.auth!.organizationId,
  caller: callerOf(ctx),
  now: ctx.deps.clock.now(),
});

async function detail(ctx: RouteContext, reviewId: string) {
  const organizationId = ctx.auth!.organizationId;
  const review = await findReview(ctx.deps.db, organizationId, reviewId);
  if (!review) throw notFound("access review");
  const items = await listItems(ctx.deps.db, organizationId, review.id);
  return { ...presentReview(review), items: items.map(presentReviewItem) };
}

export const reviewRoutes = [
  defineRoute({
    method: "GET",
    url: "/api/v1/access/reviews",
    summary: "Access review campaigns, newest first, with their counts",
    tag: "access",
    access: "workforce:read",
    response: { status: 200, schema: ReviewList },
    async handler(ctx) {
      return { reviews: (await listReviews(ctx.deps.db, ctx.auth!.organizationId)).map(presentReview) };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/access/reviews",
    summary: "Start a review campaign: every active grant becomes an item (one campaign open at a time)",
    tag: "access",
    access: "access:decide",
    response: { status: 201, schema: ReviewDetail },
    async handler(ctx) {
      return detail(ctx, await startAccessReview(base(ctx)));
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/access/reviews/:reviewId",
    summary: "One campaign with every item and its decision",
    tag: "access",
    access: "workforce:read",
    params: ReviewParams,
    response: { status: 200, schema: ReviewDetail },
    async handler(ctx, { params }) {
      return detail(ctx, params.reviewId);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/access/reviews/:reviewId/items/:itemId",
    summary: "Keep or revoke one item (nobody may review their own access); revoke revokes the grant",
    tag: "access",
    access: "access:decide",
    params: ReviewItemParams,
    body: ItemDecisionBody,
    response: { status: 200, schema: ReviewDetail },
    async handler(ctx, { params, body }) {
      await decideReviewItem({ ...base(ctx), ...params, decision: body.decision });
      return detail(ctx, params.reviewId);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/access/reviews/:reviewId/close",
    summary: "Close a campaign whose items are all settled, naming the access-review occurrence it answers",
    tag: "access",
    access: "access:decide",
    params: ReviewParams,
    body: CloseReviewBody,
    response: { status: 200, schema: ReviewDetail },
    async handler(ctx, { params, body }) {
      await closeAccessReview({ ...base(ctx), reviewId: params.reviewId, occurrenceId: body.occurrenceId });
      return detail(ctx, params.reviewId);
    },
  }),
];
