import type { ChurnSummary } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { VALUE_TIME_ZONE } from "./load-purchase-aggregates.ts";
import { loadChurnReasons } from "./load-churn-reasons.ts";
import { loadValueSettings } from "./value-settings.ts";
import { customerScopeSql } from "./value-scope.ts";

/**
 * When a lost customer was lost: the day their expected next purchase ran out by the lost multiple, or the last
 * recompute when P(alive) alone said so.
 */
const lostAt = (multiple: number) =>
  sql`least(v.last_purchase_at + (v.expected_interval_days * ${multiple}) * interval '1 day', v.computed_at)`;

/**
 * The leaky bucket over the customers the actor sees: buyers active, at risk and lost (as of the last recompute),
 * the yearly value lost and at risk, losses per month over the last 12 months, and the reasons from complaints and
 * negative feedback. Cost: one scan of customer_values plus the complaints and feedback of slipping customers.
 */
export async function getChurnSummary({ db, actor, now = new Date() }: { db: Kysely<DB>; actor: Actor; now?: Date }): Promise<ChurnSummary> {
  const settings = await loadValueSettings(db, actor.orgId);
  const thresholds = {
    atRiskIntervalMultiple: settings.atRiskIntervalMultiple,
    lostIntervalMultiple: settings.lostIntervalMultiple,
    atRiskAliveBelow: settings.atRiskAliveBelow,
    lostAliveBelow: settings.lostAliveBelow,
  };
  const scope = customerScopeSql(actor);
  const empty: ChurnSummary = {
    buyers: 0, active: 0, atRisk: 0, lost: 0, lostLast90Days: 0, lostAnnualValue: 0, atRiskAnnualValue: 0, atRiskClv: 0,
    lostByMonth: [], reasons: [], feedbackThemes: [], thresholds,
  };
  if (!scope) return empty;
  const at = now.toISOString();
  const [totals, months, reasons] = await Promise.all([
    sql<Record<string, string | number | null>>`
      select count(*) filter (where v.churn_status is not null) as buyers,
             count(*) filter (where v.churn_status = 'active') as active,
             count(*) filter (where v.churn_status = 'at_risk') as at_risk,
             count(*) filter (where v.churn_status = 'lost') as lost,
             count(*) filter (where v.churn_status = 'lost' and ${lostAt(thresholds.lostIntervalMultiple)} > ${at}::timestamptz - interval '90 days') as lost_recently,
             coalesce(sum(v.annual_value) filter (where v.churn_status = 'lost'), 0) as lost_value,
             coalesce(sum(v.annual_value) filter (where v.churn_status = 'at_risk'), 0) as at_risk_value,
             coalesce(sum(v.clv) filter (where v.churn_status = 'at_risk'), 0) as at_risk_clv
      from customer_values v join customers c on c.id = v.customer_id
      where v.org_id = ${actor.orgId} and ${scope}
    `.execute(db),
    sql<{ month: string; customers: string | number; annual_value: string | null }>`
      select to_char(${lostAt(thresholds.lostIntervalMultiple)} at time zone ${VALUE_TIME_ZONE}, 'YYYY-MM') as month,
             count(*) as customers, sum(v.annual_value) as annual_value
      from customer_values v join customers c on c.id = v.customer_id
      where v.org_id = ${actor.orgId} and ${scope} and v.churn_status = 'lost'
        and ${lostAt(thresholds.lostIntervalMultiple)} >= (date_trunc('month', ${at}::timestamptz at time zone ${VALUE_TIME_ZONE}) - interval '11 months') at time zone ${VALUE_TIME_ZONE}
      group by 1
      order by 1
    `.execute(db),
    loadChurnReasons(db, actor.orgId, scope),
  ]);
  const row = totals.rows[0];
  return {
    buyers: Number(row.buyers),
    active: Number(row.active),
    atRisk: Number(row.at_risk),
    lost: Number(row.lost),
    lostLast90Days: Number(row.lost_recently),
    lostAnnualValue: Number(row.lost_value),
    atRiskAnnualValue: Number(row.at_risk_value),
    atRiskClv: Number(row.at_risk_clv),
    lostByMonth: months.rows.map((month) => ({ month: month.month, customers: Number(month.customers), annualValue: Number(month.annual_value ?? 0) })),
    reasons: reasons.reasons,
    feedbackThemes: reasons.feedbackThemes,
    thresholds,
  };
}
