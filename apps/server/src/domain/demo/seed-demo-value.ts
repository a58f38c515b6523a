/**
 * Customer value for the demo organisation: unit costs of serving (so cost-to-serve shows), a recompute of every
 * customer's figures and tier as of the anchor day, and two tiers set by hand with a reason, by the demo manager.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { setTierOverride } from "../value/override-tier.ts";
import { recomputeValues } from "../value/recompute-values.ts";
import { DAY_MS } from "./draws.ts";

/** Plausible costs of one contact, in yuan: a call's staff time, a visit's travel, a message's fee. */
export const DEMO_INTERACTION_COSTS = { call: 8, visit: 60, email: 0.5, sms: 0.1, wechat: 1 };

export async function seedDemoValue(
  db: Kysely<DB>,
  { orgId, anchorTime, onProgress = () => {} }: { orgId: string; anchorTime: number; onProgress?: (message: string) => void },
): Promise<void> {
  await db
    .insertInto("value_settings")
    .values({ org_id: orgId, interaction_costs: JSON.stringify(DEMO_INTERACTION_COSTS) })
    .onConflict((conflict) => conflict.column("org_id").doUpdateSet({ interaction_costs: JSON.stringify(DEMO_INTERACTION_COSTS) }))
    .execute();
  // As of the end of the anchor day, or now when the anchor is today (purchases later today are not in yet).
  const now = new Date(Math.min(Date.now(), anchorTime + DAY_MS - 1));
  const summary = await recomputeValues({ db, orgId, now });
  onProgress(`computed value figures and tiers of ${summary.customers} customers`);

  const manager = await db.selectFrom("users").select(["id", "name"]).where("org_id", "=", orgId).where("role", "=", "manager").executeTakeFirst();
  if (!manager) return;
  const actor = { userId: manager.id, orgId, role: "manager" as const, storeIds: [], name: manager.name };
  const companies = await db
    .selectFrom("customer_values as v")
    .innerJoin("customers as c", "c.id", "v.customer_id")
    .select("v.customer_id")
    .where("v.org_id", "=", orgId)
    .where("v.tier", "in", ["quality", "ordinary"])
    .where("v.orders", ">", 0)
    .orderBy("v.revenue", "desc")
    .orderBy("v.customer_id")
    .limit(2)
    .execute();
  const reasons = ["年度框架协议客户，合同约定优先供货", "新开门店的团购大客户，先按重要客户维护"];
  for (const [index, company] of companies.entries()) {
    await setTierOverride({ db, actor, customerId: company.customer_id, input: { tier: index === 0 ? "vip" : "important", reason: reasons[index] }, now });
  }
}
