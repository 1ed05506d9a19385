/** Policy changes' SQL (the only place it is written). Every query is scoped to one organization. */
import type { Queryable, Transaction } from "../../db/index.ts";
import type { PersonRole } from "../../profile/primitives.ts";
import type { StoredPolicySet } from "../policies/policies.model.ts";
import type { ChangeRequest } from "./changes.schema.ts";

export type ChangeStatus = "proposed" | "published" | "rejected" | "withdrawn";

export interface ChangeRow {
  id: string;
  number: number;
  summary: string;
  status: ChangeStatus;
  effectiveDate: string;
  contentHash: string;
  proposedAt: Date;
  proposedBy: string;
  proposedByName: string | null;
  closedAt: Date | null;
  closedByName: string | null;
  reason: string | null;
  publishedVersion: number | null;
  publishedPolicyVersionId: string | null;
  request: ChangeRequest;
  baseProfileVersionId: string;
  basePolicyVersionId: string;
  /** people.policyApprovers of the profile the change was drafted on. */
  requiredRoles: PersonRole[];
  approvedCount: number;
}

const COLUMNS = `c.id, c.number, c.summary, c.status, c.effective_date AS "effectiveDate",
  c.content_hash AS "contentHash", c.proposed_at AS "proposedAt", c.proposed_by AS "proposedBy",
  pu.display_name AS "proposedByName", c.closed_at AS "closedAt", cu.display_name AS "closedByName",
  c.reason, v.version AS "publishedVersion", c.published_policy_version_id AS "publishedPolicyVersionId",
  c.request, c.base_profile_version_id AS "baseProfileVersionId",
  c.base_policy_version_id AS "basePolicyVersionId",
  COALESCE(bp.data->'people'->'policyApprovers', '[]'::jsonb) AS "requiredRoles",
  (SELECT count(*)::int FROM policy_change_approvals a
    WHERE a.organization_id = c.organization_id AND a.change_id = c.id) AS "approvedCount"`;
const FROM = `policy_changes c
  JOIN profile_versions bp ON bp.organization_id = c.organization_id AND bp.id = c.base_profile_version_id
  LEFT JOIN users pu ON pu.id = c.proposed_by
  LEFT JOIN users cu ON cu.id = c.closed_by
  LEFT JOIN policy_versions v ON v.organization_id = c.organization_id AND v.id = c.published_policy_version_id`;

export async function listChanges(q: Queryable, organizationId: string): Promise<ChangeRow[]> {
  const { rows } = await q.query<ChangeRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE c.organization_id = $1 ORDER BY c.number DESC`,
    [organizationId],
  );
  return rows;
}

/** One change; `lock` holds it (FOR UPDATE) until the transaction ends, so decisions queue. */
export async function findChange(
  q: Queryable,
  organizationId: string,
  changeId: string,
  lock = false,
): Promise<ChangeRow | null> {
  const { rows } = await q.query<ChangeRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE c.organization_id = $1 AND c.id = $2${lock ? " FOR UPDATE OF c" : ""}`,
    [organizationId, changeId],
  );
  return rows[0] ?? null;
}

/** The draft's documents: the proposed profile and its rendered set. */
export async function findChangeDocuments(
  q: Queryable,
  organizationId: string,
  changeId: string,
): Promise<{ profileData: Record<string, unknown>; rendered: StoredPolicySet } | null> {
  const { rows } = await q.query<{ profileData: Record<string, unknown>; rendered: StoredPolicySet }>(
    `SELECT profile_data AS "profileData", rendered FROM policy_changes WHERE organization_id = $1 AND id = $2`,
    [organizationId, changeId],
  );
  return rows[0] ?? null;
}

export interface NewChange {
  organizationId: string;
  summary: string;
  effectiveDate: string;
  request: ChangeRequest;
  baseProfileVersionId: string;
  basePolicyVersionId: string;
  baseContentHash: string;
  /** JSON text of the validated profile. */
  profileData: string;
  profileHash: string;
  /** JSON text of a StoredPolicySet. */
  rendered: string;
  contentHash: string;
  proposedBy: string;
  proposedAt: Date;
}

/** Stores a proposal with the next number. Call with the organization locked. */
export async function insertChange(tx: Transaction, c: NewChange): Promise<{ id: string; number: number }> {
  const { rows } = await tx.query<{ id: string; number: number }>(
    `INSERT INTO policy_changes (organization_id, number, summary, status, effective_date, request,
       base_profile_version_id, base_policy_version_id, base_content_hash, profile_data, profile_hash,
       rendered, content_hash, proposed_by, proposed_at)
     SELECT $1, COALESCE(max(number), 0) + 1, $2, 'proposed', $3, $4::jsonb, $5, $6, $7, $8::jsonb, $9,
            $10::jsonb, $11, $12, $13
       FROM policy_changes WHERE organization_id = $1
     RETURNING id, number`,
    [
      c.organizationId,
      c.summary,
      c.effectiveDate,
      JSON.stringify(c.request),
      c.baseProfileVersionId,
      c.basePolicyVersionId,
      c.baseContentHash,
      c.profileData,
      c.profileHash,
      c.rendered,
      c.contentHash,
      c.proposedBy,
      c.proposedAt,
    ],
  );
  return rows[0]!;
}

/** Ends a proposal; false when it was no longer open. */
export async function closeChange(
  tx: Transaction,
  organizationId: string,
  changeId: string,
  close: {
    status: Exclude<ChangeStatus, "proposed">;
    by: string;
    at: Date;
    reason?: string;
    policyVersionId?: string;
  },
): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE policy_changes SET status = $3, closed_by = $4, closed_at = $5, reason = $6,
            published_policy_version_id = $7
      WHERE organization_id = $1 AND id = $2 AND status = 'proposed' RETURNING id`,
    [
      organizationId,
      changeId,
      close.status,
      close.by,
      close.at,
      close.reason ?? null,
      close.policyVersionId ?? null,
    ],
  );
  return rows.length === 1;
}

export interface ApprovalRow {
  role: PersonRole;
  userId: string;
  displayName: string | null;
  approvedAt: Date;
}

export async function listApprovals(
  q: Queryable,
  organizationId: string,
  changeId: string,
): Promise<ApprovalRow[]> {
  const { rows } = await q.query<ApprovalRow>(
    `SELECT a.role, a.user_id AS "userId", u.display_name AS "displayName", a.approved_at AS "approvedAt"
       FROM policy_change_approvals a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.organization_id = $1 AND a.change_id = $2 ORDER BY a.approved_at, a.role`,
    [organizationId, changeId],
  );
  return rows;
}

/** Fills one slot; false when it was already filled. */
export async function insertApproval(
  tx: Transaction,
  a: {
    organizationId: string;
    changeId: string;
    role: PersonRole;
    userId: string;
    contentHash: string;
    at: Date;
  },
): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO policy_change_approvals (organization_id, change_id, role, user_id, content_hash, approved_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING role`,
    [a.organizationId, a.changeId, a.role, a.userId, a.contentHash, a.at],
  );
  return rows.length === 1;
}

export interface MemberContact {
  userId: string;
  displayName: string;
  email: string;
}

/** Members of the organization whose account email is one of `emails` (compared without case). */
export async function membersWithEmails(
  q: Queryable,
  organizationId: string,
  emails: readonly string[],
): Promise<MemberContact[]> {
  if (emails.length === 0) return [];
  const { rows } = await q.query<MemberContact>(
    `SELECT DISTINCT u.id AS "userId", u.display_name AS "displayName", lower(u.email) AS email
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.organization_id = $1 AND lower(u.email) IN (SELECT jsonb_array_elements_text($2::jsonb))
      ORDER BY 2`,
    [organizationId, JSON.stringify(emails.map((e) => e.toLowerCase()))],
  );
  return rows;
}
