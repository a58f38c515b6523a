/**
 * One scan of an organisation's transactions, aggregated per customer in SQL (purchases per day first, because the
 * buy-till-you-die models count one transaction per day), and the interactions of the last year for cost-to-serve.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { PurchaseAggregates } from "./compute-value-figures.ts";
import { inTransaction } from "./in-transaction.ts";

/** Purchase days are counted in the business's time zone, like the daily jobs and reports. */
export const VALUE_TIME_ZONE = "Asia/Shanghai";
/**
 * Its offset from UTC: China has kept UTC+8 without daylight saving since 1991, so the day of a purchase is plain
 * arithmetic on the epoch — a time-zone conversion for each of millions of rows costs more than the rest of the scan.
 */
const VALUE_UTC_OFFSET_SECONDS = 8 * 3600;

interface AggregateRow {
  customer_id: string;
  orders: string | number;
  purchase_days: string | number;
  first_day: number;
  last_day: number;
  revenue: number;
  first_day_revenue: number;
  annual_spend: number | null;
  gross_profit: number | null;
}

/** The day number (days since 1970-01-01) of a moment in the business's time zone, as the aggregation counts it. */
export function dayNumberOf(at: Date): number {
  return Math.floor((Math.floor(at.getTime() / 1000) + VALUE_UTC_OFFSET_SECONDS) / 86400);
}

/**
 * Per customer with purchases up to `now`: orders, purchase days, first and last day, revenue, first-day revenue,
 * revenue of the last 365 days and gross profit over purchases with a known cost.
 * Cost: one scan of the organisation's transactions (org_id index), two hash aggregations.
 */
export async function loadPurchaseAggregates(
  db: Kysely<DB>,
  orgId: string,
  now: Date,
  analysisDay: number,
): Promise<PurchaseAggregates & { transactions: number }> {
  // Sums in float8, not numeric: numeric addition costs several times more per row, and the figures are rounded to
  // cents when written. The hash tables of 2,000,000 customer-days do not fit the default work_mem: without more,
  // they spill to disk in hundreds of batches.
  const rows = await inTransaction(db, async (trx) => {
    await sql`set local work_mem = '256MB'`.execute(trx);
    const result = await sql<AggregateRow>`
      with days as (
        select t.customer_id,
               ((extract(epoch from t.occurred_at)::bigint + ${VALUE_UTC_OFFSET_SECONDS}) / 86400)::int as day,
               count(*)::int as orders,
               sum(t.amount::float8) as amount,
               sum((t.amount - t.cost)::float8) as profit
        from transactions t
        where t.org_id = ${orgId} and t.occurred_at <= ${now.toISOString()}::timestamptz
        group by 1, 2
      )
      select customer_id,
             sum(orders) as orders,
             count(*) as purchase_days,
             min(day) as first_day,
             max(day) as last_day,
             sum(amount) as revenue,
             (min(array[day::float8, amount]))[2] as first_day_revenue,
             sum(amount) filter (where day > ${analysisDay - 365}) as annual_spend,
             sum(profit) as gross_profit
      from days
      group by customer_id
    `.execute(trx);
    return result.rows;
  });
  const n = rows.length;
  const column = () => new Float64Array(n);
  const data = {
    ids: new Array<string>(n),
    orders: column(),
    purchaseDays: column(),
    firstDay: column(),
    lastDay: column(),
    revenue: column(),
    firstDayRevenue: column(),
    annualSpend: column(),
    grossProfit: column(),
    transactions: 0,
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    data.ids[i] = row.customer_id;
    data.orders[i] = Number(row.orders);
    data.purchaseDays[i] = Number(row.purchase_days);
    data.firstDay[i] = Number(row.first_day);
    data.lastDay[i] = Number(row.last_day);
    data.revenue[i] = Number(row.revenue);
    data.firstDayRevenue[i] = Number(row.first_day_revenue);
    data.annualSpend[i] = row.annual_spend === null ? 0 : Number(row.annual_spend);
    data.grossProfit[i] = row.gross_profit === null ? Number.NaN : Number(row.gross_profit);
    data.transactions += data.orders[i];
  }
  return data;
}

/**
 * Cost-to-serve per customer: interactions of the 365 days up to `now` × the unit cost of their kind. Null when no
 * unit cost is set (cost-to-serve is unknown, not zero). Kinds without a unit cost cost nothing.
 */
export async function loadCostToServe(
  db: Kysely<DB>,
  orgId: string,
  now: Date,
  unitCosts: Record<string, number>,
): Promise<Map<string, number> | null> {
  const kinds = Object.keys(unitCosts).filter((kind) => unitCosts[kind] > 0);
  if (Object.keys(unitCosts).length === 0) return null;
  const costs = new Map<string, number>();
  if (kinds.length === 0) return costs;
  const { rows } = await sql<{ customer_id: string; kind: string; count: string | number }>`
    select customer_id, kind, count(*) as count
    from interactions
    where org_id = ${orgId} and kind = any(${kinds}::text[])
      and occurred_at > ${now.toISOString()}::timestamptz - interval '365 days'
      and occurred_at <= ${now.toISOString()}::timestamptz
    group by 1, 2
  `.execute(db);
  for (const row of rows) {
    costs.set(row.customer_id, (costs.get(row.customer_id) ?? 0) + Number(row.count) * unitCosts[row.kind]);
  }
  return costs;
}
