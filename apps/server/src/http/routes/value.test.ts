/**
 * Value and tiers over HTTP on every database: a rule preview moves exactly the customers saving then moves; a manual
 * tier wins over the computed one, survives a recompute, is recorded with its reason and shows on the timeline;
 * store-bound staff see only their stores' customers; bad rule input answers 400 naming the field.
 */
import { valueConcentration } from "@kexin/analytics";
import type { ChurnCustomerList, ChurnSummary, CustomerValue, ParetoView, PriorityList, TierPreview, TierRuleSet, TierSaveResult, ValueOverview } from "@kexin/contracts";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { recomputeValues } from "../../domain/value/recompute-values.ts";
import { buildSimulatedCustomers, VALUE_TEST_NOW, type SimulatedCustomers } from "../../domain/value/value-test-data.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const DRAFT: TierRuleSet = {
  rules: [
    { tier: "vip", conditions: [{ metric: "clvTopPercent", op: "lte", value: 10 }] },
    { tier: "important", conditions: [{ metric: "revenue", op: "gte", value: 2000 }, { metric: "pAlive", op: "gte", value: 0.2 }] },
    { tier: "quality", conditions: [{ metric: "rfmSegment", op: "in", values: ["Champions", "Loyal Customers", "Potential Loyalist"] }] },
  ],
};

describe.each(testDatabaseKinds)("value and tiers on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let simulated: SimulatedCustomers;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    simulated = await buildSimulatedCustomers(database.db, org.orgId, { count: 120, stores: [org.storeA, org.storeB], seed: 11 });
    await recomputeValues({ db: database.db, orgId: org.orgId, now: VALUE_TEST_NOW });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const send = async <T,>(who: SessionKey, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) => {
    const response = await app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
    return { status: response.statusCode, body: response.json() as T };
  };
  const tiersNow = async () => {
    const { rows } = await sql<{ customer_id: string; tier: string | null }>`
      select customer_id, tier from customer_values where org_id = ${org.orgId}`.execute(database.db);
    return new Map(rows.map((row) => [row.customer_id, row.tier]));
  };
  const tierChangeCount = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from tier_changes where org_id = ${org.orgId}`.execute(database.db)).rows[0].n);

  it("previews a draft rule set without saving it, then saving moves exactly the previewed customers", async () => {
    const before = await tiersNow();
    const changesBefore = await tierChangeCount();
    const preview = await send<TierPreview>("manager", "POST", "/api/value/tier-rules/preview", DRAFT);
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBe(120);
    expect(await tiersNow()).toEqual(before); // nothing saved
    expect((await send<{ isDefault: boolean }>("manager", "GET", "/api/value/tier-rules")).body.isDefault).toBe(true);

    const saved = await send<TierSaveResult>("manager", "PUT", "/api/value/tier-rules", DRAFT);
    expect(saved.status).toBe(200);
    expect(saved.body.changed).toBe(preview.body.changed);
    expect(saved.body.rules).toMatchObject({ isDefault: false, rules: DRAFT.rules, updatedByName: "manager user" });
    const after = await tiersNow();
    const moves = new Map<string, number>();
    for (const [id, tier] of after) {
      const key = `${before.get(id)}→${tier}`;
      moves.set(key, (moves.get(key) ?? 0) + 1);
    }
    for (const move of preview.body.moves) expect(moves.get(`${move.from}→${move.to}`), `${move.from}→${move.to}`).toBe(move.count);
    expect([...moves.values()].reduce((a, b) => a + b, 0)).toBe(120);
    expect(await tierChangeCount()).toBe(changesBefore + preview.body.changed);
    expect(preview.body.after.vip).toBe([...after.values()].filter((tier) => tier === "vip").length);

    // Saving the same rules again moves nobody and records nothing.
    expect((await send<TierSaveResult>("manager", "PUT", "/api/value/tier-rules", DRAFT)).body.changed).toBe(0);
    expect(await tierChangeCount()).toBe(changesBefore + preview.body.changed);
  });

  it("lets a manual tier win over the computed one, keeps it through a recompute, records it and shows it on the timeline", async () => {
    const tiers = await tiersNow();
    const customerId = [...tiers].find(([, tier]) => tier === "ordinary")![0];
    const url = `/api/customers/${customerId}/tier`;
    const missingReason = await send<{ error: { field: string } }>("manager", "PUT", url, { tier: "vip", reason: " " });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.field).toBe("reason");

    const set = await send<CustomerValue>("manager", "PUT", url, { tier: "vip", reason: "签约大客户，合同期三年" });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ tier: "vip", computedTier: "ordinary", override: { tier: "vip", reason: "签约大客户，合同期三年", byName: "manager user" } });
    expect(set.body.history[0]).toMatchObject({ fromTier: "ordinary", toTier: "vip", source: "manual", reason: "签约大客户，合同期三年" });

    await recomputeValues({ db: database.db, orgId: org.orgId, now: VALUE_TEST_NOW });
    const card = await send<CustomerValue>("admin", "GET", `/api/customers/${customerId}/value`);
    expect(card.body).toMatchObject({ tier: "vip", computedTier: "ordinary" });
    expect(card.body.history.filter((change) => change.source === "manual")).toHaveLength(1);
    expect(card.body.history).toHaveLength(set.body.history.length); // the recompute recorded nothing new

    const timeline = await send<{ items: { kind: string; summary: string; body: string | null }[] }>("manager", "GET", `/api/customers/${customerId}/timeline`);
    expect(timeline.body.items.find((item) => item.kind === "tier" && item.summary === "ordinary→vip")?.body).toBe("签约大客户，合同期三年");

    const cleared = await send<CustomerValue>("manager", "DELETE", url);
    expect(cleared.body).toMatchObject({ tier: "ordinary", computedTier: "ordinary", override: null });
    expect(cleared.body.history[0]).toMatchObject({ fromTier: "vip", toTier: "ordinary", source: "manual", reason: null });
  });

  it("answers 400 naming the field for bad rule input, and 403 to staff who may not change tiers", async () => {
    const bad = async (rules: unknown, field: string) => {
      const response = await send<{ error: { code: string; field: string } }>("manager", "POST", "/api/value/tier-rules/preview", { rules });
      expect(response.status, JSON.stringify(rules)).toBe(400);
      expect(response.body.error.field).toBe(field);
    };
    await bad([{ tier: "gold", conditions: [] }], "rules.0.tier");
    await bad([{ tier: "vip", conditions: [{ metric: "clv", op: "gte", value: "lots" }] }], "rules.0.conditions.0.value");
    await bad([{ tier: "vip", conditions: [{ metric: "pAlive", op: "gte", value: 1.5 }] }], "rules.0.conditions.0.value");
    await bad([{ tier: "vip", conditions: [{ metric: "profitTopPercent", op: "lte", value: 0 }] }], "rules.0.conditions.0.value");
    await bad([{ tier: "vip", conditions: [{ metric: "rfmSegment", op: "in", values: [] }] }], "rules.0.conditions.0.values");
    await bad([{ tier: "vip", conditions: [{ metric: "happiness", op: "gte", value: 1 }] }], "rules.0.conditions.0.metric");
    const settings = await send<{ error: { field: string } }>("manager", "PUT", "/api/value/settings", {
      interactionCosts: { call: 5 }, atRiskIntervalMultiple: 3, lostIntervalMultiple: 2, atRiskAliveBelow: 0.5, lostAliveBelow: 0.2,
    });
    expect(settings.status).toBe(400);
    expect(settings.body.error.field).toBe("lostIntervalMultiple");
    for (const who of ["store_manager", "agent"] as const) {
      expect((await send(who, "PUT", "/api/value/tier-rules", DRAFT)).status).toBe(403);
      expect((await send(who, "GET", "/api/value/overview")).status).toBe(200);
    }
  });

  it("shows store-bound staff only their stores' customers, in every list and in the Pareto view", async () => {
    const homeStore = new Map((await database.db.selectFrom("customers").select(["id", "home_store_id"]).where("org_id", "=", org.orgId).execute()).map((c) => [c.id, c.home_store_id]));
    const inStoreA = [...homeStore.values()].filter((store) => store === org.storeA).length;

    const all = await send<PriorityList>("manager", "GET", "/api/value/priority?pageSize=200");
    expect(all.body.total).toBe(120);
    const ranks = all.body.items.map((item) => ["vip", "important", "quality", "ordinary"].indexOf(item.tier!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const mine = await send<PriorityList>("store_manager", "GET", "/api/value/priority?pageSize=200");
    expect(mine.body.total).toBe(inStoreA);
    for (const item of mine.body.items) expect(homeStore.get(item.customerId)).toBe(org.storeA);
    expect((await send<PriorityList>("store_manager", "GET", `/api/value/priority?storeId=${org.storeB}`)).body.total).toBe(0);

    const overview = await send<ValueOverview>("agent", "GET", "/api/value/overview");
    expect(overview.body.tiers.reduce((sum, tier) => sum + tier.customers, 0)).toBe(inStoreA);

    for (const status of ["at_risk", "lost"] as const) {
      const list = await send<ChurnCustomerList>("store_manager", "GET", `/api/value/churn/customers?status=${status}&pageSize=200`);
      for (const item of list.body.items) expect(homeStore.get(item.customerId)).toBe(org.storeA);
      const everyone = await send<ChurnCustomerList>("manager", "GET", `/api/value/churn/customers?status=${status}&pageSize=200`);
      expect(everyone.body.total).toBeGreaterThanOrEqual(list.body.total);
    }

    const pareto = await send<ParetoView>("store_manager", "GET", "/api/value/pareto");
    expect(pareto.body.stores.map((store) => store.storeId)).toEqual([org.storeA]);
    expect(pareto.body.overall.customers).toBe(pareto.body.stores[0].customers);
    const orgPareto = await send<ParetoView>("manager", "GET", "/api/value/pareto?topPercent=20");
    expect(orgPareto.body.stores).toHaveLength(2);
    const { rows } = await sql<{ gross_profit: string }>`
      select gross_profit from customer_values where org_id = ${org.orgId} and orders > 0`.execute(database.db);
    const expected = valueConcentration(rows.map((row) => Math.max(0, Number(row.gross_profit))), 0.2);
    expect(orgPareto.body.overall.grossProfit!.topShare).toBeCloseTo(expected.topShare, 10);
    expect(orgPareto.body.overall.grossProfit!.gini).toBeCloseTo(expected.gini, 10);
    expect(orgPareto.body.overall.grossProfit!.curve.length).toBeLessThanOrEqual(101);
    // A store B customer's card is not found for store A staff.
    const storeBCustomer = simulated.customerIds.find((id) => homeStore.get(id) === org.storeB)!;
    expect((await send("agent", "GET", `/api/customers/${storeBCustomer}/value`)).status).toBe(404);
  });

  it("sums the leaky bucket: active + at risk + lost = buyers; the at-risk list is most valuable first", async () => {
    const churn = await send<ChurnSummary>("manager", "GET", "/api/value/churn");
    expect(churn.status).toBe(200);
    const { buyers, active, atRisk, lost } = churn.body;
    expect(buyers).toBe(108);
    expect(active + atRisk + lost).toBe(buyers);
    expect(lost).toBeGreaterThan(0);
    expect(churn.body.lostAnnualValue).toBeGreaterThan(0);
    const list = await send<ChurnCustomerList>("manager", "GET", "/api/value/churn/customers?status=at_risk&pageSize=200");
    expect(list.body.total).toBe(atRisk);
    const values = list.body.items.map((item) => item.clv ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
