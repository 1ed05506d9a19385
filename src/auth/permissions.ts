/**
 * Who may do what: one flat role x `resource:action` table, the single source of authorization.
 * Routes call `authorize` once; the UI receives `abilities` and hides what the user cannot do.
 */
export const roles = [
  "owner",
  "security-officer",
  "privacy-officer",
  "approver",
  "hr",
  "workforce-member",
  "auditor",
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "organization:read",
  "organization:update",
  "members:read",
  "members:invite",
  "members:update",
  "members:remove",
  "profile:read",
  "profile:update",
  "policies:read",
  "policies:publish",
  "acknowledgments:create",
  "acknowledgments:read",
  "audit:read",
  "audit:export",
  "evidence:upload",
  "evidence:read",
  "evidence:manage",
  "obligations:read",
  "obligations:manage",
  "workforce:read",
  "workforce:manage",
  "access:decide",
  "sanctions:manage",
  "changes:propose",
  "changes:approve",
] as const;
export type Permission = (typeof permissions)[number];

const everything = permissions;
const officer: readonly Permission[] = permissions.filter((p) => p !== "organization:update");

/** The matrix. Every member can read the organization and the current policies and acknowledge them. */
const grants: Record<Role, readonly Permission[]> = {
  owner: everything,
  "security-officer": officer,
  "privacy-officer": officer,
  approver: [
    "organization:read",
    "members:read",
    "profile:read",
    "policies:read",
    "policies:publish",
    "acknowledgments:create",
    "evidence:upload",
    "evidence:read",
    "obligations:read",
    "changes:approve",
  ],
  hr: [
    "organization:read",
    "members:read",
    "members:invite",
    "members:update",
    "members:remove",
    "policies:read",
    "acknowledgments:create",
    "acknowledgments:read",
    "evidence:upload",
    "evidence:read",
    "obligations:read",
    "workforce:read",
    "workforce:manage",
    "sanctions:manage",
  ],
  "workforce-member": ["organization:read", "policies:read", "acknowledgments:create", "evidence:upload"],
  auditor: [
    "organization:read",
    "members:read",
    "profile:read",
    "policies:read",
    "acknowledgments:read",
    "audit:read",
    "audit:export",
    "evidence:read",
    "obligations:read",
    "workforce:read",
  ],
};

/** Roles that must use a second factor before any other action (DESIGN.md: MFA required for officers). */
export const mfaRequiredRoles: readonly Role[] = ["owner", "security-officer", "privacy-officer"];

export function can(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => grants[role].includes(permission));
}

/** Every permission the roles grant, for the UI. */
export function abilities(userRoles: readonly Role[]): Permission[] {
  return permissions.filter((p) => can(userRoles, p));
}
