import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Customer, CustomerList, Timeline } from "@kexin/contracts";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildPurchases, signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("customer archive on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;

  const call = (who: SessionKey, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const list = async (who: SessionKey, query: string) => {
    const response = await call(who, "GET", `/api/customers?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CustomerList;
  };

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe("writing", () => {
    it("creates a customer with every field and answers 201", async () => {
      const response = await call("admin", "POST", "/api/customers", {
        code: "C-001",
        name: "王芳",
        phone: "+86 138-0013-8000",
        email: "Wang.Fang@Example.cn",
        birthday: "1990-05-01",
        homeStoreId: org.storeA,
        accountManagerId: org.users.agent.id,
        tags: ["VIP", "VIP", "茶"],
        attributes: { floor: 3 },
        personalNote: "喜欢安静的座位",
      });
      expect(response.statusCode, response.body).toBe(201);
      const customer = response.json() as Customer;
      expect(customer).toMatchObject({
        code: "C-001",
        name: "王芳",
        email: "wang.fang@example.cn",
        homeStoreName: "Store A",
        accountManagerName: "agent user",
        tags: ["VIP", "茶"],
        status: "active",
        isErased: false,
        purchaseCount: 0,
        consent: { email: true, sms: true, wechat: true, phone: true },
      });
    });

    it.each([
      [{ name: "x", email: "not-an-email" }, "email", /email must be a valid address/],
      [{ name: "" }, "name", /name is required/],
      [{ name: "x", phone: "call me" }, "phone", /phone must be digits/],
      [{ name: "x", birthday: "1990-13-45" }, "birthday", /birthday/],
      [{ name: "x", homeStoreId: "not-a-uuid" }, "homeStoreId", /homeStoreId/],
    ])("refuses %j with 400 naming the field", async (payload, field, message) => {
      const response = await call("admin", "POST", "/api/customers", payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe(field);
      expect(response.json().error.message).toMatch(message);
    });

    it("refuses a duplicate code with 409 naming the field, on create and on update", async () => {
      await call("admin", "POST", "/api/customers", { name: "A", code: "DUP-1" });
      const again = await call("admin", "POST", "/api/customers", { name: "B", code: "DUP-1" });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: "customer.code_taken", field: "code" });
      const other = (await call("admin", "POST", "/api/customers", { name: "C", code: "DUP-2" })).json() as Customer;
      const patch = await call("admin", "PATCH", `/api/customers/${other.id}`, { code: "DUP-1" });
      expect(patch.statusCode).toBe(409);
      expect(patch.json().error.field).toBe("code");
    });

    it("checks the home store and the account manager belong to the organisation and the actor's stores", async () => {
      const otherOrg = await buildOrg(database.db, "Other Org");
      const foreignStore = await call("admin", "POST", "/api/customers", { name: "x", homeStoreId: otherOrg.storeA });
      expect(foreignStore.statusCode).toBe(400);
      expect(foreignStore.json().error.field).toBe("homeStoreId");
      const foreignManager = await call("admin", "POST", "/api/customers", { name: "x", accountManagerId: otherOrg.users.admin.id });
      expect(foreignManager.json().error.field).toBe("accountManagerId");
      const outOfScope = await call("store_manager", "POST", "/api/customers", { name: "x", homeStoreId: org.storeB });
      expect(outOfScope.statusCode).toBe(400);
      expect(outOfScope.json().error.field).toBe("homeStoreId");
    });

    it("files a store manager's new customer under their store when none is given", async () => {
      const response = await call("store_manager", "POST", "/api/customers", { name: "门店客户" });
      expect(response.statusCode).toBe(201);
      expect(response.json().homeStoreId).toBe(org.storeA);
    });

    it("changes only the fields sent", async () => {
      const created = (await call("admin", "POST", "/api/customers", { name: "Li", tags: ["keep"], city: "杭州" })).json() as Customer;
      const response = await call("admin", "PATCH", `/api/customers/${created.id}`, { phone: "13900000000", city: "" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: "Li", tags: ["keep"], phone: "13900000000", city: null });
      const bad = await call("admin", "PATCH", `/api/customers/${created.id}`, { email: "nope" });
      expect(bad.json().error.field).toBe("email");
    });
  });

  describe("listing and search", () => {
    beforeAll(async () => {
      const names = ["张伟", "张伟明", "李娜", "王秀英"];
      for (const [index, name] of names.entries()) {
        await buildCustomer(database.db, org.orgId, {
          name,
          code: `S-${index}`,
          phone: `1380000${String(index).padStart(4, "0")}`,
          home_store_id: index % 2 ? org.storeB : org.storeA,
          tags: ["search"],
        });
      }
      for (let index = 0; index < 25; index++) {
        await buildCustomer(database.db, org.orgId, { name: `Paging ${index}`, home_store_id: org.storeA, tags: ["paging"] });
      }
    });

    it("finds by a Chinese name fragment, a phone fragment and a code, case-insensitively", async () => {
      expect((await list("admin", `tag=search&q=${encodeURIComponent("张伟")}`)).items.map((c) => c.name).sort()).toEqual([
        "张伟",
        "张伟明",
      ]);
      expect((await list("admin", `q=${encodeURIComponent("秀英")}`)).items.map((c) => c.name)).toEqual(["王秀英"]);
      expect((await list("admin", "tag=search&q=00002")).items.map((c) => c.name)).toEqual(["李娜"]);
      expect((await list("admin", "tag=search&q=s-3")).items.map((c) => c.name)).toEqual(["王秀英"]);
    });

    it("searches for % and _ literally", async () => {
      expect((await list("admin", `q=${encodeURIComponent("%")}`)).total).toBe(0);
      expect((await list("admin", "q=_")).total).toBe(0);
    });

    it("pages with a stable order and the total of all matches", async () => {
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(await list("admin", `tag=paging&sort=name&order=asc&pageSize=10&page=${page}`));
      expect(pages.map((p) => p.total)).toEqual([25, 25, 25]);
      expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
      const ids = pages.flatMap((p) => p.items.map((c) => c.id));
      expect(new Set(ids).size).toBe(25);
    });

    it("limits store managers and agents to their stores' customers", async () => {
      const all = await list("admin", "tag=search");
      const mine = await list("store_manager", "tag=search");
      expect(all.total).toBe(4);
      expect(mine.items.map((c) => c.name).sort()).toEqual(["张伟", "李娜"].sort());
      expect(mine.items.every((c) => c.homeStoreId === org.storeA)).toBe(true);
      expect(mine.total).toBe(2);
      expect((await list("agent", `tag=search&storeId=${org.storeB}`)).total).toBe(0);
      expect((await list("manager", `tag=search&storeId=${org.storeB}`)).total).toBe(2);
    });

    it("sorts customers who never bought last, in both directions", async () => {
      const [early, late, never] = await Promise.all(
        ["Sort early", "Sort late", "Sort never"].map((name) =>
          buildCustomer(database.db, org.orgId, { name, home_store_id: org.storeA, tags: ["sorting"] }),
        ),
      );
      await buildPurchases(database.db, org.orgId, [
        { customerId: early.id, storeId: org.storeA, occurredAt: "2024-01-01T00:00:00Z", amount: 10 },
        { customerId: late.id, storeId: org.storeA, occurredAt: "2024-06-01T00:00:00Z", amount: 500 },
      ]);
      const names = async (order: string) => (await list("admin", `tag=sorting&sort=lastPurchaseAt&order=${order}`)).items.map((c) => c.name);
      expect(await names("desc")).toEqual([late.name, early.name, never.name]);
      expect(await names("asc")).toEqual([early.name, late.name, never.name]);
      expect((await list("admin", "tag=sorting&minTotalSpent=100")).items.map((c) => c.name)).toEqual([late.name]);
      expect((await list("admin", "tag=sorting&activeWithinDays=30")).total).toBe(0);
    });

    it("hides archived customers from the default list and brings them back on restore", async () => {
      const customer = await buildCustomer(database.db, org.orgId, { name: "To archive", home_store_id: org.storeA, tags: ["archiving"] });
      expect((await call("store_manager", "POST", `/api/customers/${customer.id}/archive`)).json().status).toBe("archived");
      expect((await list("admin", "tag=archiving")).total).toBe(0);
      expect((await list("admin", "tag=archiving&status=archived")).items.map((c) => c.id)).toEqual([customer.id]);
      expect((await list("admin", "tag=archiving&status=all")).total).toBe(1);
      expect((await call("store_manager", "POST", `/api/customers/${customer.id}/restore`)).json().status).toBe("active");
      expect((await list("admin", "tag=archiving")).total).toBe(1);
      const audit = await database.db.selectFrom("audit_log").select("action").where("target_id", "=", customer.id).orderBy("created_at").execute();
      expect(audit.map((a) => a.action)).toEqual(["customer.archive", "customer.restore"]);
    });

    it("names the field of a bad list query", async () => {
      const response = await call("admin", "GET", "/api/customers?pageSize=1000");
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe("pageSize");
    });
  });

  describe("store scope on a single customer", () => {
    it("answers 404 (not 403) to a store A manager for a store B customer, and 200 to admins", async () => {
      const customerB = await buildCustomer(database.db, org.orgId, { name: "B only", home_store_id: org.storeB });
      for (const who of ["store_manager", "agent"] as const) {
        expect((await call(who, "GET", `/api/customers/${customerB.id}`)).statusCode).toBe(404);
        expect((await call(who, "PATCH", `/api/customers/${customerB.id}`, { name: "x" })).statusCode).toBe(404);
        expect((await call(who, "GET", `/api/customers/${customerB.id}/timeline`)).statusCode).toBe(404);
      }
      expect((await call("storeManagerB", "GET", `/api/customers/${customerB.id}`)).statusCode).toBe(200);
      expect((await call("manager", "GET", `/api/customers/${customerB.id}`)).statusCode).toBe(200);
    });

    it("answers 404 for another organisation's customer", async () => {
      const otherOrg = await buildOrg(database.db, "Elsewhere");
      const foreign = await buildCustomer(database.db, otherOrg.orgId, { name: "Foreign" });
      expect((await call("admin", "GET", `/api/customers/${foreign.id}`)).statusCode).toBe(404);
    });
  });

  describe("timeline", () => {
    it("merges purchases and interactions newest first and pages by `before`", async () => {
      const customer = await buildCustomer(database.db, org.orgId, { name: "Timeline", home_store_id: org.storeA });
      await buildPurchases(database.db, org.orgId, [
        { customerId: customer.id, storeId: org.storeA, occurredAt: "2025-01-01T10:00:00Z", amount: 100, channel: "store" },
        { customerId: customer.id, storeId: org.storeA, occurredAt: "2025-03-01T10:00:00Z", amount: 300 },
      ]);
      for (const [at, summary] of [["2025-02-01T10:00:00Z", "February call"], ["2025-04-01T10:00:00Z", "April visit"]]) {
        const response = await call("agent", "POST", `/api/customers/${customer.id}/interactions`, {
          kind: "call",
          summary,
          occurredAt: at,
        });
        expect(response.statusCode, response.body).toBe(201);
        expect(response.json()).toMatchObject({ kind: "call", summary, actorName: "agent user", storeName: "Store A" });
      }
      const first = (await call("agent", "GET", `/api/customers/${customer.id}/timeline?limit=3`)).json() as Timeline;
      expect(first.items.map((e) => [e.kind, e.at.slice(0, 7), e.amount])).toEqual([
        ["call", "2025-04", null],
        ["purchase", "2025-03", 300],
        ["call", "2025-02", null],
      ]);
      expect(first.hasMore).toBe(true);
      const before = encodeURIComponent(first.items[2].at);
      const rest = (await call("agent", "GET", `/api/customers/${customer.id}/timeline?limit=3&before=${before}`)).json() as Timeline;
      expect(rest.items.map((e) => [e.kind, e.summary, e.storeName])).toEqual([["purchase", "store", "Store A"]]);
      expect(rest.hasMore).toBe(false);
    });

    it("names the field of a bad interaction", async () => {
      const customer = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA });
      const response = await call("agent", "POST", `/api/customers/${customer.id}/interactions`, { kind: "fax", summary: "x" });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe("kind");
    });
  });
});
