/**
 * Plans and plan tasks over HTTP on every database: reading and editing the tier plans (plan.write only, bad input
 * named), regenerating now, the task list per person and per store (a store B manager never sees store A's plan
 * tasks), and working a plan call: the outcome and a B2B customer's service figures stored, on the timeline, and
 * trended on the customer page and in the report.
 */
import type { FastifyInstance } from "fastify";
import type { CustomerTier, Plan, PlanGeneration, PlanSaved, Task } from "@kexin/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("plans over HTTP on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  const customers: Record<string, { id: string }> = {};

  const call = (who: SessionKey, method: "GET" | "PUT" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const tasksOf = async (who: SessionKey, query = "") => {
    const response = await call(who, "GET", `/api/tasks?pageSize=200&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Task[] }).items;
  };

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    const specs: [string, CustomerTier, string][] = [
      ["company", "vip", org.storeA],
      ["personB", "vip", org.storeB],
      ["importantA", "important", org.storeA],
    ];
    for (const [name, tier, store] of specs) {
      customers[name] = await buildCustomer(database.db, org.orgId, { name, home_store_id: store });
      await database.db.insertInto("customer_values").values({ customer_id: customers[name].id, org_id: org.orgId, tier, computed_tier: tier }).execute();
    }
    await database.db
      .updateTable("customers")
      .set({ kind: "company", company: "华东精工有限公司", account_manager_id: org.users.agent.id })
      .where("id", "=", customers.company.id)
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe("plans", () => {
    it("shows every role that works tasks the four default plans, with customers per tier", async () => {
      const response = await call("agent", "GET", "/api/plans");
      expect(response.statusCode, response.body).toBe(200);
      const plans = (response.json() as { items: Plan[] }).items;
      expect(plans.map((plan) => [plan.tier, plan.customerCount, plan.actions[0].cadence, plan.actions[0].weekdays])).toEqual([
        ["vip", 2, "daily", []],
        ["important", 1, "weekly", [1, 4]],
        ["quality", 0, "weekly", [2, 5]],
        ["ordinary", 0, "holidays", []],
      ]);
      expect(plans[0].actions[0]).toMatchObject({ kind: "call", recordsServiceFigures: true, assignTo: "account_manager" });
      expect(plans[3].actions[0]).toMatchObject({ kind: "greeting", assignTo: "greetings", holidays: ["spring_festival", "mid_autumn", "national_day"] });
    });

    it("lets only plan.write edit a plan or regenerate", async () => {
      for (const who of ["agent", "store_manager"] as const) {
        expect((await call(who, "PUT", "/api/plans/vip", { actions: [] })).statusCode).toBe(403);
        expect((await call(who, "POST", "/api/plans/regenerate", {})).statusCode).toBe(403);
      }
    });

    it("refuses bad input with the field named", async () => {
      const cases: [string, object, string][] = [
        ["/api/plans/gold", { actions: [] }, "tier"],
        ["/api/plans/vip", { actions: [{ kind: "call", cadence: "weekly", weekdays: [], topic: "x" }] }, "actions.0.weekdays"],
        ["/api/plans/vip", { actions: [{ kind: "call", cadence: "weekly", weekdays: [8], topic: "x" }] }, "actions.0.weekdays.0"],
        ["/api/plans/vip", { actions: [{ kind: "call", cadence: "monthly", topic: "x" }] }, "actions.0.monthDay"],
        ["/api/plans/vip", { actions: [{ kind: "call", cadence: "daily", topic: " " }] }, "actions.0.topic"],
        ["/api/plans/vip", { actions: [{ kind: "call", cadence: "daily", topic: "x", assignTo: "greetings" }] }, "actions.0.assignTo"],
        ["/api/plans/vip", { actions: [{ id: "3f2b9c1e-0000-4000-8000-000000000000", kind: "call", cadence: "daily", topic: "x" }] }, "actions.0.id"],
      ];
      for (const [url, payload, field] of cases) {
        const response = await call("manager", "PUT", url, payload);
        expect(response.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      const days = await call("manager", "POST", "/api/plans/regenerate", { days: 90 });
      expect(days.statusCode).toBe(400);
      expect(days.json().error.field).toBe("days");
    });

    it("regenerates now, never twice, and a saved plan regenerates at once", async () => {
      const first = await call("manager", "POST", "/api/plans/regenerate", {});
      expect(first.statusCode, first.body).toBe(200);
      const generation = first.json() as PlanGeneration;
      // Two VIP customers called daily for 7 days, one 重要 customer twice in any 7 days.
      expect(generation).toMatchObject({ created: 2 * 7 + 2, dismissed: 0 });
      expect((await call("admin", "POST", "/api/plans/regenerate", {})).json()).toMatchObject({ created: 0, dismissed: 0 });

      const plans = (await call("manager", "GET", "/api/plans")).json().items as Plan[];
      const important = plans.find((plan) => plan.tier === "important")!;
      expect(important.openTaskCount).toBe(2);
      const saved = await call("manager", "PUT", "/api/plans/important", {
        actions: [{ ...important.actions[0], cadence: "daily", topic: "每日电话回访" }],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const body = saved.json() as PlanSaved;
      expect(body.generation).toMatchObject({ created: 7 - 2, updated: 2 });
      expect(body.plan).toMatchObject({ tier: "important", openTaskCount: 7, updatedByName: "manager user" });
      expect(body.plan.actions[0]).toMatchObject({ id: important.actions[0].id, cadence: "daily", topic: "每日电话回访" });
    });
  });

  describe("plan tasks", () => {
    it("keeps each store's plan tasks to itself; the account manager has theirs", async () => {
      const customerOf = (tasks: Task[]) => [...new Set(tasks.map((task) => task.customerName))].sort();
      expect(customerOf(await tasksOf("storeManagerB"))).toEqual(["personB"]);
      expect(customerOf(await tasksOf("store_manager"))).toEqual(["company", "importantA"]);
      const mine = await tasksOf("agent", "mine=true");
      expect(customerOf(mine)).toEqual(["company"]);
      expect(mine[0]).toMatchObject({ kind: "call", planTier: "vip", customerKind: "company", recordsServiceFigures: true, serviceFigures: null });
      // A manager picks one person's list; a store B manager picking store A's agent still sees nothing of store A.
      expect(customerOf(await tasksOf("manager", `assigneeId=${org.users.agent.id}`))).toEqual(["company"]);
      expect(await tasksOf("storeManagerB", `assigneeId=${org.users.agent.id}`)).toEqual([]);
      for (const task of mine) {
        const response = await call("storeManagerB", "PATCH", `/api/tasks/${task.id}`, { status: "done", outcome: "reached" });
        expect(response.statusCode).toBe(404);
      }
    });

    it("lists today's, upcoming and overdue tasks by the day in Shanghai", async () => {
      const today = await tasksOf("agent", "mine=true&status=open&due=today");
      expect(today).toHaveLength(1);
      const upcoming = await tasksOf("agent", "mine=true&due=upcoming");
      expect(upcoming).toHaveLength(6);
      expect(upcoming.every((task) => task.dueAt > today[0].dueAt)).toBe(true);
      expect(await tasksOf("agent", "mine=true&due=overdue")).toEqual([]);
    });

    it("records a reached call with service figures: stored, on the timeline, trended", async () => {
      const [task] = await tasksOf("agent", "mine=true&status=open&due=today");
      const bad = await call("agent", "PATCH", `/api/tasks/${task.id}`, {
        status: "done",
        outcome: "reached",
        serviceFigures: { onTimeDeliveryRate: 120, inspectionPassRate: 99 },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe("serviceFigures.onTimeDeliveryRate");
      const empty = await call("agent", "PATCH", `/api/tasks/${task.id}`, { status: "done", outcome: "reached", serviceFigures: {} });
      expect(empty.json().error.field).toBe("serviceFigures.onTimeDeliveryRate");
      const notDone = await call("agent", "PATCH", `/api/tasks/${task.id}`, { serviceFigures: { onTimeDeliveryRate: 90 } });
      expect(notDone.json().error).toMatchObject({ code: "task.figures_need_done", field: "serviceFigures" });

      const response = await call("agent", "PATCH", `/api/tasks/${task.id}`, {
        status: "done",
        outcome: "reached",
        outcomeNote: "本周两批次延迟",
        serviceFigures: { onTimeDeliveryRate: 96, inspectionPassRate: 98.5 },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: "done", outcome: "reached", serviceFigures: { onTimeDeliveryRate: 96, inspectionPassRate: 98.5 } });

      const timeline = (await call("agent", "GET", `/api/customers/${customers.company.id}/timeline`)).json();
      expect(timeline.items[0]).toMatchObject({
        kind: "call",
        summary: "电话：已联系上 · 准时交付率 96% · 验货合格率 98.5% — 本周两批次延迟",
        body: task.title,
        actorName: "agent user",
      });

      const figures = await call("agent", "GET", `/api/customers/${customers.company.id}/service-figures`);
      expect(figures.json().items).toEqual([
        expect.objectContaining({ taskId: task.id, onTimeDeliveryRate: 96, inspectionPassRate: 98.5, recordedByName: "agent user" }),
      ]);
      expect((await call("storeManagerB", "GET", `/api/customers/${customers.company.id}/service-figures`)).statusCode).toBe(404);

      const byTier = (await call("manager", "GET", "/api/service-figures/report?groupBy=tier&months=3")).json();
      expect(byTier.months).toHaveLength(3);
      expect(byTier.series).toEqual([
        { key: "vip", label: "vip", tier: "vip", onTimeDeliveryRate: [null, null, 96], inspectionPassRate: [null, null, 98.5], records: 1 },
      ]);
      const byCustomer = (await call("store_manager", "GET", "/api/service-figures/report?groupBy=customer")).json();
      expect(byCustomer.series.map((series: { label: string }) => series.label)).toEqual(["company"]);
      expect((await call("storeManagerB", "GET", "/api/service-figures/report?groupBy=customer")).json().series).toEqual([]);
      expect((await call("storeManagerB", "GET", `/api/service-figures/report?storeId=${org.storeA}`)).statusCode).toBe(404);
    });

    it("records a call not reached, without figures, and refuses figures for a person", async () => {
      const [task] = await tasksOf("storeManagerB", "status=open&due=today");
      const figures = await call("storeManagerB", "PATCH", `/api/tasks/${task.id}`, {
        status: "done",
        outcome: "reached",
        serviceFigures: { onTimeDeliveryRate: 90 },
      });
      expect(figures.json().error).toMatchObject({ code: "task.figures_need_company", field: "serviceFigures" });
      const response = await call("storeManagerB", "PATCH", `/api/tasks/${task.id}`, { status: "done", outcome: "not_reached" });
      expect(response.json()).toMatchObject({ status: "done", outcome: "not_reached", serviceFigures: null });
      const timeline = (await call("storeManagerB", "GET", `/api/customers/${customers.personB.id}/timeline`)).json();
      expect(timeline.items[0]).toMatchObject({ kind: "call", summary: "电话：未联系上" });
      expect(await tasksOf("storeManagerB", "status=open&due=today")).toEqual([]);
    });
  });
});
