/**
 * Test helpers for the governance flow (not a test file): the example profile with the test
 * members as its officers and approvers, the first version published directly, and a change
 * proposed, approved by both officers and published through the API.
 */
import assert from "node:assert/strict";
import { brightpathBody } from "../../../test/support/org-data.ts";
import type { TestServer } from "../../../test/support/server.ts";

export type ProfileBody = ReturnType<typeof brightpathBody>;

/**
 * brightpath-saas with the Security Officer, Privacy Officer, engineering lead and executive
 * being the test server's security officer, privacy officer, approver and owner; both officers
 * approve policy changes; in effect since 2026-03-01 (the test clock starts 2026-03-02).
 */
export function governedProfile(server: TestServer): ProfileBody {
  const body = brightpathBody();
  const email = (role: keyof TestServer["members"]) => server.members[role].email;
  const people = body.people as Record<string, Record<string, unknown>>;
  people.securityOfficer = { ...people.securityOfficer, email: email("security-officer") };
  people.privacyOfficer = { ...people.privacyOfficer, name: "Sam Ortiz", email: email("privacy-officer") };
  people.engineeringLead = { ...people.engineeringLead, email: email("approver") };
  people.executive = { ...people.executive, email: email("owner") };
  (body.people as Record<string, unknown>).policyApprovers = ["securityOfficer", "privacyOfficer"];
  body.governance.effectiveDate = "2026-03-01";
  return body;
}

/** Saves the profile and publishes the first version directly, as an organization starting out. */
export async function publishFirstVersion(
  server: TestServer,
  body = governedProfile(server),
): Promise<string> {
  const owner = await server.as("owner");
  const saved = await owner.put("/api/v1/profile", body);
  assert.equal(saved.statusCode, 200, saved.body);
  const published = await owner.post("/api/v1/policies/publish");
  assert.equal(published.statusCode, 200, published.body);
  return published.json<{ contentHash: string }>().contentHash;
}

export interface ProposalInput {
  summary?: string;
  effectiveDate: string;
  profileChanges?: { path: string; value: unknown }[];
  sectionChanges?: { policyId: string; sectionId: string; markdown: string | null }[];
}

/** Proposes as the security officer; returns the change's id and draft hash. */
export async function propose(
  server: TestServer,
  input: ProposalInput,
): Promise<{ id: string; contentHash: string }> {
  const response = await (
    await server.as("security-officer")
  ).post("/api/v1/changes", {
    summary: "A change",
    ...input,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ id: string; contentHash: string }>();
}

/** Proposes, has both officers approve and the owner publish; returns the new version's hash. */
export async function publishThroughChange(server: TestServer, input: ProposalInput): Promise<string> {
  const change = await propose(server, input);
  for (const role of ["security-officer", "privacy-officer"] as const) {
    const approved = await (
      await server.as(role)
    ).post(`/api/v1/changes/${change.id}/approve`, {
      contentHash: change.contentHash,
    });
    assert.equal(approved.statusCode, 200, approved.body);
  }
  const published = await (await server.as("owner")).post(`/api/v1/changes/${change.id}/publish`);
  assert.equal(published.statusCode, 200, published.body);
  return published.json<{ contentHash: string }>().contentHash;
}
