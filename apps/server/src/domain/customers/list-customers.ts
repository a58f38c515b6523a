import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { CUSTOMER_LIST_COUNT_CAP, type CustomerList, type CustomerListQuery } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { toIso } from "./customer-record.ts";

type ListQuery = z.output<typeof CustomerListQuery>;

const SORT_COLUMNS = {
  name: "c.name",
  lastPurchaseAt: "c.last_purchase_at",
  totalSpent: "c.total_spent",
  purchaseCount: "c.purchase_count",
  createdAt: "c.created_at",
} as const;

/** `%` and `_` typed by a user are searched for literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * The conditions of a customer list, or null when the actor's stores and the asked-for store do not overlap.
 * Written so PostgreSQL can use the indexes of 0001 and 0003: (org_id, status, <sort column>), (org_id, home_store_id,
 * status, last_purchase_at), the trigram index on search_text, the name-gram index and the GIN index on tags.
 */
function listConditions(actor: Actor, input: ListQuery): RawBuilder<SqlBool> | null {
  const conditions: RawBuilder<unknown>[] = [sql`c.org_id = ${actor.orgId}`];
  const scope = storeScope(actor);
  let stores = scope;
  if (input.storeId) stores = scope && !scope.includes(input.storeId) ? [] : [input.storeId];
  if (stores && stores.length === 0) return null;
  // One store as an equality, so the (org_id, home_store_id, status, last_purchase_at) index also gives the order.
  if (stores?.length === 1) conditions.push(sql`c.home_store_id = ${stores[0]}`);
  else if (stores) conditions.push(sql`c.home_store_id = any(${stores}::uuid[])`);
  if (input.status !== "all") conditions.push(sql`c.status = ${input.status}`);
  if (input.q && [...input.q].length < 3) {
    // Trigrams cannot serve one or two characters (a surname, a two-character Chinese name): those search names
    // through the character and pair index of 0003; a name contains q exactly when it contains all of q's grams.
    conditions.push(sql`kexin_name_grams(lower(c.name)) @> kexin_name_grams(lower(${input.q}))`);
  } else if (input.q) {
    conditions.push(sql`c.search_text like '%' || lower(${escapeLike(input.q)}) || '%'`);
  }
  if (input.tag) conditions.push(sql`c.tags @> array[${input.tag}]::text[]`);
  if (input.activeWithinDays) {
    conditions.push(sql`c.last_purchase_at >= now() - ${input.activeWithinDays} * interval '1 day'`);
  }
  if (input.minTotalSpent !== undefined) conditions.push(sql`c.total_spent >= ${input.minTotalSpent}`);
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/**
 * One page of the customer archive, filtered, searched and sorted, with the total for paging. Store managers and
 * agents see only customers whose home store is one of theirs. Sorting puts customers without a value (never
 * bought) last in both directions; ties are broken by id so pages never overlap.
 * Cost: one indexed page query plus one count with the same conditions, capped at CUSTOMER_LIST_COUNT_CAP.
 */
export async function listCustomers({
  db,
  actor,
  input,
  countCap = CUSTOMER_LIST_COUNT_CAP,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: ListQuery;
  /** Count matches up to this many (tests lower it; the API always uses the contract's cap). */
  countCap?: number;
}): Promise<CustomerList> {
  const conditions = listConditions(actor, input);
  if (!conditions) return { items: [], total: 0, isTotalCapped: false };
  const direction = input.order === "asc" ? sql`asc` : sql`desc`;
  // Only last purchase can be empty. The other sort columns are NOT NULL and say nothing about nulls, or the
  // planner would not match them to their indexes.
  const nulls = input.sort === "lastPurchaseAt" ? sql`nulls last` : sql``;
  const sortColumn = sql.ref(SORT_COLUMNS[input.sort]);
  const pageQuery = db
    .selectFrom("customers as c")
    .leftJoin("stores as s", (join) => join.onRef("s.id", "=", "c.home_store_id").on("s.org_id", "=", actor.orgId))
    .select([
      "c.id",
      "c.code",
      "c.name",
      "c.phone",
      "c.email",
      "c.city",
      "c.home_store_id",
      "s.name as home_store_name",
      "c.tags",
      "c.status",
      "c.last_purchase_at",
      "c.purchase_count",
      "c.total_spent",
    ])
    .where(conditions)
    .orderBy(sql`${sortColumn} ${direction} ${nulls}`)
    .orderBy(sql`c.id ${direction}`)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  // Counting stops one past the cap: beyond it the exact number costs more than the page and helps nobody.
  const countQuery = db
    .selectFrom(
      db
        .selectFrom("customers as c")
        .select(sql`1`.as("one"))
        .where(conditions)
        .limit(countCap + 1)
        .as("matches"),
    )
    .select(sql<string>`count(*)`.as("total"));
  const [rows, count] = await Promise.all([pageQuery.execute(), countQuery.executeTakeFirstOrThrow()]);
  return {
    total: Math.min(Number(count.total), countCap),
    isTotalCapped: Number(count.total) > countCap,
    items: rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      phone: row.phone,
      email: row.email,
      city: row.city,
      homeStoreId: row.home_store_id,
      homeStoreName: row.home_store_name,
      tags: row.tags,
      status: row.status,
      lastPurchaseAt: toIso(row.last_purchase_at),
      purchaseCount: row.purchase_count,
      totalSpent: Number(row.total_spent),
    })),
  };
}
