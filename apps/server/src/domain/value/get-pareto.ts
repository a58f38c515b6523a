import { valueConcentration } from "@kexin/analytics";
import type { ParetoView } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { customerScopeSql } from "./value-scope.ts";

type Group = ParetoView["overall"];
type Concentration = NonNullable<Group["revenue"]>;

const CURVE_POINTS = 100;

/**
 * The Pareto curve cut to at most 101 evenly spaced points (the chart needs no more, and the full curve has one
 * point per customer). Each kept point is an exact point of the analytics curve.
 */
function thinCurve(curve: { customerShare: number; valueShare: number }[]): Concentration["curve"] {
  if (curve.length <= CURVE_POINTS + 1) return curve;
  const last = curve.length - 1;
  return Array.from({ length: CURVE_POINTS + 1 }, (_, k) => curve[Math.round((k * last) / CURVE_POINTS)]);
}

function concentration(values: Float64Array, topFraction: number): Concentration | null {
  let total = 0;
  for (const value of values) total += value;
  if (values.length === 0 || !(total > 0)) return null;
  const result = valueConcentration(values, topFraction);
  return { total, topShare: result.topShare, gini: result.gini, curve: thinCurve(result.pareto) };
}

function group(storeId: string | null, storeName: string | null, revenue: number[], profit: number[], topFraction: number): Group {
  let losing = 0;
  // Customers who lost money count as 0 in the profit curve (a share of a total cannot be negative).
  const profitValues = Float64Array.from(profit, (value) => {
    if (value < 0) losing++;
    return Math.max(0, value);
  });
  return {
    storeId,
    storeName,
    customers: revenue.length,
    revenue: concentration(Float64Array.from(revenue, (value) => Math.max(0, value)), topFraction),
    grossProfit: concentration(profitValues, topFraction),
    losingCustomers: losing,
  };
}

/**
 * What share of revenue and of gross profit the top `topPercent` of buyers bring, with the Pareto curve and Gini
 * (analytics valueConcentration), for everyone the actor sees and per home store (store-bound staff: their stores).
 * Cost: one read of the buyers' revenue and gross profit; O(n log n) in TypeScript.
 */
export async function getPareto({ db, actor, topPercent }: { db: Kysely<DB>; actor: Actor; topPercent: number }): Promise<ParetoView> {
  const topFraction = topPercent / 100;
  const scope = customerScopeSql(actor);
  const rows = scope
    ? (
        await sql<{ store_id: string | null; revenue: string; gross_profit: string | null }>`
          select c.home_store_id as store_id, v.revenue, v.gross_profit
          from customer_values v join customers c on c.id = v.customer_id
          where v.org_id = ${actor.orgId} and ${scope} and v.orders > 0
        `.execute(db)
      ).rows
    : [];
  const visibleStores = storeScope(actor);
  const stores =
    visibleStores?.length === 0
      ? []
      : await db
          .selectFrom("stores")
          .select(["id", "name"])
          .where("org_id", "=", actor.orgId)
          .$if(visibleStores !== null, (query) => query.where("id", "in", visibleStores!))
          .orderBy("name")
          .execute();
  const all = { revenue: [] as number[], profit: [] as number[] };
  const byStore = new Map<string | null, { revenue: number[]; profit: number[] }>();
  for (const row of rows) {
    const revenue = Number(row.revenue);
    all.revenue.push(revenue);
    const entry = byStore.get(row.store_id) ?? { revenue: [], profit: [] };
    entry.revenue.push(revenue);
    if (row.gross_profit !== null) {
      all.profit.push(Number(row.gross_profit));
      entry.profit.push(Number(row.gross_profit));
    }
    byStore.set(row.store_id, entry);
  }
  return {
    topPercent,
    overall: group(null, null, all.revenue, all.profit, topFraction),
    stores: stores.map((store) => {
      const entry = byStore.get(store.id) ?? { revenue: [], profit: [] };
      return group(store.id, store.name, entry.revenue, entry.profit, topFraction);
    }),
  };
}
