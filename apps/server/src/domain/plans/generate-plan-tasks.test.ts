/**
 * Plan task generation on every database: the cadences land on the right calendar days (Asia/Shanghai, across week
 * and month ends), regenerating — one after another or two at once — never duplicates a task, a tier change or a plan
 * edit dismisses the tasks that no longer apply and creates the new ones, and the daily job does the same.
 */
import type { CustomerTier, PlanUpdate } from "@kexin/contracts";
import { PlanUpdate as PlanUpdateSchema } from "@kexin/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { loadConfig } from "../../config.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { generatePlanTasks, PLAN_DISMISSED_REASON } from "./generate-plan-tasks.ts";
import { addDays, holidaysOfYear, localDay } from "./plan-calendar.ts";
import { generatePlansJob } from "./plan-jobs.ts";
import { listPlans } from "./list-plans.ts";
import { updatePlan } from "./update-plan.ts";

/** Thursday 29 January 2026, 04:00 in Shanghai — still Wednesday the 28th in UTC. */
const THURSDAY = new Date("2026-01-28T20:00:00Z");

describe("the plan calendar", () => {
  it("reads today in Asia/Shanghai, not in UTC", () => {
    expect(localDay(new Date("2026-01-28T15:59:59Z"))).toBe("2026-01-28");
    expect(localDay(new Date("2026-01-28T16:00:00Z"))).toBe("2026-01-29");
    expect(localDay(THURSDAY)).toBe("2026-01-29");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-29", 6)).toBe("2026-02-04");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("dates the lunar holidays by the lunar calendar, for several years", () => {
    const dates = (year: number) => Object.fromEntries(holidaysOfYear(year).map(({ holiday, day }) => [holiday, day]));
    // Published dates (State Council holiday notices): 春节 and 中秋节.
    expect(dates(2025)).toMatchObject({ spring_festival: "2025-01-29", mid_autumn: "2025-10-06", dragon_boat: "2025-05-31" });
    expect(dates(2026)).toMatchObject({ spring_festival: "2026-02-17", mid_autumn: "2026-09-25", lantern_festival: "2026-03-03" });
    expect(dates(2027)).toMatchObject({ spring_festival: "2027-02-06", mid_autumn: "2027-09-15", national_day: "2027-10-01" });
  });
});

describe.each(testDatabaseKinds)("plan task generation on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  const customers: Record<string, { id: string }> = {};

  const setTier = async (customerId: string, tier: CustomerTier | null) => {
    await database.db
      .insertInto("customer_values")
      .values({ customer_id: customerId, org_id: org.orgId, tier, computed_tier: tier })
      .onConflict((conflict) => conflict.column("customer_id").doUpdateSet({ tier, computed_tier: tier }))
      .execute();
  };
  const planTasks = (customerId?: string) => {
    let query = database.db
      .selectFrom("tasks")
      .select(["id", "kind", "title", "status", "customer_id", "store_id", "assignee_id", "due_at", "dedupe_key", "dismissed_reason"])
      .where("org_id", "=", org.orgId)
      .where("source_type", "=", "plan")
      .orderBy("due_at")
      .orderBy("dedupe_key");
    if (customerId) query = query.where("customer_id", "=", customerId);
    return query.execute();
  };
  const dayOf = (task: { due_at: Date }) => localDay(new Date(task.due_at));
  const save = (tier: CustomerTier, input: PlanUpdate, now = THURSDAY) =>
    updatePlan({ db: database.db, actor: org.users.manager.actor, tier, input: PlanUpdateSchema.parse(input), now });

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    const specs: [string, CustomerTier | null, string | null][] = [
      ["vipManaged", "vip", org.storeA],
      ["vipStore", "vip", org.storeB],
      ["important1", "important", org.storeA],
      ["important2", "important", org.storeB],
      ["quality", "quality", org.storeA],
      ["ordinary", "ordinary", org.storeA],
      ["untiered", null, org.storeA],
    ];
    for (const [name, tier, store] of specs) {
      customers[name] = await buildCustomer(database.db, org.orgId, { name, home_store_id: store });
      if (tier) await setTier(customers[name].id, tier);
    }
    await database.db
      .updateTable("customers")
      .set({ account_manager_id: org.users.agent.id })
      .where("id", "in", [customers.vipManaged.id, customers.important1.id])
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it("creates the default plans' tasks on the right days, for the right people", async () => {
    const result = await generatePlanTasks({ db: database.db, orgId: org.orgId, now: THURSDAY });
    expect(result).toEqual({ created: 7 + 7 + 2 + 2 + 2, dismissed: 0, reopened: 0, updated: 0, horizonStart: "2026-01-29", horizonEnd: "2026-02-04" });

    const vip = await planTasks(customers.vipManaged.id);
    expect(vip.map(dayOf)).toEqual(["2026-01-29", "2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04"]);
    expect(vip[0]).toMatchObject({ kind: "call", title: "致电了解交付及时率与验货合格率", assignee_id: org.users.agent.id, store_id: org.storeA });
    // Due by the end of the day in Shanghai.
    expect(new Date(vip[0].due_at).toISOString()).toBe("2026-01-29T15:59:59.000Z");
    expect(vip[0].dedupe_key).toMatch(/^plan:[0-9a-f-]{36}:[0-9a-f-]{36}:[0-9a-f-]{36}:2026-01-29$/);
    expect((await planTasks(customers.vipStore.id))[0]).toMatchObject({ assignee_id: null, store_id: org.storeB });

    // 重要: Monday and Thursday; 质优: Tuesday and Friday — across the end of January.
    expect((await planTasks(customers.important1.id)).map(dayOf)).toEqual(["2026-01-29", "2026-02-02"]);
    expect((await planTasks(customers.quality.id)).map(dayOf)).toEqual(["2026-01-30", "2026-02-03"]);
    // 普通: greetings go to the greetings module, no task; no tier, no plan.
    expect(await planTasks(customers.ordinary.id)).toEqual([]);
    expect(await planTasks(customers.untiered.id)).toEqual([]);
  });

  it("never duplicates a task when regenerated, one after another or two at once", async () => {
    const before = await planTasks();
    const again = await generatePlanTasks({ db: database.db, orgId: org.orgId, now: THURSDAY });
    expect(again).toMatchObject({ created: 0, dismissed: 0, reopened: 0, updated: 0 });

    const friday = new Date(THURSDAY.getTime() + 86_400_000);
    const [first, second] = await Promise.all([
      generatePlanTasks({ db: database.db, orgId: org.orgId, now: friday }),
      generatePlanTasks({ db: database.db, orgId: org.orgId, now: friday }),
    ]);
    // Thursday 5 February: two VIP calls and one 重要 call per 重要 customer are new; whoever ran second found them.
    expect(first.created + second.created).toBe(2 + 2);
    expect(Math.min(first.created, second.created)).toBe(0);
    const after = await planTasks();
    expect(after).toHaveLength(before.length + 4);
    expect(new Set(after.map((task) => task.dedupe_key)).size).toBe(after.length);
  });

  it("dismisses a customer's open future tasks when their tier changes, creates the new tier's, and reopens on the way back", async () => {
    const vipDone = (await planTasks(customers.vipManaged.id))[0];
    await database.db.updateTable("tasks").set({ status: "done", outcome: "reached", closed_at: THURSDAY }).where("id", "=", vipDone.id).execute();
    await setTier(customers.vipManaged.id, "important");

    const moved = await generatePlanTasks({ db: database.db, orgId: org.orgId, now: THURSDAY, customerIds: [customers.vipManaged.id] });
    // Eight VIP days (29 January – 5 February, the last from the run a day later), one done: seven dismissed; the 重要
    // plan's Thursday and Monday calls within the horizon created.
    expect(moved).toMatchObject({ created: 2, dismissed: 7, reopened: 0 });
    const tasks = await planTasks(customers.vipManaged.id);
    const open = tasks.filter((task) => task.status === "open");
    expect(open.map((task) => [task.title, dayOf(task)])).toEqual([
      ["电话回访：近期需求与满意度", "2026-01-29"],
      ["电话回访：近期需求与满意度", "2026-02-02"],
    ]);
    const dismissed = tasks.filter((task) => task.status === "dismissed");
    expect(dismissed).toHaveLength(7);
    expect(dismissed.every((task) => task.dismissed_reason === PLAN_DISMISSED_REASON)).toBe(true);
    expect(tasks.find((task) => task.id === vipDone.id)?.status).toBe("done");

    await setTier(customers.vipManaged.id, "vip");
    const back = await generatePlanTasks({ db: database.db, orgId: org.orgId, now: THURSDAY });
    expect(back).toMatchObject({ created: 0, dismissed: 2, reopened: 7 });
    expect((await planTasks(customers.vipManaged.id)).filter((task) => task.status === "open")).toHaveLength(7);
  });

  it("leaves a task a person dismissed alone when regenerating", async () => {
    const [task] = await planTasks(customers.vipStore.id);
    await database.db.updateTable("tasks").set({ status: "dismissed", closed_by: org.users.manager.id }).where("id", "=", task.id).execute();
    expect(await generatePlanTasks({ db: database.db, orgId: org.orgId, now: THURSDAY })).toMatchObject({ created: 0, reopened: 0 });
    expect((await planTasks(customers.vipStore.id))[0]).toMatchObject({ status: "dismissed", dismissed_reason: null });
  });

  it("applies a plan edit at once: moved weekdays, a new topic, a monthly call clamped to the month's end", async () => {
    const { plans } = { plans: await listPlans({ db: database.db, actor: org.users.manager.actor, now: THURSDAY }) };
    const important = plans.items.find((plan) => plan.tier === "important")!;
    const saved = await save(
      "important",
      {
        actions: [
          { ...important.actions[0], weekdays: [3, 1], topic: "电话回访：交付与售后" },
          { kind: "visit", cadence: "monthly", monthDay: 31, topic: "月度上门拜访", assignTo: "store" },
        ],
      },
      new Date("2026-02-24T02:00:00Z"),
    );
    // Horizon Tuesday 24 February – Monday 2 March: the whole organisation regenerates — two VIP customers daily, the
    // 重要 calls on Wednesday 25 and Monday 2 for each 重要 customer, the visit on the 31st falling on 28 February,
    // and the 质优 calls on Tuesday 24 and Friday 27.
    expect(saved.generation).toMatchObject({ horizonStart: "2026-02-24", horizonEnd: "2026-03-02", created: 2 * 7 + 2 * 2 + 2 + 2 });
    expect(saved.plan.actions.map((action) => [action.cadence, action.weekdays, action.monthDay])).toEqual([
      ["weekly", [1, 3], null],
      ["monthly", [], 31],
    ]);
    expect(saved.plan.actions[0].id).toBe(important.actions[0].id);
    const visits = (await planTasks(customers.important2.id)).filter((task) => task.kind === "visit");
    expect(visits.map((task) => [dayOf(task), task.assignee_id, task.store_id])).toEqual([["2026-02-28", null, org.storeB]]);

    // Back on Thursday 29 January's horizon: the Thursday calls no longer apply; Wednesdays do; titles follow the edit.
    const thursday = await generatePlanTasks({ db: database.db, orgId: org.orgId, now: THURSDAY });
    const open = (await planTasks(customers.important1.id)).filter((task) => task.status === "open" && dayOf(task) <= "2026-02-04");
    expect(open.map((task) => [task.kind, dayOf(task), task.title])).toEqual([
      ["visit", "2026-01-31", "月度上门拜访"],
      ["call", "2026-02-02", "电话回访：交付与售后"],
      ["call", "2026-02-04", "电话回访：交付与售后"],
    ]);
    expect(thursday.dismissed).toBeGreaterThanOrEqual(2);
    expect(thursday.updated).toBeGreaterThanOrEqual(2);
  });

  it("creates holiday tasks on the lunar date, and nothing for a switched-off plan", async () => {
    await save("quality", {
      actions: [{ kind: "greeting", cadence: "holidays", holidays: ["spring_festival"], topic: "春节上门拜年", assignTo: "account_manager" }],
    });
    const result = await generatePlanTasks({ db: database.db, orgId: org.orgId, now: new Date("2026-02-14T01:00:00Z"), days: 7 });
    expect(result.horizonEnd).toBe("2026-02-20");
    const greetings = (await planTasks(customers.quality.id)).filter((task) => task.kind === "greeting");
    expect(greetings.map(dayOf)).toEqual(["2026-02-17"]);

    const off = await save("vip", { isActive: false, actions: [] }, new Date("2026-02-14T01:00:00Z"));
    expect(off.plan.isActive).toBe(false);
    const openVip = (await planTasks(customers.vipStore.id)).filter((task) => task.status === "open" && dayOf(task) >= "2026-02-14");
    expect(openVip).toEqual([]);
  });

  it("runs as the daily job, safely twice", async () => {
    const context = {
      db: database.db,
      config: loadConfig({ KEXIN_LOG_LEVEL: "silent" }),
      mailer: { send: async () => {} } as never,
      log: { info: () => {}, error: () => {} },
      orgId: org.orgId,
      key: "2026-03-10",
      payload: {},
      now: new Date("2026-03-10T01:00:00Z"),
      deadline: new Date("2026-03-10T02:00:00Z"),
    };
    const first = await generatePlansJob.run(context);
    const second = await generatePlansJob.run(context);
    expect(first).toMatchObject({ horizonStart: "2026-03-10", horizonEnd: "2026-03-16" });
    expect((first as { created: number }).created).toBeGreaterThan(0);
    expect(second).toMatchObject({ created: 0, dismissed: 0, reopened: 0 });
  });
});
