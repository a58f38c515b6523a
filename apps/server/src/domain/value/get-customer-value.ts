import type { CustomerTier, CustomerValue } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findCustomer } from "../customers/customer-record.ts";
import { toIsoOrNull, toNumber } from "./value-scope.ts";

/**
 * One customer's tier card: tier in force, computed tier, override with its reason, the figures behind them and the
 * last 20 tier changes. @throws AppError customer.not_found outside the actor's organisation or stores.
 */
export async function getCustomerValue({ db, actor, customerId }: { db: Kysely<DB>; actor: Actor; customerId: string }): Promise<CustomerValue> {
  await findCustomer(db, actor, customerId);
  const row = await db
    .selectFrom("customer_values as v")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "v.override_by").on("u.org_id", "=", actor.orgId))
    .selectAll("v")
    .select("u.name as override_by_name")
    .where("v.customer_id", "=", customerId)
    .where("v.org_id", "=", actor.orgId)
    .executeTakeFirst();
  const history = await db
    .selectFrom("tier_changes as t")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "t.changed_by").on("u.org_id", "=", actor.orgId))
    .select(["t.id", "t.from_tier", "t.to_tier", "t.source", "t.reason", "t.changed_at", "u.name as changed_by_name"])
    .where("t.org_id", "=", actor.orgId)
    .where("t.customer_id", "=", customerId)
    .orderBy("t.changed_at", "desc")
    .orderBy("t.id", "desc")
    .limit(20)
    .execute();
  const presentHistory = history.map((change) => ({
    id: change.id,
    fromTier: change.from_tier as CustomerTier | null,
    toTier: change.to_tier as CustomerTier | null,
    source: change.source,
    reason: change.reason,
    changedByName: change.changed_by_name,
    changedAt: toIsoOrNull(change.changed_at)!,
  }));
  if (!row) return { customerId, tier: null, computedTier: null, override: null, computedAt: null, figures: null, history: presentHistory };
  const hasFigures = row.orders > 0;
  return {
    customerId,
    tier: row.tier,
    computedTier: row.computed_tier,
    override:
      row.tier_override && row.override_at
        ? { tier: row.tier_override, reason: row.override_reason ?? "", byName: row.override_by_name, at: toIsoOrNull(row.override_at)! }
        : null,
    computedAt: toIsoOrNull(row.computed_at),
    figures: hasFigures
      ? {
          orders: row.orders,
          firstPurchaseAt: toIsoOrNull(row.first_purchase_at),
          lastPurchaseAt: toIsoOrNull(row.last_purchase_at),
          revenue: Number(row.revenue),
          annualSpend: Number(row.annual_spend),
          annualValue: toNumber(row.annual_value),
          grossProfit: toNumber(row.gross_profit),
          costToServe: toNumber(row.cost_to_serve),
          recencyDays: row.recency_days,
          rfm:
            row.rfm_r !== null && row.rfm_f !== null && row.rfm_m !== null
              ? { r: row.rfm_r, f: row.rfm_f, m: row.rfm_m, score: row.rfm_score ?? 0, segment: row.rfm_segment ?? "Others" }
              : null,
          pAlive: row.p_alive,
          expectedPurchases: row.expected_purchases,
          clv: toNumber(row.clv),
          clvTopPercent: row.clv_top_percent,
          profitTopPercent: row.profit_top_percent,
          expectedIntervalDays: row.expected_interval_days,
          churnStatus: row.churn_status,
        }
      : null,
    history: presentHistory,
  };
}
