/** Evidence: upload files and links, attach them to records, download, and run retention. */
import { defineRoute, type RouteContext } from "../../server/route.ts";
import { signedIn } from "../identity/session-cookie.ts";
import { nextOffset } from "../../server/paging.ts";
import { attachEvidence, downloadEvidence, getEvidence, listEvidenceFor } from "./evidence-read.service.ts";
import {
  disposeEvidence,
  disposeExpiredEvidence,
  setLastEffectiveDate,
  setLegalHold,
} from "./evidence-retention.service.ts";
import { attachmentDisposition } from "./evidence.policy.ts";
import { presentEvidence } from "./evidence.presenter.ts";
import {
  AttachBody,
  DisposalView,
  EVIDENCE_MAX_BYTES,
  EvidenceList,
  EvidenceListQuery,
  EvidenceParams,
  EvidenceView,
  LastEffectiveDateBody,
  LegalHoldBody,
  LinkEvidenceBody,
  UploadFields,
} from "./evidence.schema.ts";
import { addLinkEvidence, uploadEvidence } from "./evidence.service.ts";

/** What every command needs from the request: the caller's organization, as actor and viewer. */
function caller({ deps, auth }: RouteContext) {
  const { userId, organizationId, roles } = signedIn(auth);
  return {
    db: deps.db,
    organizationId,
    actor: { type: "user" as const, id: userId },
    viewer: { userId, roles },
    now: deps.clock.now(),
  };
}

const subjectOf = (body: { subjectType?: string | undefined; subjectId?: string | undefined }) =>
  body.subjectType && body.subjectId
    ? { subjectType: body.subjectType, subjectId: body.subjectId }
    : undefined;

export const evidenceRoutes = [
  defineRoute({
    method: "POST",
    url: "/api/v1/evidence",
    summary:
      "Upload a file as evidence (multipart/form-data, at most 25 MB), optionally attached to a record",
    tag: "evidence",
    access: "evidence:upload",
    multipart: { fileField: "file", maxFileBytes: EVIDENCE_MAX_BYTES },
    body: UploadFields,
    response: { status: 201, schema: EvidenceView },
    async handler(ctx, { body }) {
      const { db, organizationId, actor, now } = caller(ctx);
      const item = await uploadEvidence({
        db,
        keys: ctx.deps.evidenceKeys,
        organizationId,
        actor,
        now,
        file: ctx.file!,
        title: body.title,
        effectiveDate: body.effectiveDate,
        subject: subjectOf(body),
      });
      return presentEvidence(item);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/evidence/links",
    summary: "Record evidence that lives elsewhere by its http(s) address",
    tag: "evidence",
    access: "evidence:upload",
    body: LinkEvidenceBody,
    response: { status: 201, schema: EvidenceView },
    async handler(ctx, { body }) {
      const { db, organizationId, actor, now } = caller(ctx);
      const { title, url, effectiveDate } = body;
      const subject = subjectOf(body);
      return presentEvidence(
        await addLinkEvidence({ db, organizationId, actor, now, title, url, effectiveDate, subject }),
      );
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/evidence",
    summary:
      "Evidence, optionally of one record, 100 items a page (without evidence:read, only the caller's own uploads)",
    tag: "evidence",
    access: "authenticated",
    query: EvidenceListQuery,
    response: { status: 200, schema: EvidenceList },
    async handler(ctx, { query }) {
      const page = await listEvidenceFor({ ...caller(ctx), filter: query });
      return {
        evidence: page.items.map(presentEvidence),
        total: page.total,
        nextOffset: nextOffset(query, page.total),
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/evidence/:evidenceId",
    summary: "One evidence item's record and links (not its contents)",
    tag: "evidence",
    access: "authenticated",
    params: EvidenceParams,
    response: { status: 200, schema: EvidenceView },
    handler: async (ctx, { params }) => presentEvidence(await getEvidence({ ...caller(ctx), ...params })),
  }),
  defineRoute({
    method: "GET",
    url: "/api/v1/evidence/:evidenceId/content",
    summary: "Download a file (recorded in the audit trail before it is sent)",
    tag: "evidence",
    access: "authenticated",
    params: EvidenceParams,
    response: { status: 200, schema: null, contentType: "application/octet-stream" },
    async handler(ctx, { params }) {
      const file = await downloadEvidence({ ...caller(ctx), ...params, keys: ctx.deps.evidenceKeys });
      // Always a download: uploaded content is never rendered by the browser on this origin.
      ctx.reply.header("content-disposition", attachmentDisposition(file.filename));
      ctx.reply.header("cache-control", "no-store");
      return file.data;
    },
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/evidence/:evidenceId/links",
    summary: "Attach evidence to a record",
    tag: "evidence",
    access: "evidence:upload",
    params: EvidenceParams,
    body: AttachBody,
    response: { status: 200, schema: EvidenceView },
    handler: async (ctx, { params, body }) =>
      presentEvidence(await attachEvidence({ ...caller(ctx), ...params, subject: body })),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/v1/evidence/:evidenceId/legal-hold",
    summary: "Place or release a legal hold (a held item is never disposed)",
    tag: "evidence",
    access: "evidence:manage",
    params: EvidenceParams,
    body: LegalHoldBody,
    response: { status: 200, schema: EvidenceView },
    handler: async (ctx, { params, body }) =>
      presentEvidence(await setLegalHold({ ...caller(ctx), ...params, ...body })),
  }),
  defineRoute({
    method: "PUT",
    url: "/api/v1/evidence/:evidenceId/last-effective-date",
    summary: "Set the last day the evidence was in effect; it is kept six years from that day",
    tag: "evidence",
    access: "evidence:manage",
    params: EvidenceParams,
    body: LastEffectiveDateBody,
    response: { status: 200, schema: EvidenceView },
    handler: async (ctx, { params, body }) =>
      presentEvidence(await setLastEffectiveDate({ ...caller(ctx), ...params, date: body.date })),
  }),
  defineRoute({
    method: "POST",
    url: "/api/v1/evidence/dispose",
    summary: "Dispose of every item whose retention ended and that is not on legal hold",
    tag: "evidence",
    access: "evidence:manage",
    response: { status: 200, schema: DisposalView },
    async handler(ctx) {
      return { disposed: (await disposeExpiredEvidence(caller(ctx))).map(presentEvidence) };
    },
  }),
  defineRoute({
    method: "DELETE",
    url: "/api/v1/evidence/:evidenceId",
    summary: "Dispose of one item (409 while on legal hold or before its retention ends)",
    tag: "evidence",
    access: "evidence:manage",
    params: EvidenceParams,
    response: { status: 200, schema: EvidenceView },
    handler: async (ctx, { params }) => presentEvidence(await disposeEvidence({ ...caller(ctx), ...params })),
  }),
];
