import type { TierRuleSet, TierSaveResult } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { applyTierRules } from "./apply-tier-rules.ts";
import { inTransaction } from "./in-transaction.ts";
import { getTierRules } from "./get-tier-rules.ts";

/**
 * Saves the organisation's tier rules and applies them at once to the stored figures (no recompute needed), in one
 * transaction: customers move exactly as the preview showed, each move recorded as a computed tier change, and the
 * save itself in the audit log (how many rules, how many customers moved).
 */
export async function saveTierRules({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: TierRuleSet;
  now?: Date;
}): Promise<TierSaveResult> {
  const userId = storedUserId(actor);
  const changed = await inTransaction(db, async (trx) => {
    const rules = JSON.stringify(input.rules);
    await trx
      .insertInto("tier_rules")
      .values({ org_id: actor.orgId, rules, updated_by: userId, updated_at: now })
      .onConflict((conflict) => conflict.column("org_id").doUpdateSet({ rules, updated_by: userId, updated_at: now }))
      .execute();
    const moved = await applyTierRules(trx, actor.orgId, input.rules, { changedBy: userId, reason: "tier rules changed", at: now });
    await recordAudit(trx, {
      actor,
      action: "tier.rules_save",
      targetType: "tier_rules",
      targetId: actor.orgId,
      details: { rules: input.rules.length, changed: moved },
    });
    return moved;
  });
  return { rules: await getTierRules({ db, actor }), changed };
}
