/**
 * The one place where roles and store scope are enforced. Every route names a permission; `authorize` checks it
 * before the use case runs, and use cases filter rows by `storeScope(actor)`. The role → permission table itself is
 * in @kexin/contracts (permissions.ts), so the dashboard hides exactly what the server refuses.
 */
import { roleCan, type Permission } from "@kexin/contracts";
import { AppError } from "../app-error.ts";
import type { Actor } from "./actor.ts";

export { PERMISSIONS, type Permission } from "@kexin/contracts";

export function can(actor: Actor, permission: Permission): boolean {
  return roleCan(actor.role, permission);
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
