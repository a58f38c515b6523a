/**
 * Recomputes every customer's value figures for one organisation, then applies its tier rules. Aggregation runs in
 * SQL (one scan of the transactions), the statistics in one pass in TypeScript through @kexin/analytics, and the
 * write-back in batches of 10,000 rows. Safe to run again after a crash part-way: every write is an upsert keyed by
 * customer, and tier changes are recorded only where the tier in force differs from the stored one.
 */
import type { RecomputeSummary } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { applyTierRules } from "./apply-tier-rules.ts";
import { inTransaction } from "./in-transaction.ts";
import { computeValueFigures } from "./compute-value-figures.ts";
import { dayNumberOf, loadCostToServe, loadPurchaseAggregates } from "./load-purchase-aggregates.ts";
import { loadTierRules } from "./tier-rules.ts";
import { loadValueSettings } from "./value-settings.ts";
import { writeNonBuyers, writeValueFigures } from "./write-value-figures.ts";

export async function recomputeValues({
  db,
  orgId,
  now = new Date(),
}: {
  db: Kysely<DB>;
  orgId: string;
  /** The analysis moment: purchases after it are ignored (tests and the demo pass a fixed one). */
  now?: Date;
}): Promise<RecomputeSummary> {
  const started = performance.now();
  const settings = await loadValueSettings(db, orgId);
  const { rules } = await loadTierRules(db, orgId);
  const analysisDay = dayNumberOf(now);
  const aggregates = await loadPurchaseAggregates(db, orgId, now, analysisDay);
  const costToServe = await loadCostToServe(db, orgId, now, settings.interactionCosts);
  const erased = await db.selectFrom("customers").select("id").where("org_id", "=", orgId).where("erased_at", "is not", null).execute();
  if (erased.length > 0) dropCustomers(aggregates, new Set(erased.map((row) => row.id)));
  const figures = computeValueFigures(aggregates, analysisDay, settings);

  const tierChanges = await inTransaction(db, async (trx) => {
    const buyersChanged = await writeValueFigures(trx, orgId, now, aggregates, figures, costToServe, rules);
    await writeNonBuyers(trx, orgId, now, costToServe);
    // Buyers got their tiers with their figures; this gives the rest theirs (and finds nothing to change for buyers).
    return buyersChanged + (await applyTierRules(trx, orgId, rules, { at: now }));
  });
  const { count } = await db
    .selectFrom("customer_values")
    .select(sql<string>`count(*)`.as("count"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  const summary: RecomputeSummary = {
    computedAt: now.toISOString(),
    customers: Number(count),
    buyers: aggregates.ids.length,
    transactions: aggregates.transactions,
    tierChanges,
    durationMs: Math.round(performance.now() - started),
    model: { bgnbd: figures.bgnbd, gammaGamma: figures.gammaGamma, note: figures.note },
  };
  await db
    .insertInto("value_settings")
    .values({ org_id: orgId, last_run: JSON.stringify(summary) })
    .onConflict((conflict) => conflict.column("org_id").doUpdateSet({ last_run: JSON.stringify(summary) }))
    .execute();
  return summary;
}

/** Leaves erased customers out of the figures (their rows are removed by writeNonBuyers). */
function dropCustomers(data: Awaited<ReturnType<typeof loadPurchaseAggregates>>, drop: Set<string>): void {
  const keep: number[] = [];
  data.ids.forEach((id, i) => {
    if (!drop.has(id)) keep.push(i);
  });
  const pick = (column: Float64Array) => Float64Array.from(keep, (i) => column[i]);
  data.ids = keep.map((i) => data.ids[i]);
  for (const key of ["orders", "purchaseDays", "firstDay", "lastDay", "revenue", "firstDayRevenue", "annualSpend", "grossProfit"] as const) {
    data[key] = pick(data[key]);
  }
}
