/** Role choices for forms, in the server's order, each with what it lets the member do. */
import { roles, type Role } from "../../../src/auth/permissions.ts";
import type { Option } from "./fields.tsx";
import { roleLabel } from "./layout.tsx";

const what: Record<Role, string> = {
  owner: "everything, including organization settings",
  "security-officer": "runs the security program",
  "privacy-officer": "runs the privacy program",
  approver: "approves and publishes policy versions",
  hr: "invites, changes and removes members",
  "workforce-member": "reads and acknowledges the policies",
  auditor: "reads the profile, acknowledgments and audit log",
};

export const roleOptions: Option[] = roles.map((role) => ({
  value: role,
  label: `${roleLabel(role)}: ${what[role]}`,
}));

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);
