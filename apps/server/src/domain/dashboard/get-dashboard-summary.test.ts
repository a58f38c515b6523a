import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildPurchases } from "../../testing/purchases.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { getDashboardSummary, lastTwelveMonths } from "./get-dashboard-summary.ts";

const NOW = new Date("2025-06-15T04:00:00Z");

describe("lastTwelveMonths", () => {
  it("ends with the month of `now` in Shanghai time, across a year boundary", () => {
    // 2025-12-31T17:00Z is already 1 January 2026 in Shanghai.
    const months = lastTwelveMonths(new Date("2025-12-31T17:00:00Z"));
    expect(months[11]).toBe("2026-01");
    expect(months[0]).toBe("2025-02");
    expect(months).toHaveLength(12);
  });
});

describe.each(testDatabaseKinds)("dashboard summary on $name", (kind) => {
  let database: Database;
  let org: TestOrg;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    const a1 = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA });
    const a2 = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA });
    const b1 = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeB });
    const archived = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeB });
    await database.db.updateTable("customers").set({ status: "archived" }).where("id", "=", archived.id).execute();
    await buildPurchases(database.db, org.orgId, [
      { customerId: a1.id, storeId: org.storeA, occurredAt: "2025-06-01T02:00:00Z", amount: 100 }, // active, June
      { customerId: a1.id, storeId: org.storeA, occurredAt: "2024-05-31T17:00:00Z", amount: 40 }, // June 1st in Shanghai, >365d
      { customerId: a2.id, storeId: org.storeA, occurredAt: "2025-01-10T00:00:00Z", amount: 60.25 }, // not active
      { customerId: b1.id, storeId: org.storeB, occurredAt: "2025-05-31T16:30:00Z", amount: 200 }, // 1 June Shanghai
      { customerId: b1.id, storeId: org.storeA, occurredAt: "2025-04-02T00:00:00Z", amount: 10 }, // bought in store A
      { customerId: b1.id, storeId: org.storeB, occurredAt: "2025-07-01T00:00:00Z", amount: 999 }, // after NOW: ignored
    ]);
  });
  afterAll(() => database.close());

  it("counts the whole organisation for an admin", async () => {
    const summary = await getDashboardSummary({ db: database.db, actor: org.users.admin.actor, now: NOW });
    expect(summary).toMatchObject({
      customers: 3,
      activeCustomers: 2, // a1 (1 June) and b1 (31 May); a2 last bought in January
      purchasesLast365Days: 4,
      revenueLast365Days: 370.25,
    });
    expect(summary.monthly.map((m) => m.month)).toEqual([
      "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
      "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
    ]);
    const june = summary.monthly[11];
    expect(june).toEqual({ month: "2025-06", purchases: 2, revenue: 300, newCustomers: 0 });
    expect(summary.monthly.find((m) => m.month === "2025-01")).toEqual({ month: "2025-01", purchases: 1, revenue: 60.25, newCustomers: 1 });
    expect(summary.monthly.find((m) => m.month === "2025-04")?.newCustomers).toBe(1);
    expect(summary.byStore).toEqual([
      { storeId: org.storeA, storeName: "Store A", customers: 2, revenue: 170.25 },
      { storeId: org.storeB, storeName: "Store B", customers: 1, revenue: 200 },
    ]);
  });

  it("limits a store manager to their store: customers by home store, revenue by store of purchase", async () => {
    const summary = await getDashboardSummary({ db: database.db, actor: org.users.store_manager.actor, now: NOW });
    expect(summary).toMatchObject({ customers: 2, activeCustomers: 1, purchasesLast365Days: 3, revenueLast365Days: 170.25 });
    expect(summary.byStore.map((s) => s.storeName)).toEqual(["Store A"]);
    expect(summary.monthly[11]).toEqual({ month: "2025-06", purchases: 1, revenue: 100, newCustomers: 0 });
  });
});
