/**
 * The one place where roles and store scope are decided. Every route names a permission; `authorize` checks it
 * before the use case runs, and use cases filter rows by `storeScope(actor)`.
 *
 *   admin          everything in the organisation
 *   manager        every store, but no user administration
 *   store_manager  only their own stores' customers, data and staff
 *   agent          their own stores, no exports, no deletes, no imports
 */
import type { Role } from "@kexin/contracts";
import { AppError } from "../app-error.ts";
import type { Actor } from "./actor.ts";

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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everything = new Set<Permission>(PERMISSIONS);
const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: everything,
  manager: new Set(PERMISSIONS.filter((p) => p !== "user.admin" && p !== "audit.read")),
  store_manager: new Set(PERMISSIONS.filter((p) => p !== "user.admin" && p !== "audit.read" && p !== "customer.erase")),
  agent: new Set<Permission>(["dashboard.read", "customer.read", "customer.write", "user.read"]),
};

export function can(actor: Actor, permission: Permission): boolean {
  return GRANTS[actor.role].has(permission);
}

/** @throws AppError forbidden when the actor's role lacks the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError("auth.forbidden", "forbidden", `your role (${actor.role}) may not ${permission}`);
  }
}

/** The stores an actor may see, or null for every store of the organisation. */
export function storeScope(actor: Actor): string[] | null {
  return actor.role === "admin" || actor.role === "manager" ? null : actor.storeIds;
}

/**
 * Whether a row owned by `storeId` is within the actor's reach. Rows with no store belong to the organisation
 * and are visible only to organisation-wide roles.
 */
export function isInStoreScope(actor: Actor, storeId: string | null): boolean {
  const scope = storeScope(actor);
  return scope === null || (storeId !== null && scope.includes(storeId));
}

/** @throws AppError forbidden (reported as not found, so other stores' rows are not revealed). */
export function assertStoreScope(actor: Actor, storeId: string | null, what: string): void {
  if (!isInStoreScope(actor, storeId)) throw new AppError(`${what}.not_found`, "not_found", `${what} not found`);
}
