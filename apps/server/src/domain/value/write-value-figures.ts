/**
 * Writes the figures of many customers at once: one `insert … select from unnest(…) on conflict do update` per batch
 * of 10,000, so 200,000 customers take 20 statements, not 200,000.
 */
import type { TierRule } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { PurchaseAggregates, ValueFiguresResult } from "./compute-value-figures.ts";
import { tierCaseSql } from "./tier-rules.ts";

const BATCH = 10_000;
const DAY_MS = 86_400_000;

/** NaN (unknown) becomes SQL null. */
const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
const money = (value: number): number | null => (Number.isNaN(value) ? null : Math.round(value * 100) / 100);
/** A day number as the start of that day; the exact time of the purchase is on the customer's record. */
const dayStart = (day: number): string => new Date(day * DAY_MS).toISOString();

/**
 * Each buyer's figures and, in the same statement, the tier the rules give them (the override still wins), with a
 * tier_changes row where the tier in force changed: setting tiers afterwards would write every row a second time.
 * @returns how many customers' tier in force changed.
 */
export async function writeValueFigures(
  db: Kysely<DB>,
  orgId: string,
  computedAt: Date,
  data: PurchaseAggregates,
  figures: ValueFiguresResult,
  costToServe: Map<string, number> | null,
  rules: readonly TierRule[],
): Promise<number> {
  let tierChanges = 0;
  for (let start = 0; start < data.ids.length; start += BATCH) {
    const end = Math.min(data.ids.length, start + BATCH);
    const take = <T>(pick: (i: number) => T): T[] => {
      const out = new Array<T>(end - start);
      for (let i = start; i < end; i++) out[i - start] = pick(i);
      return out;
    };
    const ids = take((i) => data.ids[i]);
    const { rows } = await sql<{ changed: string | number }>`
      with v as (
        select u.*, u.rfm_r * 100 + u.rfm_f * 10 + u.rfm_m as rfm_score
        from unnest(
          ${ids}::uuid[],
          ${take((i) => data.orders[i])}::int[],
          ${take((i) => dayStart(data.firstDay[i]))}::timestamptz[],
          ${take((i) => dayStart(data.lastDay[i]))}::timestamptz[],
          ${take((i) => money(data.revenue[i]))}::numeric[],
          ${take((i) => money(data.annualSpend[i]))}::numeric[],
          ${take((i) => money(figures.annualValue[i]))}::numeric[],
          ${take((i) => money(data.grossProfit[i]))}::numeric[],
          ${take((i) => (costToServe ? money(costToServe.get(data.ids[i]) ?? 0) : null))}::numeric[],
          ${take((i) => figures.recencyDays[i])}::int[],
          ${take((i) => figures.rfmR[i])}::smallint[],
          ${take((i) => figures.rfmF[i])}::smallint[],
          ${take((i) => figures.rfmM[i])}::smallint[],
          ${take((i) => figures.rfmSegment[i])}::text[],
          ${take((i) => figures.repeatPurchases[i])}::int[],
          ${take((i) => orNull(figures.pAlive[i]))}::float8[],
          ${take((i) => orNull(figures.expectedPurchases[i]))}::float8[],
          ${take((i) => money(figures.clv[i]))}::numeric[],
          ${take((i) => orNull(figures.clvTopPercent[i]))}::real[],
          ${take((i) => orNull(figures.profitTopPercent[i]))}::real[],
          ${take((i) => orNull(figures.expectedIntervalDays[i]))}::float8[],
          ${take((i) => figures.churnStatus[i])}::text[]
        ) as u(customer_id, orders, first_purchase_at, last_purchase_at, revenue, annual_spend, annual_value, gross_profit,
               cost_to_serve, recency_days, rfm_r, rfm_f, rfm_m, rfm_segment, repeat_purchases, p_alive, expected_purchases,
               clv, clv_top_percent, profit_top_percent, expected_interval_days, churn_status)
      ), tiered as (
        -- The rules read the row as \`v\`; evaluated once per customer, for both the computed tier and the tier in force.
        select v.*, ${tierCaseSql(rules)} as computed_tier from v
      ), previous as (
        select customer_id, tier from customer_values where org_id = ${orgId} and customer_id = any(${ids}::uuid[])
      ), written as (
        insert into customer_values (
          customer_id, org_id, computed_at, orders, first_purchase_at, last_purchase_at, revenue, annual_spend,
          annual_value, gross_profit, cost_to_serve, recency_days, rfm_r, rfm_f, rfm_m, rfm_score, rfm_segment,
          repeat_purchases, p_alive, expected_purchases, clv, clv_top_percent, profit_top_percent,
          expected_interval_days, churn_status, computed_tier, tier
        )
        select t.customer_id, ${orgId}, ${computedAt.toISOString()}::timestamptz, t.orders, t.first_purchase_at,
               t.last_purchase_at, t.revenue, t.annual_spend, t.annual_value, t.gross_profit, t.cost_to_serve,
               t.recency_days, t.rfm_r, t.rfm_f, t.rfm_m, t.rfm_score, t.rfm_segment,
               t.repeat_purchases, t.p_alive, t.expected_purchases, t.clv, t.clv_top_percent, t.profit_top_percent,
               t.expected_interval_days, t.churn_status, t.computed_tier, t.computed_tier
        from tiered t
        on conflict (customer_id) do update set
          computed_at = excluded.computed_at, orders = excluded.orders, first_purchase_at = excluded.first_purchase_at,
          last_purchase_at = excluded.last_purchase_at, revenue = excluded.revenue, annual_spend = excluded.annual_spend,
          annual_value = excluded.annual_value, gross_profit = excluded.gross_profit, cost_to_serve = excluded.cost_to_serve,
          recency_days = excluded.recency_days, rfm_r = excluded.rfm_r, rfm_f = excluded.rfm_f, rfm_m = excluded.rfm_m,
          rfm_score = excluded.rfm_score, rfm_segment = excluded.rfm_segment, repeat_purchases = excluded.repeat_purchases,
          p_alive = excluded.p_alive, expected_purchases = excluded.expected_purchases, clv = excluded.clv,
          clv_top_percent = excluded.clv_top_percent, profit_top_percent = excluded.profit_top_percent,
          expected_interval_days = excluded.expected_interval_days, churn_status = excluded.churn_status,
          computed_tier = excluded.computed_tier, tier = coalesce(customer_values.tier_override, excluded.computed_tier)
        returning customer_id, tier
      ), recorded as (
        insert into tier_changes (org_id, customer_id, from_tier, to_tier, source, changed_at)
        select ${orgId}, w.customer_id, p.tier, w.tier, 'computed', ${computedAt.toISOString()}::timestamptz
        from written w
        left join previous p on p.customer_id = w.customer_id
        where p.tier is distinct from w.tier
        returning 1
      )
      select count(*) as changed from recorded
    `.execute(db);
    tierChanges += Number(rows[0].changed);
  }
  return tierChanges;
}

/**
 * Every other customer of the organisation (never bought, or no purchase left): a row with no figures, so each
 * customer has a tier. Rows written by this run (`computedAt`) are left alone; erased customers' rows are removed.
 */
export async function writeNonBuyers(db: Kysely<DB>, orgId: string, computedAt: Date, costToServe: Map<string, number> | null): Promise<void> {
  const at = computedAt.toISOString();
  await sql`
    delete from customer_values v using customers c
    where v.org_id = ${orgId} and c.id = v.customer_id and c.erased_at is not null
  `.execute(db);
  const ids = costToServe ? [...costToServe.keys()] : [];
  const costs = costToServe ? [...costToServe.values()].map((value) => Math.round(value * 100) / 100) : [];
  await sql`
    insert into customer_values (customer_id, org_id, computed_at, cost_to_serve)
    select c.id, c.org_id, ${at}::timestamptz,
           case when ${costToServe !== null} then coalesce(k.cost, 0) end
    from customers c
    left join customer_values v on v.customer_id = c.id
    left join unnest(${ids}::uuid[], ${costs}::numeric[]) as k(customer_id, cost) on k.customer_id = c.id
    where c.org_id = ${orgId} and c.erased_at is null and (v.customer_id is null or v.computed_at <> ${at}::timestamptz)
    on conflict (customer_id) do update set
      computed_at = excluded.computed_at, orders = 0, first_purchase_at = null, last_purchase_at = null, revenue = 0,
      annual_spend = 0, annual_value = null, gross_profit = null, cost_to_serve = excluded.cost_to_serve,
      recency_days = null, rfm_r = null, rfm_f = null, rfm_m = null, rfm_score = null, rfm_segment = null,
      repeat_purchases = null, p_alive = null, expected_purchases = null, clv = null, clv_top_percent = null,
      profit_top_percent = null, expected_interval_days = null, churn_status = null
  `.execute(db);
}
