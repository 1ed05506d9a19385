/**
 * Shared steps of the workforce tests: the BrightPath example published with an effective date
 * before the test clock (2026-03-02T09:00Z, 01:00 in Los Angeles), and people and grants made
 * through the API as a user would make them.
 */
import assert from "node:assert/strict";
import type { Role } from "../../auth/permissions.ts";
import { brightpathBody } from "../../../test/support/org-data.ts";
import type { TestServer } from "../../../test/support/server.ts";

export async function publishBrightpath(server: TestServer): Promise<void> {
  const owner = await server.as("owner");
  const body = brightpathBody();
  body.governance.effectiveDate = "2026-01-01";
  const saved = await owner.put("/api/v1/profile", body);
  assert.equal(saved.statusCode, 200, saved.body);
  const published = await owner.post("/api/v1/policies/publish");
  assert.equal(published.statusCode, 200, published.body);
}

export interface Hired {
  id: string;
  userId: string | null;
}

export async function hire(
  server: TestServer,
  fields: { fullName?: string; email: string; startDate?: string; supervisorId?: string | null },
): Promise<Hired> {
  const hr = await server.as("hr");
  const response = await hr.post("/api/v1/people", {
    fullName: fields.fullName ?? "Test Person",
    email: fields.email,
    kind: "employee",
    jobTitle: "Engineer",
    supervisorId: fields.supervisorId ?? null,
    startDate: fields.startDate ?? "2026-03-02",
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<Hired>();
}

/** A person on the roster linked to the member holding `role`. */
export const hireMember = (server: TestServer, role: Role) =>
  hire(server, { fullName: `Member ${role}`, email: server.members[role].email });

/** Request (by `requester`), approve (by `approver`) and grant (by `approver`) one access. */
export async function grantFor(
  server: TestServer,
  personId: string,
  options: { system?: string; temporaryUntil?: string | null; requester?: Role; approver?: Role } = {},
): Promise<{ requestId: string; grantId: string }> {
  const requester = await server.as(options.requester ?? "hr");
  const approver = await server.as(options.approver ?? "privacy-officer");
  const requested = await requester.post("/api/v1/access/requests", {
    personId,
    system: options.system ?? "Production database",
    level: "read-only",
    justification: "On-call support",
    temporaryUntil: options.temporaryUntil ?? null,
  });
  assert.equal(requested.statusCode, 201, requested.body);
  const requestId = requested.json<{ id: string }>().id;
  const approved = await approver.post(`/api/v1/access/requests/${requestId}/approve`, {});
  assert.equal(approved.statusCode, 200, approved.body);
  const granted = await approver.post(`/api/v1/access/requests/${requestId}/grant`, {
    verificationMethod: "video-call-with-id",
  });
  assert.equal(granted.statusCode, 201, granted.body);
  return { requestId, grantId: granted.json<{ id: string }>().id };
}
