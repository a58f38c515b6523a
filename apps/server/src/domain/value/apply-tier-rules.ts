/**
 * Applies tier rules to the stored figures of every customer of an organisation in one statement: computed tier =
 * the rules' verdict, tier in force = the override when there is one, else the computed tier; one tier_changes row
 * (source computed) for each customer whose tier in force changed. Atomic, and a second run changes nothing.
 */
import type { TierRule } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { tierCaseSql } from "./tier-rules.ts";

/** @returns how many customers' tier in force changed. */
export async function applyTierRules(
  db: Kysely<DB>,
  orgId: string,
  rules: readonly TierRule[],
  { changedBy = null, reason = null, at }: { changedBy?: string | null; reason?: string | null; at: Date },
): Promise<number> {
  const computed = tierCaseSql(rules);
  const { rows } = await sql<{ changed: string | number }>`
    with next as (
      select v.customer_id, v.tier as old_tier, ${computed} as computed_tier,
             coalesce(v.tier_override, ${computed}) as new_tier
      from customer_values v
      where v.org_id = ${orgId}
    ), updated as (
      update customer_values v
      set computed_tier = n.computed_tier, tier = n.new_tier
      from next n
      where v.customer_id = n.customer_id and v.org_id = ${orgId}
        and (v.computed_tier is distinct from n.computed_tier or v.tier is distinct from n.new_tier)
      returning v.customer_id, n.old_tier, n.new_tier
    ), recorded as (
      insert into tier_changes (org_id, customer_id, from_tier, to_tier, source, reason, changed_by, changed_at)
      select ${orgId}, customer_id, old_tier, new_tier, 'computed', ${reason}, ${changedBy}, ${at.toISOString()}::timestamptz
      from updated
      where old_tier is distinct from new_tier
      returning 1
    )
    select count(*) as changed from recorded
  `.execute(db);
  return Number(rows[0].changed);
}
