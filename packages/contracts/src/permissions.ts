/**
 * Which role may do what: one table that the server enforces (apps/server/src/domain/auth/authorize.ts) and the
 * dashboard reads to hide what a role cannot use.
 *
 *   admin          everything in the organisation
 *   manager        every store, but no user administration
 *   store_manager  only their own stores' customers, data and staff
 *   agent          their own stores, no exports, no deletes, no imports; reads surveys and reports, works the
 *                  feedback inbox and tasks, but neither builds nor sends surveys
 */
import type { Role } from "./auth.ts";

export const PERMISSIONS = [
  "dashboard.read",
  "customer.read",
  "customer.write",
  "customer.delete",
  "customer.export",
  "customer.erase",
  "data.import",
  "user.read",
  "user.admin",
  "audit.read",
  "survey.read",
  "survey.write",
  "survey.distribute",
  "report.read",
  "feedback.read",
  "feedback.write",
  "task.read",
  "task.write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everything = new Set<Permission>(PERMISSIONS);
export const GRANTS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: everything,
  manager: new Set(PERMISSIONS.filter((p) => p !== "user.admin" && p !== "audit.read")),
  store_manager: new Set(PERMISSIONS.filter((p) => p !== "user.admin" && p !== "audit.read" && p !== "customer.erase")),
  agent: new Set<Permission>([
    "dashboard.read",
    "customer.read",
    "customer.write",
    "user.read",
    "survey.read",
    "report.read",
    "feedback.read",
    "feedback.write",
    "task.read",
    "task.write",
  ]),
};

/** Whether a role holds a permission. */
export function roleCan(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
