/**
 * Tier rules: the organisation's ordered rule set (or the default), and its translation into one SQL `case`
 * expression over a customer_values row aliased `v`. Preview and apply both use that one expression, so a preview
 * shows exactly what saving then does.
 */
import { TierRuleSet, type TierCondition, type TierNumberMetric, type TierRule } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * VIP: the top 5% by gross profit who are still likely to buy; 重要: the top 20% by gross profit, alive at even odds
 * or better; 质优: good buying behaviour by RFM; everyone else 普通.
 */
export const DEFAULT_TIER_RULES: TierRule[] = [
  {
    tier: "vip",
    conditions: [
      { metric: "profitTopPercent", op: "lte", value: 5 },
      { metric: "pAlive", op: "gte", value: 0.5 },
    ],
  },
  {
    tier: "important",
    conditions: [
      { metric: "profitTopPercent", op: "lte", value: 20 },
      { metric: "pAlive", op: "gte", value: 0.3 },
    ],
  },
  {
    tier: "quality",
    conditions: [{ metric: "rfmSegment", op: "in", values: ["Champions", "Loyal Customers", "Potential Loyalist", "Promising", "New Customers"] }],
  },
  { tier: "ordinary", conditions: [] },
];

const COLUMNS: Record<TierNumberMetric, string> = {
  clv: "v.clv",
  pAlive: "v.p_alive",
  revenue: "v.revenue",
  annualSpend: "v.annual_spend",
  grossProfit: "v.gross_profit",
  costToServe: "v.cost_to_serve",
  orders: "v.orders",
  recencyDays: "v.recency_days",
  rfmScore: "v.rfm_score",
  clvTopPercent: "v.clv_top_percent",
  profitTopPercent: "v.profit_top_percent",
};

function conditionSql(condition: TierCondition): RawBuilder<unknown> {
  if (condition.metric === "rfmSegment") return sql`v.rfm_segment = any(${condition.values}::text[])`;
  const column = sql.ref(COLUMNS[condition.metric]);
  // A figure that is unknown (null) satisfies no condition, so the rule does not match.
  return condition.op === "gte" ? sql`${column} >= ${condition.value}` : sql`${column} <= ${condition.value}`;
}

/** The tier the rules give a customer_values row `v`: the first rule whose conditions all hold, else ordinary. */
export function tierCaseSql(rules: readonly TierRule[]): RawBuilder<string> {
  if (rules.length === 0) return sql<string>`'ordinary'::text`;
  const branches = rules.map((rule) => {
    const condition = rule.conditions.length === 0 ? sql`true` : sql.join(rule.conditions.map(conditionSql), sql` and `);
    return sql`when ${condition} then ${sql.lit(rule.tier)}`;
  });
  return sql<string>`(case ${sql.join(branches, sql` `)} else 'ordinary' end)::text`;
}

export interface StoredTierRules {
  rules: TierRule[];
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The organisation's tier rules, or the default set when it has saved none. */
export async function loadTierRules(db: Kysely<DB>, orgId: string): Promise<StoredTierRules> {
  const row = await db.selectFrom("tier_rules").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  if (!row) return { rules: DEFAULT_TIER_RULES, isDefault: true, updatedAt: null, updatedBy: null };
  // Stored rules were validated on the way in; parse again so a hand-edited row cannot reach the SQL builder.
  const parsed = TierRuleSet.safeParse({ rules: typeof row.rules === "string" ? JSON.parse(row.rules) : row.rules });
  return {
    rules: parsed.success ? parsed.data.rules : DEFAULT_TIER_RULES,
    isDefault: !parsed.success,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
