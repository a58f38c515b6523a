/**
 * How a customer is read: one query shape (with home store and account manager names) and one presenter, shared by
 * every customer use case so the API's Customer is built in a single place.
 */
import type { Kysely } from "kysely";
import type { Customer } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { assertStoreScope } from "../auth/authorize.ts";

/** A timestamp as ISO 8601 text, or null. Both drivers return Date; text is accepted for safety. */
export const toIso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function selectCustomers(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom("customers as c")
    .leftJoin("stores as s", (join) => join.onRef("s.id", "=", "c.home_store_id").on("s.org_id", "=", orgId))
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "c.account_manager_id").on("u.org_id", "=", orgId))
    .selectAll("c")
    .select(["s.name as home_store_name", "u.name as account_manager_name"])
    .where("c.org_id", "=", orgId);
}

export type CustomerRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectCustomers>["executeTakeFirst"]>>>;

/**
 * The customer with this id, if it is in the actor's organisation and store scope.
 * @throws AppError customer.not_found otherwise — also for other stores' customers, so they are not revealed.
 */
export async function findCustomer(db: Kysely<DB>, actor: Actor, id: string): Promise<CustomerRow> {
  const row = await selectCustomers(db, actor.orgId).where("c.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("customer");
  assertStoreScope(actor, row.home_store_id, "customer");
  return row;
}

export function presentCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    gender: row.gender,
    birthday: row.birthday,
    phone: row.phone,
    email: row.email,
    wechat: row.wechat,
    city: row.city,
    company: row.company,
    homeStoreId: row.home_store_id,
    homeStoreName: row.home_store_name,
    accountManagerId: row.account_manager_id,
    accountManagerName: row.account_manager_name,
    preferences: row.preferences,
    needs: row.needs,
    personalNote: row.personal_note,
    tags: row.tags,
    attributes: row.attributes,
    consent: row.consent,
    status: row.status,
    isErased: row.erased_at !== null,
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
    firstPurchaseAt: toIso(row.first_purchase_at),
    lastPurchaseAt: toIso(row.last_purchase_at),
    purchaseCount: row.purchase_count,
    totalSpent: Number(row.total_spent),
  };
}
