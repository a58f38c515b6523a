/**
 * Which customers an actor sees in value lists: organisation-wide roles all of them, store-bound staff those whose
 * home store is one of theirs (like the customer archive). An optional store narrows it further.
 */
import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";

/** Conditions on a customers row aliased `c`, or null when the actor's stores and the asked-for store do not overlap. */
export function customerScopeSql(actor: Actor, storeId?: string): RawBuilder<SqlBool> | null {
  const scope = storeScope(actor);
  let stores = scope;
  if (storeId) stores = scope && !scope.includes(storeId) ? [] : [storeId];
  if (stores && stores.length === 0) return null;
  if (!stores) return sql<SqlBool>`c.org_id = ${actor.orgId}`;
  return sql<SqlBool>`c.org_id = ${actor.orgId} and c.home_store_id = any(${stores}::uuid[])`;
}

export const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));
export const toIsoOrNull = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
