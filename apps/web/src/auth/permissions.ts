/**
 * What each role may do, mirroring the server's authorize.ts. The server enforces it; the dashboard only uses it to
 * hide what a role cannot use, so a mismatch here shows a button that then answers "forbidden", never a leak.
 */
import type { Role } from "@kexin/contracts";

export type Permission =
  | "customer.export"
  | "customer.erase"
  | "customer.delete"
  | "data.import"
  | "user.admin"
  | "audit.read";

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>(["customer.export", "customer.erase", "customer.delete", "data.import", "user.admin", "audit.read"]),
  manager: new Set<Permission>(["customer.export", "customer.erase", "customer.delete", "data.import"]),
  store_manager: new Set<Permission>(["customer.export", "customer.delete", "data.import"]),
  agent: new Set<Permission>(),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
