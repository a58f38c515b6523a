import type { ValueSettings } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { inTransaction } from "./in-transaction.ts";
import { loadValueSettings } from "./value-settings.ts";

/** The value settings the dashboard edits (unit costs of serving, churn thresholds). */
export async function getValueSettings({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<ValueSettings> {
  const { lastRun: _lastRun, ...settings } = await loadValueSettings(db, actor.orgId);
  return settings;
}

/** Saves the value settings (they take effect at the next recompute), with an audit entry in the same transaction. */
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
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("value_settings")
      .values({ org_id: actor.orgId, ...values })
      .onConflict((conflict) => conflict.column("org_id").doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      action: "value.settings_update",
      targetType: "value_settings",
      targetId: actor.orgId,
      details: {
        interactionCosts: input.interactionCosts,
        atRiskIntervalMultiple: input.atRiskIntervalMultiple,
        lostIntervalMultiple: input.lostIntervalMultiple,
        atRiskAliveBelow: input.atRiskAliveBelow,
        lostAliveBelow: input.lostAliveBelow,
      },
    });
  });
  return getValueSettings({ db, actor });
}
