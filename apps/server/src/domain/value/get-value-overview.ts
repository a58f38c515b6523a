import { CUSTOMER_TIERS, RecomputeSummary, type CustomerTier, type ValueOverview } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { loadValueSettings } from "./value-settings.ts";
import { customerScopeSql } from "./value-scope.ts";

interface TierRow {
  tier: CustomerTier | null;
  customers: string | number;
  overridden: string | number;
  revenue: string | null;
  gross_profit: string | null;
  clv: string | null;
  average_p_alive: number | null;
}

/**
 * The tier distribution (customers, overrides, revenue, gross profit, CLV and mean P(alive) per tier), the RFM
 * segments, and the last recompute — over the customers the actor sees. Cost: one scan of customer_values.
 */
export async function getValueOverview({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<ValueOverview> {
  const scope = customerScopeSql(actor);
  const settings = await loadValueSettings(db, actor.orgId);
  const parsedRun = RecomputeSummary.safeParse(settings.lastRun);
  const lastRun = parsedRun.success ? parsedRun.data : null;
  if (!scope) return { tiers: CUSTOMER_TIERS.map((tier) => emptyTier(tier)), withoutTier: 0, segments: [], lastRun };
  const [tiers, segments] = await Promise.all([
    sql<TierRow>`
      select v.tier, count(*) as customers, count(v.tier_override) as overridden, sum(v.revenue) as revenue,
             sum(v.gross_profit) as gross_profit, sum(v.clv) as clv, avg(v.p_alive) as average_p_alive
      from customer_values v join customers c on c.id = v.customer_id
      where v.org_id = ${actor.orgId} and ${scope}
      group by v.tier
    `.execute(db),
    sql<{ segment: string; customers: string | number }>`
      select v.rfm_segment as segment, count(*) as customers
      from customer_values v join customers c on c.id = v.customer_id
      where v.org_id = ${actor.orgId} and ${scope} and v.rfm_segment is not null
      group by v.rfm_segment
      order by count(*) desc, v.rfm_segment
    `.execute(db),
  ]);
  const byTier = new Map(tiers.rows.map((row) => [row.tier, row]));
  return {
    tiers: CUSTOMER_TIERS.map((tier) => {
      const row = byTier.get(tier);
      if (!row) return emptyTier(tier);
      return {
        tier,
        customers: Number(row.customers),
        overridden: Number(row.overridden),
        revenue: Number(row.revenue ?? 0),
        grossProfit: Number(row.gross_profit ?? 0),
        clv: Number(row.clv ?? 0),
        averagePAlive: row.average_p_alive === null ? null : Number(row.average_p_alive),
      };
    }),
    withoutTier: Number(byTier.get(null)?.customers ?? 0),
    segments: segments.rows.map((row) => ({ segment: row.segment, customers: Number(row.customers) })),
    lastRun,
  };
}

const emptyTier = (tier: CustomerTier) => ({ tier, customers: 0, overridden: 0, revenue: 0, grossProfit: 0, clv: 0, averagePAlive: null });
