import type { ValueSettings } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { loadValueSettings } from "./value-settings.ts";

/** The value settings the dashboard edits (unit costs of serving, churn thresholds). */
export async function getValueSettings({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<ValueSettings> {
  const { lastRun: _lastRun, ...settings } = await loadValueSettings(db, actor.orgId);
  return settings;
}

/** Saves the value settings; they take effect at the next recompute. */
export async function updateValueSettings({ db, actor, input }: { db: Kysely<DB>; actor: Actor; input: ValueSettings }): Promise<ValueSettings> {
  const values = {
    interaction_costs: JSON.stringify(input.interactionCosts),
    at_risk_interval_multiple: input.atRiskIntervalMultiple,
    lost_interval_multiple: input.lostIntervalMultiple,
    at_risk_alive_below: input.atRiskAliveBelow,
    lost_alive_below: input.lostAliveBelow,
    updated_by: storedUserId(actor),
    updated_at: new Date(),
  };
  await db
    .insertInto("value_settings")
    .values({ org_id: actor.orgId, ...values })
    .onConflict((conflict) => conflict.column("org_id").doUpdateSet(values))
    .execute();
  return getValueSettings({ db, actor });
}
