import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { DEFAULT_GREETING_SETTINGS } from "./greeting-settings.ts";
import { buildCustomersWithEmail, builtinTemplateId } from "./greeting-test-support.ts";
import { planDeliveries } from "./plan-deliveries.ts";

describe.each(testDatabaseKinds)("occasion rules ($name)", (kind) => {
  let database: Database;
  let org: TestOrg;
  beforeAll(async () => {
    database = await kind.create();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    org = await buildOrg(database.db);
  });

  const plan = (now: Date) => planDeliveries({ db: database.db, orgId: org.orgId, now, settings: DEFAULT_GREETING_SETTINGS });
  const keys = async () =>
    (
      await database.db
        .selectFrom("message_deliveries")
        .select(["occasion_key", "customer_id", "due_at"])
        .where("org_id", "=", org.orgId)
        .orderBy("occasion_key")
        .execute()
    ).map((row) => row.occasion_key);

  async function addRule(occasion: string, extra: { daysAfter?: number; sendTime?: string; segment?: object; createdAt?: Date } = {}) {
    const templateId = await builtinTemplateId(database.db, org.orgId, "thank_you");
    await database.db
      .insertInto("greeting_rules")
      .values({
        org_id: org.orgId,
        name: occasion,
        occasion,
        template_id: templateId,
        channel: "email",
        send_time: extra.sendTime ?? "09:00",
        days_after: extra.daysAfter ?? null,
        segment: JSON.stringify(extra.segment ?? {}),
        ...(extra.createdAt && { created_at: extra.createdAt }),
      })
      .execute();
  }

  it("queues the Spring Festival greeting on 正月初一 from the send time on, once", async () => {
    await buildCustomersWithEmail(database.db, org.orgId, 3);
    await addRule("spring_festival", { sendTime: "09:00" });
    expect((await plan(new Date("2027-02-05T02:00:00Z"))).queued).toBe(0); // the day before
    expect((await plan(new Date("2027-02-06T00:30:00Z"))).queued).toBe(0); // 08:30 on the day
    const onTime = await plan(new Date("2027-02-06T01:00:00Z")); // 09:00
    expect(onTime).toMatchObject({ rulesPlanned: 1, queued: 3 });
    expect(await plan(new Date("2027-02-06T05:00:00Z"))).toMatchObject({ rulesPlanned: 0, queued: 0 });
    expect(new Set(await keys())).toEqual(new Set(["spring-festival:2027"]));
  });

  it("queues birthdays of the day, 29 February on 28 February in a common year", async () => {
    const [a, b, c] = await buildCustomersWithEmail(database.db, org.orgId, 3);
    await database.db.updateTable("customers").set({ birthday: "1990-02-28" }).where("id", "=", a.id).execute();
    await database.db.updateTable("customers").set({ birthday: "1992-02-29" }).where("id", "=", b.id).execute();
    await database.db.updateTable("customers").set({ birthday: "1988-03-01" }).where("id", "=", c.id).execute();
    await addRule("birthday");
    expect((await plan(new Date("2027-02-28T02:00:00Z"))).queued).toBe(2);
    expect((await plan(new Date("2027-03-01T02:00:00Z"))).queued).toBe(1);
    expect(await keys()).toEqual(["birthday:2027", "birthday:2027", "birthday:2027"]);
  });

  it("queues an after-purchase follow-up N local days after the purchase, one per customer", async () => {
    const [buyer, other] = await buildCustomersWithEmail(database.db, org.orgId, 2);
    // 23:30 on 1 March in Shanghai (15:30 UTC): 7 days later is 8 March.
    const purchase = await database.db
      .insertInto("transactions")
      .values([
        { org_id: org.orgId, customer_id: buyer.id, occurred_at: new Date("2027-03-01T15:30:00Z"), amount: 388 },
        { org_id: org.orgId, customer_id: buyer.id, occurred_at: new Date("2027-03-01T03:00:00Z"), amount: 20 },
        { org_id: org.orgId, customer_id: other.id, occurred_at: new Date("2027-03-02T03:00:00Z"), amount: 99 },
      ])
      .returning("id")
      .execute();
    await addRule("after_purchase", { daysAfter: 7 });
    expect((await plan(new Date("2027-03-08T02:00:00Z"))).queued).toBe(1);
    expect(await keys()).toEqual([`after-purchase:7d:${purchase[0].id}`]);
  });

  it("queues a letter for tier upgrades only (not a first tier), for VIP segment rules only VIPs", async () => {
    const [up, down, vipOnly] = await buildCustomersWithEmail(database.db, org.orgId, 3);
    await database.db
      .insertInto("tier_changes")
      .values([
        { org_id: org.orgId, customer_id: up.id, from_tier: "quality", to_tier: "important", source: "computed", changed_at: new Date("2027-05-01T01:00:00Z") },
        { org_id: org.orgId, customer_id: down.id, from_tier: "vip", to_tier: "ordinary", source: "computed", changed_at: new Date("2027-05-01T01:00:00Z") },
        { org_id: org.orgId, customer_id: vipOnly.id, from_tier: null, to_tier: "vip", source: "manual", changed_at: new Date("2027-05-01T01:00:00Z") },
      ])
      .execute();
    await database.db
      .insertInto("customer_values")
      .values([
        { customer_id: up.id, org_id: org.orgId, tier: "important" },
        { customer_id: vipOnly.id, org_id: org.orgId, tier: "vip" },
      ])
      .execute();
    await addRule("tier_change", { createdAt: new Date("2027-04-01T00:00:00Z") });
    // quality → important is an upgrade; vip → ordinary is not; none → vip is a first classification, not an upgrade.
    expect((await plan(new Date("2027-05-01T02:00:00Z"))).queued).toBe(1);
    expect((await plan(new Date("2027-05-01T03:00:00Z"))).queued).toBe(0);
    const vipOrg = org;
    org = await buildOrg(database.db);
    const [plain, vip] = await buildCustomersWithEmail(database.db, org.orgId, 2);
    await database.db.insertInto("customer_values").values({ customer_id: vip.id, org_id: org.orgId, tier: "vip" }).execute();
    for (const customer of [plain, vip]) {
      await database.db
        .insertInto("tier_changes")
        .values({ org_id: org.orgId, customer_id: customer.id, from_tier: "ordinary", to_tier: "vip", source: "manual", changed_at: new Date("2027-05-01T01:00:00Z") })
        .execute();
    }
    await addRule("tier_change", { segment: { tiers: ["vip"] }, createdAt: new Date("2027-04-01T00:00:00Z") });
    expect((await plan(new Date("2027-05-01T02:00:00Z"))).queued).toBe(1);
    expect(vipOrg.orgId).not.toBe(org.orgId);
  });

  it("queues a win-back letter once per lapse", async () => {
    const [lapsed, recent] = await buildCustomersWithEmail(database.db, org.orgId, 2);
    await database.db.updateTable("customers").set({ last_purchase_at: new Date("2026-09-01T04:00:00Z") }).where("id", "=", lapsed.id).execute();
    await database.db.updateTable("customers").set({ last_purchase_at: new Date("2027-02-01T04:00:00Z") }).where("id", "=", recent.id).execute();
    await addRule("win_back", { daysAfter: 180 });
    expect((await plan(new Date("2027-03-01T02:00:00Z"))).queued).toBe(1);
    expect((await plan(new Date("2027-03-02T02:00:00Z"))).queued).toBe(0);
    expect(await keys()).toEqual(["win-back:2026-09-01"]);
  });
});
