import type { Feedback, FeedbackList, Timeline } from "@kexin/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("feedback inbox on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  /** Store A, phone and email known, account manager: the agent. */
  let liLei: { id: string };
  /** Store A, no account manager. */
  let wangFang: { id: string };
  /** Store B. */
  let zhaoMin: { id: string };

  const call = (who: SessionKey, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const create = async (who: SessionKey, payload: object) => {
    const response = await call(who, "POST", "/api/feedback", payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Feedback;
  };
  const tasksFor = (feedbackId: string) =>
    database.db.selectFrom("tasks").selectAll().where("org_id", "=", org.orgId).where("source_id", "=", feedbackId).execute();
  const timeline = async (customerId: string) => {
    const response = await call("admin", "GET", `/api/customers/${customerId}/timeline`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Timeline).items;
  };

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    liLei = await buildCustomer(database.db, org.orgId, {
      name: "李雷", home_store_id: org.storeA, phone: "138-0013-8000", email: "li.lei@example.cn",
    });
    await database.db.updateTable("customers").set({ account_manager_id: org.users.agent.id }).where("id", "=", liLei.id).execute();
    wangFang = await buildCustomer(database.db, org.orgId, { name: "王芳", home_store_id: org.storeA, phone: "13912345678" });
    zhaoMin = await buildCustomer(database.db, org.orgId, { name: "赵敏", home_store_id: org.storeB, phone: "13700000001" });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe("recording", () => {
    it("stores staff entry with its sentiment, themes and language, and answers 201", async () => {
      const feedback = await create("admin", { channel: "wechat", body: "店员很热情，环境干净", storeId: org.storeA, rating: 5 });
      expect(feedback).toMatchObject({
        channel: "wechat",
        body: "店员很热情，环境干净",
        rating: 5,
        language: "zh",
        sentimentBand: "positive",
        status: "new",
        storeId: org.storeA,
        storeName: "Store A",
        customerId: null,
        createdByName: "admin user",
        followUpTask: null,
      });
      expect(feedback.sentiment).toBeGreaterThan(0.5);
      expect(feedback.themes).toEqual(expect.arrayContaining(["热情", "干净"]));
    });

    it("reads English feedback as English", async () => {
      const feedback = await create("manager", { channel: "app_store", body: "The staff were rude and the checkout was slow", storeId: org.storeB });
      expect(feedback).toMatchObject({ language: "en", sentimentBand: "negative" });
      expect(feedback.themes).toEqual(expect.arrayContaining(["rude", "checkout"]));
    });

    it("files a store-bound user's feedback under their store by default", async () => {
      const feedback = await create("store_manager", { channel: "in_person", body: "希望增加停车位" });
      expect(feedback.storeId).toBe(org.storeA);
    });

    it("keeps hostile text verbatim and inert", async () => {
      const body = `<script>alert("x")</script><img src=x onerror=alert(1)> '; drop table feedback; -- 😡 =HYPERLINK("http://evil")`;
      const created = await create("agent", { channel: "web", body, authorName: "<b>Mallory</b>" });
      const read = await call("agent", "GET", `/api/feedback/${created.id}`);
      expect((read.json() as Feedback).body).toBe(body);
      expect((read.json() as Feedback).authorName).toBe("<b>Mallory</b>");
      const list = (await call("agent", "GET", `/api/feedback?q=${encodeURIComponent("drop table")}`)).json() as FeedbackList;
      expect(list.items.map((item) => item.id)).toEqual([created.id]);
      expect(list.items[0].excerpt).toContain("<script>");
      const count = await database.db.selectFrom("feedback").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThan(0);
    });

    it("refuses bad input with a 400 naming the field", async () => {
      const cases: [object, string][] = [
        [{ channel: "wechat", body: "   " }, "body"],
        [{ channel: "fax", body: "hello" }, "channel"],
        [{ channel: "phone", body: "hello", rating: 6 }, "rating"],
        [{ channel: "phone", body: "hello", customerPhone: "call me maybe" }, "customerPhone"],
        [{ channel: "phone", body: "x".repeat(10_001) }, "body"],
        [{ channel: "phone", body: "hello", receivedAt: new Date(Date.now() + 86_400_000).toISOString() }, "receivedAt"],
      ];
      for (const [payload, field] of cases) {
        const response = await call("admin", "POST", "/api/feedback", payload);
        expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
    });

    it("keeps store-bound users inside their stores", async () => {
      const otherStore = await call("store_manager", "POST", "/api/feedback", { channel: "phone", body: "排队太久", storeId: org.storeB });
      expect(otherStore.statusCode).toBe(400);
      expect(otherStore.json().error).toMatchObject({ code: "feedback.store_out_of_scope", field: "storeId" });
      const otherCustomer = await call("agent", "POST", "/api/feedback", { channel: "phone", body: "排队太久", customerId: zhaoMin.id });
      expect(otherCustomer.statusCode).toBe(404);
      expect(otherCustomer.json().error.code).toBe("customer.not_found");
      // A phone of another store's customer is not matched: the feedback stays anonymous, with the contact kept.
      const byPhone = await create("agent", { channel: "phone", body: "东西不错", customerPhone: "13700000001" });
      expect(byPhone).toMatchObject({ customerId: null, authorContact: "13700000001", storeId: org.storeA });
    });

    it("stores one item per channel and sourceRef: an integration's retry gets the same item with 200", async () => {
      const payload = { channel: "weibo", body: "微博上的留言：环境不错", sourceRef: "weibo-42", storeId: org.storeA };
      const first = await create("admin", payload);
      const again = await call("admin", "POST", "/api/feedback", payload);
      expect(again.statusCode).toBe(200);
      expect((again.json() as Feedback).id).toBe(first.id);
      const otherChannel = await create("admin", { ...payload, channel: "wechat" });
      expect(otherChannel.id).not.toBe(first.id);
      // The same reference from a store the caller cannot see is refused without revealing the item.
      const hidden = await create("admin", { ...payload, sourceRef: "weibo-43", storeId: org.storeB });
      const probe = await call("agent", "POST", "/api/feedback", { ...payload, sourceRef: "weibo-43" });
      expect(probe.statusCode).toBe(409);
      expect(probe.body).not.toContain(hidden.id);
    });
  });

  describe("closing the loop", () => {
    it("links a customer found by phone, puts the feedback on the timeline and opens one follow-up for the account manager", async () => {
      const feedback = await create("agent", { channel: "phone", body: "服务态度很差，排队太久", customerPhone: "+86 138 0013 8000" });
      expect(feedback).toMatchObject({ customerId: liLei.id, customerName: "李雷", storeId: org.storeA, sentimentBand: "negative" });
      expect(feedback.followUpTask).toMatchObject({ status: "open", assigneeName: "agent user" });
      const tasks = await tasksFor(feedback.id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        kind: "follow_up", source_type: "feedback", customer_id: liLei.id, store_id: org.storeA,
        assignee_id: org.users.agent.id, dedupe_key: `feedback:${feedback.id}`,
      });
      expect(tasks[0].title).toContain("排队太久");
      const events = await timeline(liLei.id);
      expect(events.filter((event) => event.kind === "feedback" && event.summary === "服务态度很差，排队太久")).toHaveLength(1);
      expect(events.filter((event) => event.kind === "task")).toHaveLength(1);

      // Unlinking and linking again neither duplicates the task nor the timeline entry.
      expect((await call("admin", "PATCH", `/api/feedback/${feedback.id}`, { customerId: null })).statusCode).toBe(200);
      const relinked = await call("admin", "PATCH", `/api/feedback/${feedback.id}`, { customerId: liLei.id });
      expect(relinked.statusCode, relinked.body).toBe(200);
      expect(await tasksFor(feedback.id)).toHaveLength(1);
      const after = await timeline(liLei.id);
      expect(after.filter((event) => event.kind === "feedback" && event.summary === "服务态度很差，排队太久")).toHaveLength(1);
    });

    it("gives the follow-up to the store when the customer has no account manager", async () => {
      const feedback = await create("admin", { channel: "email", body: "I am not happy, the fitting room was dirty", customerId: wangFang.id });
      const [task] = await tasksFor(feedback.id);
      expect(task).toMatchObject({ assignee_id: null, store_id: org.storeA, customer_id: wangFang.id });
      expect(task.title).toMatch(/^Negative feedback/);
    });

    it("opens no task for positive feedback or unknown customers, but still records the timeline", async () => {
      const praise = await create("admin", { channel: "in_person", body: "非常满意，下次还来", customerId: wangFang.id });
      expect(await tasksFor(praise.id)).toHaveLength(0);
      expect((await timeline(wangFang.id)).some((event) => event.kind === "feedback" && event.summary === "非常满意，下次还来")).toBe(true);
      const anonymous = await create("admin", { channel: "phone", body: "服务态度很差", storeId: org.storeA });
      expect(anonymous.followUpTask).toBeNull();
      expect(await tasksFor(anonymous.id)).toHaveLength(0);
    });

    it("links a customer later and opens the follow-up then", async () => {
      const feedback = await create("agent", { channel: "wechat", body: "卫生间很脏，没人管" });
      expect(await tasksFor(feedback.id)).toHaveLength(0);
      const linked = await call("agent", "PATCH", `/api/feedback/${feedback.id}`, { customerId: wangFang.id });
      expect(linked.statusCode, linked.body).toBe(200);
      expect((linked.json() as Feedback).followUpTask).not.toBeNull();
      expect(await tasksFor(feedback.id)).toHaveLength(1);
    });
  });

  describe("working an item", () => {
    it("changes status and assignee, and refuses an assignee who cannot see the store", async () => {
      const feedback = await create("store_manager", { channel: "phone", body: "收银太慢了" });
      const assigned = await call("store_manager", "PATCH", `/api/feedback/${feedback.id}`, { status: "in_progress", assigneeId: org.users.agent.id });
      expect(assigned.statusCode, assigned.body).toBe(200);
      expect(assigned.json()).toMatchObject({ status: "in_progress", assigneeId: org.users.agent.id, assigneeName: "agent user" });
      const mine = (await call("agent", "GET", `/api/feedback?assigneeId=${org.users.agent.id}`)).json() as FeedbackList;
      expect(mine.items.map((item) => item.id)).toContain(feedback.id);

      const outsider = await call("store_manager", "PATCH", `/api/feedback/${feedback.id}`, { assigneeId: org.users.storeManagerB.id });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json().error).toMatchObject({ code: "feedback.assignee_out_of_store", field: "assigneeId" });
      const unknown = await call("store_manager", "PATCH", `/api/feedback/${feedback.id}`, { assigneeId: "3f2b9c1e-0000-4000-8000-000000000000" });
      expect(unknown.json().error.field).toBe("assigneeId");

      const closed = await call("agent", "PATCH", `/api/feedback/${feedback.id}`, { status: "closed", assigneeId: null });
      expect(closed.json()).toMatchObject({ status: "closed", assigneeId: null });
    });

    it("moves an item between stores only within the actor's reach", async () => {
      const feedback = await create("admin", { channel: "web", body: "网站下单后没人联系", storeId: org.storeA });
      const toB = await call("store_manager", "PATCH", `/api/feedback/${feedback.id}`, { storeId: org.storeB });
      expect(toB.statusCode).toBe(400);
      expect(toB.json().error.field).toBe("storeId");
      const cleared = await call("store_manager", "PATCH", `/api/feedback/${feedback.id}`, { storeId: null });
      expect(cleared.json().error).toMatchObject({ code: "feedback.store_required", field: "storeId" });
      const moved = await call("manager", "PATCH", `/api/feedback/${feedback.id}`, { storeId: org.storeB });
      expect(moved.json()).toMatchObject({ storeId: org.storeB, storeName: "Store B" });
      expect((await call("store_manager", "GET", `/api/feedback/${feedback.id}`)).statusCode).toBe(404);
      expect((await call("storeManagerB", "GET", `/api/feedback/${feedback.id}`)).statusCode).toBe(200);
    });
  });

  describe("store scope", () => {
    it("never shows store A feedback to store B's manager, and answers 404 for it", async () => {
      const secret = await create("admin", { channel: "phone", body: "A店的机密投诉：排队", storeId: org.storeA });
      const orgWide = await create("admin", { channel: "other", body: "没有门店的总部留言" });
      expect(orgWide.storeId).toBeNull();

      const seenByB = (await call("storeManagerB", "GET", "/api/feedback?pageSize=100")).json() as FeedbackList;
      expect(seenByB.items.length).toBeGreaterThan(0);
      expect(seenByB.items.every((item) => item.storeId === org.storeB)).toBe(true);
      const askedForA = (await call("storeManagerB", "GET", `/api/feedback?storeId=${org.storeA}`)).json() as FeedbackList;
      expect(askedForA).toEqual({ items: [], total: 0 });
      const themesOfA = await call("storeManagerB", "GET", `/api/feedback/themes?storeId=${org.storeA}`);
      expect(themesOfA.json()).toEqual({ total: 0, themes: [] });

      for (const [method, payload] of [["GET", undefined], ["PATCH", { status: "closed" }]] as const) {
        const response = await call("storeManagerB", method, `/api/feedback/${secret.id}`, payload);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe("feedback.not_found");
      }
      const seenByAgent = (await call("agent", "GET", "/api/feedback?pageSize=100")).json() as FeedbackList;
      expect(seenByAgent.items.every((item) => item.storeId === org.storeA)).toBe(true);
      expect(seenByAgent.items.map((item) => item.id)).toContain(secret.id);
      expect((await call("agent", "GET", `/api/feedback/${orgWide.id}`)).statusCode).toBe(404);
      expect((await call("manager", "GET", `/api/feedback/${orgWide.id}`)).statusCode).toBe(200);
    });

    it("answers 404 for feedback of another organisation", async () => {
      const other = await buildOrg(database.db, "Other Org");
      const foreign = await database.db
        .insertInto("feedback")
        .values({ org_id: other.orgId, channel: "phone", body: "别家的反馈" })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect((await call("admin", "GET", `/api/feedback/${foreign.id}`)).statusCode).toBe(404);
      expect((await call("admin", "PATCH", `/api/feedback/${foreign.id}`, { status: "closed" })).statusCode).toBe(404);
      const list = (await call("admin", "GET", "/api/feedback?q=别家")).json() as FeedbackList;
      expect(list.total).toBe(0);
    });
  });
});
