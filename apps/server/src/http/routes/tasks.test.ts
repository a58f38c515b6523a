/**
 * Tasks on every database: who sees which (a store B manager never sees store A's), the due filters and counts, and
 * closing a follow-up with an outcome that lands on the customer's timeline once.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { listTasks } from "../../domain/tasks/list-tasks.ts";
import { createFollowUpTask } from "../../domain/tasks/create-follow-up-task.ts";
import { addDays, localDay } from "../../domain/plans/plan-calendar.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const HOUR = 3_600_000;

describe.each(testDatabaseKinds)("tasks on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let customerA: { id: string };
  const ids: Record<string, string> = {};
  const dueAt: Record<string, number> = {};

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    customerA = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA });
    const customerB = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeB });
    const now = Date.now();
    const tasks = {
      a_overdue: { customerId: customerA.id, storeId: org.storeA, assigneeId: null, dueAt: new Date(now - 48 * HOUR) },
      a_agent: { customerId: customerA.id, storeId: org.storeA, assigneeId: org.users.agent.id, dueAt: new Date(now + 24 * HOUR) },
      b_store: { customerId: customerB.id, storeId: org.storeB, assigneeId: null, dueAt: new Date(now + 2 * HOUR) },
      b_for_manager_a: { customerId: customerB.id, storeId: org.storeB, assigneeId: org.users.store_manager.id, dueAt: new Date(now + 72 * HOUR) },
      org_wide: { customerId: null, storeId: null, assigneeId: org.users.manager.id, dueAt: new Date(now - HOUR) },
    };
    for (const [name, task] of Object.entries(tasks)) {
      const created = await createFollowUpTask(database.db, {
        orgId: org.orgId,
        ...task,
        sourceType: "survey_response",
        sourceId: crypto.randomUUID(),
        title: `NPS 3 — ${name}`,
        dedupeKey: `test:${name}`,
      });
      ids[name] = created.id;
      dueAt[name] = task.dueAt.getTime();
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const list = async (who: SessionKey, query = "") => {
    const response = await app.inject({ method: "GET", url: `/api/tasks?${query}`, headers: { cookie: cookies[who] } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: { id: string; title: string; isOverdue: boolean }[]; total: number; openCount: number; overdueCount: number };
  };
  const names = (items: { id: string }[]) => items.map((item) => Object.keys(ids).find((name) => ids[name] === item.id));
  const patch = (who: SessionKey, id: string, payload: object) =>
    app.inject({ method: "PATCH", url: `/api/tasks/${id}`, payload, headers: { cookie: cookies[who] } });

  describe("listing", () => {
    it("shows organisation-wide roles every task, soonest due first, with counts", async () => {
      for (const who of ["admin", "manager"] as const) {
        const page = await list(who, "status=open");
        expect(names(page.items)).toEqual(["a_overdue", "org_wide", "b_store", "a_agent", "b_for_manager_a"]);
        expect(page).toMatchObject({ total: 5, openCount: 5, overdueCount: 2 });
        expect(page.items[0].isOverdue).toBe(true);
      }
    });

    it("shows store-bound staff their stores' tasks and the tasks assigned to them, never another store's", async () => {
      expect(names((await list("store_manager")).items)).toEqual(["a_overdue", "a_agent", "b_for_manager_a"]);
      expect(names((await list("agent")).items)).toEqual(["a_overdue", "a_agent"]);
      const storeB = await list("storeManagerB");
      expect(names(storeB.items)).toEqual(["b_store", "b_for_manager_a"]);
      expect(storeB).toMatchObject({ openCount: 2, overdueCount: 0 });
    });

    it("narrows to mine, a customer, or overdue tasks", async () => {
      expect(names((await list("agent", "mine=true")).items)).toEqual(["a_agent"]);
      expect(names((await list("admin", `customerId=${customerA.id}`)).items)).toEqual(["a_overdue", "a_agent"]);
      const overdue = await list("admin", "due=overdue");
      expect(names(overdue.items)).toEqual(["a_overdue", "org_wide"]);
      expect(overdue).toMatchObject({ total: 2, openCount: 5 });
      const paged = await list("admin", "pageSize=2&page=2");
      expect(names(paged.items)).toEqual(["b_store", "a_agent"]);
      expect(paged.total).toBe(5);
    });

    it("takes today as the calendar day in Asia/Shanghai, whatever the server's time zone", async () => {
      const day = localDay(new Date());
      const at = (days: number, hours: number) => new Date(`${addDays(day, days)}T${String(hours).padStart(2, "0")}:00:00+08:00`);
      const noon = at(0, 12);
      const extra = { midnight: at(0, 0), afternoon: at(0, 15), tomorrow: at(1, 0), yesterday: at(-1, 23) };
      for (const [name, due] of Object.entries(extra)) {
        const created = await createFollowUpTask(database.db, {
          orgId: org.orgId,
          customerId: null,
          storeId: org.storeA,
          assigneeId: null,
          sourceType: "feedback",
          sourceId: crypto.randomUUID(),
          title: name,
          dedupeKey: `test:${name}`,
          dueAt: due,
        });
        ids[name] = created.id;
        dueAt[name] = due.getTime();
      }
      const input = { mine: false, page: 1, pageSize: 50 } as const;
      const actor = org.users.admin.actor;
      const today = await listTasks({ db: database.db, actor, input: { ...input, due: "today" }, now: noon });
      const start = at(0, 0).getTime();
      const end = at(1, 0).getTime();
      const expected = Object.keys(dueAt).filter((name) => dueAt[name] >= start && dueAt[name] < end);
      expect(expected).toEqual(expect.arrayContaining(["midnight", "afternoon"]));
      expect(names(today.items).sort()).toEqual(expected.sort());
      const overdue = await listTasks({ db: database.db, actor, input: { ...input, due: "overdue" }, now: noon });
      expect(names(overdue.items)).toEqual(expect.arrayContaining(["yesterday", "midnight"]));
      expect(names(overdue.items)).not.toContain("afternoon");
    });

    it("refuses a bad filter with the field named", async () => {
      const response = await app.inject({ method: "GET", url: "/api/tasks?due=tomorrow", headers: { cookie: cookies.admin } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe("due");
    });
  });

  describe("updating", () => {
    it("answers 404 task.not_found for another store's task and an unknown one", async () => {
      for (const id of [ids.a_overdue, "3f2b9c1e-0000-4000-8000-000000000000"]) {
        const response = await patch("storeManagerB", id, { status: "done" });
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe("task.not_found");
      }
    });

    it("closes a task with an outcome, writes it on the customer's timeline once, and reopens", async () => {
      const response = await patch("store_manager", ids.a_overdue, { status: "done", outcome: "reached", outcomeNote: "已回电，顾客接受了补偿" });
      expect(response.statusCode, response.body).toBe(200);
      const task = response.json();
      expect(task).toMatchObject({ status: "done", outcome: "reached", outcomeNote: "已回电，顾客接受了补偿", isOverdue: false });
      expect(task.closedAt).not.toBeNull();
      await patch("store_manager", ids.a_overdue, { status: "done", outcome: "reached" });

      const interactions = await database.db
        .selectFrom("interactions")
        .select(["kind", "summary", "body", "user_id"])
        .where("customer_id", "=", customerA.id)
        .where("summary", "like", "跟进：%")
        .execute();
      expect(interactions).toEqual([
        { kind: "task", summary: "跟进：已联系上 — 已回电，顾客接受了补偿", body: "NPS 3 — a_overdue", user_id: org.users.store_manager.id },
      ]);

      const reopened = await patch("store_manager", ids.a_overdue, { status: "open" });
      expect(reopened.json()).toMatchObject({ status: "open", closedAt: null, isOverdue: true });
    });

    it("writes the timeline line in the language of whoever closes the task", async () => {
      await database.db.updateTable("users").set({ locale: "en" }).where("id", "=", org.users.agent.id).execute();
      const response = await patch("agent", ids.a_agent, { status: "done", outcome: "not_reached", outcomeNote: "no answer" });
      expect(response.statusCode).toBe(200);
      const line = await database.db
        .selectFrom("interactions")
        .select("summary")
        .where("customer_id", "=", customerA.id)
        .where("user_id", "=", org.users.agent.id)
        .executeTakeFirstOrThrow();
      expect(line.summary).toBe("Follow-up: not reached — no answer");
    });

    it("refuses an outcome on a task that is not done, naming the field", async () => {
      const response = await patch("admin", ids.b_store, { outcome: "resolved" });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: "task.outcome_needs_done", field: "outcome" });
    });

    it("reassigns only to a colleague who can work the task's store", async () => {
      const wrong = await patch("admin", ids.b_store, { assigneeId: org.users.agent.id });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toMatchObject({ code: "task.assignee_invalid", field: "assigneeId" });
      const right = await patch("admin", ids.b_store, { assigneeId: org.users.storeManagerB.id });
      expect(right.json()).toMatchObject({ assigneeId: org.users.storeManagerB.id, assigneeName: "storeManagerB user" });
      const back = await patch("storeManagerB", ids.b_store, { assigneeId: null });
      expect(back.json().assigneeId).toBeNull();
    });

    it("dismisses a task without touching the timeline", async () => {
      const before = await database.db.selectFrom("interactions").select("id").execute();
      const response = await patch("manager", ids.org_wide, { status: "dismissed" });
      expect(response.json()).toMatchObject({ status: "dismissed", outcome: null });
      expect(await database.db.selectFrom("interactions").select("id").execute()).toHaveLength(before.length);
    });
  });
});
