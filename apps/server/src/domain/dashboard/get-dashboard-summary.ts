import { sql, type Kysely } from "kysely";
import type { DashboardSummary } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";

/** Months are cut in the businesses' own time zone (Chinese businesses first) until organisations carry one. */
export const REPORTING_TIME_ZONE = "Asia/Shanghai";
const DAY = 86_400_000;

const money = (value: string | number | null | undefined) => Math.round(Number(value ?? 0) * 100) / 100;

/** The last 12 calendar months as yyyy-mm, oldest first, ending with the month `now` falls in. */
export function lastTwelveMonths(now: Date, timeZone = REPORTING_TIME_ZONE): string[] {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === "year")!.value);
  const month = Number(parts.find((p) => p.type === "month")!.value);
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (11 - index), 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/**
 * The home page's figures: customers in the archive, active customers (a purchase in the last 90 days), purchases
 * and revenue of the last 365 days, a 12-month series (purchases, revenue, customers whose first purchase fell in
 * the month) and a per-store split. Store managers and agents see their stores only: customers by home store,
 * purchases and revenue by the store where they happened.
 */
export async function getDashboardSummary({
  db,
  actor,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  now?: Date;
}): Promise<DashboardSummary> {
  const scope = storeScope(actor);
  const months = lastTwelveMonths(now);
  if (scope && scope.length === 0) {
    const monthly = months.map((month) => ({ month, purchases: 0, revenue: 0, newCustomers: 0 }));
    return { customers: 0, activeCustomers: 0, purchasesLast365Days: 0, revenueLast365Days: 0, monthly, byStore: [] };
  }
  const customerScope = scope ? sql`and home_store_id = any(${scope}::uuid[])` : sql``;
  const purchaseScope = scope ? sql`and store_id = any(${scope}::uuid[])` : sql``;
  const activeSince = new Date(now.getTime() - 90 * DAY);
  const yearAgo = new Date(now.getTime() - 365 * DAY);
  const month = (column: string) => sql`to_char(${sql.ref(column)} at time zone ${REPORTING_TIME_ZONE}, 'YYYY-MM')`;
  // The first instant of the oldest month shown, in the reporting time zone.
  const seriesStart = sql`(${`${months[0]}-01`}::timestamp at time zone ${REPORTING_TIME_ZONE})`;

  const [customers, purchases, monthlyPurchases, monthlyNew, stores, storeCustomers, storeRevenue] = await Promise.all([
    sql<{ total: string; active: string }>`
      select count(*) as total, count(*) filter (where last_purchase_at >= ${activeSince}) as active
      from customers where org_id = ${actor.orgId} and status = 'active' ${customerScope}`.execute(db),
    sql<{ n: string; revenue: string | null }>`
      select count(*) as n, sum(amount) as revenue from transactions
      where org_id = ${actor.orgId} and occurred_at >= ${yearAgo} and occurred_at <= ${now} ${purchaseScope}`.execute(db),
    sql<{ month: string; n: string; revenue: string }>`
      select ${month("occurred_at")} as month, count(*) as n, sum(amount) as revenue from transactions
      where org_id = ${actor.orgId} and occurred_at >= ${seriesStart} and occurred_at <= ${now} ${purchaseScope}
      group by 1`.execute(db),
    sql<{ month: string; n: string }>`
      select ${month("first_purchase_at")} as month, count(*) as n from customers
      where org_id = ${actor.orgId} and first_purchase_at >= ${seriesStart} and first_purchase_at <= ${now} ${customerScope}
      group by 1`.execute(db),
    sql<{ id: string; name: string }>`
      select id, name from stores where org_id = ${actor.orgId} ${scope ? sql`and id = any(${scope}::uuid[])` : sql``}
      order by code`.execute(db),
    sql<{ store_id: string; n: string }>`
      select home_store_id as store_id, count(*) as n from customers
      where org_id = ${actor.orgId} and status = 'active' and home_store_id is not null ${customerScope}
      group by 1`.execute(db),
    sql<{ store_id: string; revenue: string }>`
      select store_id, sum(amount) as revenue from transactions
      where org_id = ${actor.orgId} and occurred_at >= ${yearAgo} and occurred_at <= ${now} and store_id is not null
      ${purchaseScope}
      group by 1`.execute(db),
  ]);

  const purchasesByMonth = new Map(monthlyPurchases.rows.map((row) => [row.month, row]));
  const newByMonth = new Map(monthlyNew.rows.map((row) => [row.month, Number(row.n)]));
  const customersByStore = new Map(storeCustomers.rows.map((row) => [row.store_id, Number(row.n)]));
  const revenueByStore = new Map(storeRevenue.rows.map((row) => [row.store_id, money(row.revenue)]));
  return {
    customers: Number(customers.rows[0].total),
    activeCustomers: Number(customers.rows[0].active),
    purchasesLast365Days: Number(purchases.rows[0].n),
    revenueLast365Days: money(purchases.rows[0].revenue),
    monthly: months.map((key) => ({
      month: key,
      purchases: Number(purchasesByMonth.get(key)?.n ?? 0),
      revenue: money(purchasesByMonth.get(key)?.revenue),
      newCustomers: newByMonth.get(key) ?? 0,
    })),
    byStore: stores.rows.map((store) => ({
      storeId: store.id,
      storeName: store.name,
      customers: customersByStore.get(store.id) ?? 0,
      revenue: revenueByStore.get(store.id) ?? 0,
    })),
  };
}
