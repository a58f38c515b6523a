/**
 * The organisation's value settings: unit costs of serving per interaction kind (for cost-to-serve) and the churn
 * thresholds. An organisation that saved none gets the defaults of migration 0008 and no unit costs.
 */
import type { ValueSettings } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export const DEFAULT_VALUE_SETTINGS: ValueSettings = {
  interactionCosts: {},
  atRiskIntervalMultiple: 1.5,
  lostIntervalMultiple: 3,
  atRiskAliveBelow: 0.5,
  lostAliveBelow: 0.2,
};

export async function loadValueSettings(db: Kysely<DB>, orgId: string): Promise<ValueSettings & { lastRun: Record<string, unknown> | null }> {
  const row = await db.selectFrom("value_settings").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  if (!row) return { ...DEFAULT_VALUE_SETTINGS, lastRun: null };
  const parse = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
  return {
    interactionCosts: parse(row.interaction_costs) ?? {},
    atRiskIntervalMultiple: row.at_risk_interval_multiple,
    lostIntervalMultiple: row.lost_interval_multiple,
    atRiskAliveBelow: row.at_risk_alive_below,
    lostAliveBelow: row.lost_alive_below,
    lastRun: parse(row.last_run),
  };
}
