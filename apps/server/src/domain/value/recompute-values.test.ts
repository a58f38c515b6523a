/**
 * Recompute on every database: the figures stored per customer equal what @kexin/analytics computes from the same
 * purchase log by its own route (summarizeTransactions → fitBgnbd / fitGammaGamma → CLV; scoreRfm; valueConcentration
 * ranks), tiers follow the rules, and tier changes are written only when the tier in force changes.
 */
import {
  bgnbdProbabilityAlive,
  customerLifetimeValue,
  fitBgnbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  isoDay,
  scoreRfm,
  summarizeTransactions,
} from "@kexin/analytics";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { CLV_OPTIONS } from "./compute-value-figures.ts";
import { recomputeValues } from "./recompute-values.ts";
import { buildSimulatedCustomers, VALUE_TEST_NOW, type SimulatedCustomers } from "./value-test-data.ts";
import { recomputeValuesJob } from "./value-jobs.ts";

describe.each(testDatabaseKinds)("recomputing customer values on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let simulated: SimulatedCustomers;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    simulated = await buildSimulatedCustomers(database.db, org.orgId, { count: 160, stores: [org.storeA, org.storeB] });
  });
  afterAll(async () => {
    await database.close();
  });

  const stored = async () => {
    const rows = await database.db.selectFrom("customer_values").selectAll().where("org_id", "=", org.orgId).execute();
    return new Map(rows.map((row) => [row.customer_id, row]));
  };

  it("stores the analytics package's RFM, P(alive), CLV and gross profit for every buyer", async () => {
    const summary = await recomputeValues({ db: database.db, orgId: org.orgId, now: VALUE_TEST_NOW });
    expect(summary.customers).toBe(160);
    expect(summary.buyers).toBe(144);
    expect(summary.transactions).toBe(simulated.purchases.length);
    expect(summary.model.note).toBeNull();

    // The same statistics by the analytics package's own route from the raw log.
    const analysisDay = isoDay("2026-06-30")!;
    const log = summarizeTransactions(
      simulated.purchases.map((p) => ({ customerId: p.customerId, date: p.date, amount: p.amount })),
      { calibrationEnd: "2026-06-30", period: "week" },
    );
    const columns = {
      frequency: log.customers.map((c) => c.frequency),
      recency: log.customers.map((c) => c.recency),
      age: log.customers.map((c) => c.age),
      averageSpend: log.customers.map((c) => c.averageSpend),
    };
    const bgnbd = fitBgnbd(columns);
    const gammaGamma = fitGammaGamma(columns, { zeroSpend: "exclude" });
    expect(summary.model.bgnbd!.r).toBeCloseTo(bgnbd.r, 6);
    expect(summary.model.bgnbd!.alpha).toBeCloseTo(bgnbd.alpha, 4);
    expect(summary.model.gammaGamma!.p).toBeCloseTo(gammaGamma.p, 4);

    const byCustomer = new Map<string, { orders: number; revenue: number; last: number; profit: number }>();
    for (const p of simulated.purchases) {
      const entry = byCustomer.get(p.customerId) ?? { orders: 0, revenue: 0, last: 0, profit: 0 };
      entry.orders++;
      entry.revenue += p.amount;
      entry.profit += p.amount - p.cost!;
      entry.last = Math.max(entry.last, isoDay(p.date)!);
      byCustomer.set(p.customerId, entry);
    }
    const rfm = scoreRfm([...byCustomer].map(([id, c]) => ({ id, recencyDays: analysisDay - c.last, frequency: c.orders, monetary: c.revenue })));
    const rows = await stored();
    for (const customer of log.customers) {
      const row = rows.get(String(customer.customerId))!;
      const history = { frequency: customer.frequency, recency: customer.recency, age: customer.age };
      const spend = gammaGammaExpectedSpend(gammaGamma, customer.frequency, customer.averageSpend);
      expect(row.repeat_purchases).toBe(customer.frequency);
      expect(row.p_alive!).toBeCloseTo(bgnbdProbabilityAlive(bgnbd, customer.frequency, customer.recency, customer.age), 6);
      expect(Number(row.clv)).toBeCloseTo(customerLifetimeValue(bgnbd, history, spend, CLV_OPTIONS), 0);
    }
    for (const scored of rfm.customers) {
      const row = rows.get(scored.id)!;
      expect([row.rfm_r, row.rfm_f, row.rfm_m, row.rfm_score, row.rfm_segment]).toEqual([scored.r, scored.f, scored.m, scored.score, scored.segment]);
      expect(row.recency_days).toBe(scored.recencyDays);
      expect(Number(row.revenue)).toBeCloseTo(scored.monetary, 2);
      expect(Number(row.gross_profit)).toBeCloseTo(byCustomer.get(scored.id)!.profit, 2);
    }
    // Non-buyers have a row without figures and the last tier.
    const nonBuyer = rows.get(simulated.customerIds[9])!;
    expect(nonBuyer).toMatchObject({ orders: 0, clv: null, p_alive: null, churn_status: null, tier: "ordinary" });
  });

  it("gives the top 5% by gross profit who are alive the VIP tier under the default rules", async () => {
    const rows = [...(await stored()).values()].filter((row) => row.gross_profit !== null);
    rows.sort((a, b) => Number(b.gross_profit) - Number(a.gross_profit));
    const top = rows.slice(0, Math.floor(rows.length * 0.05));
    for (const row of top) expect(row.tier).toBe(row.p_alive! >= 0.5 ? "vip" : row.p_alive! >= 0.3 ? "important" : row.tier);
    for (const row of rows.slice(Math.ceil(rows.length * 0.2))) expect(["quality", "ordinary"]).toContain(row.tier);
    expect(rows.filter((row) => row.tier === "vip").length).toBeGreaterThan(0);
  });

  it("writes a tier change for each customer's first tier, and none when nothing changed", async () => {
    const count = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from tier_changes where org_id = ${org.orgId}`.execute(database.db)).rows[0].n);
    expect(await count()).toBe(160);
    const again = await recomputeValuesJob.run({
      db: database.db,
      orgId: org.orgId,
      now: VALUE_TEST_NOW,
      key: "2026-06-30",
      payload: {},
      deadline: new Date(VALUE_TEST_NOW.getTime() + 60_000),
      log: { info: () => {}, error: () => {} },
    } as unknown as Parameters<typeof recomputeValuesJob.run>[0]);
    expect(again).toMatchObject({ tierChanges: 0, customers: 160 });
    expect(await count()).toBe(160);
  });

  it("keeps a buyer's override in force while the computed tier follows the figures, with no tier change recorded", async () => {
    const [buyer] = [...(await stored()).values()].filter((row) => row.orders > 0 && row.tier !== "vip");
    const changesBefore = await database.db.selectFrom("tier_changes").select("id").where("customer_id", "=", buyer.customer_id).execute();
    await database.db
      .updateTable("customer_values")
      .set({ tier: "vip", tier_override: "vip", override_reason: "签约大客户" })
      .where("customer_id", "=", buyer.customer_id)
      .execute();
    const summary = await recomputeValues({ db: database.db, orgId: org.orgId, now: VALUE_TEST_NOW });
    expect(summary.tierChanges).toBe(0);
    expect((await stored()).get(buyer.customer_id)).toMatchObject({ tier: "vip", tier_override: "vip", computed_tier: buyer.computed_tier });
    const changesAfter = await database.db.selectFrom("tier_changes").select("id").where("customer_id", "=", buyer.customer_id).execute();
    expect(changesAfter).toHaveLength(changesBefore.length);
    await database.db
      .updateTable("customer_values")
      .set({ tier_override: null, override_reason: null })
      .where("customer_id", "=", buyer.customer_id)
      .execute();
    // Without the override the rules' tier is in force again, and that change is recorded.
    expect((await recomputeValues({ db: database.db, orgId: org.orgId, now: VALUE_TEST_NOW })).tierChanges).toBe(1);
    expect((await stored()).get(buyer.customer_id)).toMatchObject({ tier: buyer.computed_tier, tier_override: null });
  });

  it("gives a customer added later a row and a tier on the next run, leaving the others alone", async () => {
    const late = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA });
    const summary = await recomputeValues({ db: database.db, orgId: org.orgId, now: VALUE_TEST_NOW });
    expect(summary.tierChanges).toBe(1);
    expect((await stored()).get(late.id)).toMatchObject({ tier: "ordinary", orders: 0 });
  });
});
