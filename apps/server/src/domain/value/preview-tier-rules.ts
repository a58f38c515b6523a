import { CUSTOMER_TIERS, type CustomerTier, type TierPreview, type TierRuleSet } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { tierCaseSql } from "./tier-rules.ts";

type Counts = TierPreview["before"];
const emptyCounts = (): Counts => ({ vip: 0, important: 0, quality: 0, ordinary: 0, none: 0 });

/**
 * What a draft rule set would do, without saving it: for every customer the tier in force now and the one it would
 * be (an override keeps its tier), counted per (from, to). The same SQL expression as applyTierRules, over the same
 * stored figures, so saving moves exactly these customers.
 * Cost: one scan of the organisation's customer_values.
 */
export async function previewTierRules({ db, actor, input }: { db: Kysely<DB>; actor: Actor; input: TierRuleSet }): Promise<TierPreview> {
  const computed = tierCaseSql(input.rules);
  const { rows } = await sql<{ from_tier: CustomerTier | null; to_tier: CustomerTier | null; count: string | number }>`
    select v.tier as from_tier, coalesce(v.tier_override, ${computed}) as to_tier, count(*) as count
    from customer_values v
    where v.org_id = ${actor.orgId}
    group by 1, 2
  `.execute(db);
  const before = emptyCounts();
  const after = emptyCounts();
  let total = 0;
  let changed = 0;
  const moves = rows
    .map((row) => ({ from: row.from_tier, to: row.to_tier, count: Number(row.count) }))
    .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  for (const move of moves) {
    before[move.from ?? "none"] += move.count;
    after[move.to ?? "none"] += move.count;
    total += move.count;
    if (move.from !== move.to) changed += move.count;
  }
  return { total, changed, before, after, moves };
}

const rank = (tier: CustomerTier | null) => (tier === null ? CUSTOMER_TIERS.length : CUSTOMER_TIERS.indexOf(tier));
