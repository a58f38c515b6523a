/**
 * The complaints API on every database: store scope (a store manager never sees another store's complaints: 404),
 * settings and their validation, the escalation sweep's test clock, the report's rates, the store links and QR.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildPurchases, signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const SETTINGS = {
  timeZone: "Asia/Shanghai",
  workDays: [1, 2, 3, 4, 5],
  opensAt: "09:00",
  closesAt: "18:00",
  holidays: ["2026-05-01"],
  extraWorkdays: [],
  recoverySurveyId: null,
  staffKpiThresholdPercent: 10,
  policies: [{ severity: "critical", tier: null, firstResponseMinutes: 30, resolutionMinutes: 240 }],
};

describe.each(testDatabaseKinds)("complaints API on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let testHooksApp: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  const as = (who: SessionKey, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload && { payload }) });

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    testHooksApp = await buildTestApp(database, { isTestHooksEnabled: true });
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
  });
  afterAll(async () => {
    await app.close();
    await testHooksApp.close();
    await database.close();
  });

  it("keeps each store's complaints from the other store's manager (404, never listed)", async () => {
    const created = await as("agent", "POST", "/api/complaints", { category: "poor_service", subject: "排队太久", body: "等了半小时", channel: "dashboard" });
    expect(created.statusCode).toBe(201);
    const complaint = created.json();
    expect(complaint).toMatchObject({ storeId: org.storeA, channel: "dashboard", status: "open", number: expect.stringMatching(/^TS-/) });

    for (const [method, url, payload] of [
      ["GET", `/api/complaints/${complaint.id}`, undefined],
      ["PATCH", `/api/complaints/${complaint.id}`, { severity: "high" }],
      ["POST", `/api/complaints/${complaint.id}/notes`, { body: "peek" }],
      ["POST", `/api/complaints/${complaint.id}/replies`, { body: "hi", channel: "phone" }],
      ["POST", `/api/complaints/${complaint.id}/resolve`, { note: "done" }],
      ["POST", `/api/complaints/${complaint.id}/start`, undefined],
    ] as const) {
      const response = await as("storeManagerB", method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe("complaint.not_found");
    }
    const listB = await as("storeManagerB", "GET", "/api/complaints?pageSize=100");
    expect(listB.json().items.map((item: { id: string }) => item.id)).not.toContain(complaint.id);
    const listA = await as("store_manager", "GET", "/api/complaints?status=active");
    expect(listA.json().items.map((item: { id: string }) => item.id)).toContain(complaint.id);
    const reportB = await as("storeManagerB", "GET", "/api/complaints/report");
    expect(reportB.json().total).toBe(0);

    const started = await as("store_manager", "POST", `/api/complaints/${complaint.id}/start`);
    expect(started.json()).toMatchObject({ status: "in_progress", assigneeId: org.users.store_manager.id });
    const note = await as("store_manager", "POST", `/api/complaints/${complaint.id}/notes`, { body: "Called the shift lead." });
    expect(note.statusCode).toBe(201);
    expect(note.json().events.map((event: { kind: string }) => event.kind)).toEqual(["filed", "status", "note"]);
  });

  it("answers bad input with the field named", async () => {
    const missing = await as("agent", "POST", "/api/complaints", { category: "rude", subject: "", body: "x" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe("category");
    const foreignStore = await as("agent", "POST", "/api/complaints", { category: "other", subject: "s", body: "b", storeId: org.storeB });
    expect(foreignStore.json().error).toMatchObject({ code: "complaint.store_out_of_scope", field: "storeId" });
    const badAssignee = await as("agent", "POST", "/api/complaints", { category: "other", subject: "s", body: "b", assigneeId: org.users.storeManagerB.id });
    expect(badAssignee.json().error).toMatchObject({ code: "complaint.assignee_out_of_store", field: "assigneeId" });
  });

  it("lets managers change the settings, checked field by field; agents may only read them", async () => {
    expect((await as("agent", "GET", "/api/complaints/settings")).json()).toMatchObject({ timeZone: "Asia/Shanghai", opensAt: "09:00", policies: [] });
    expect((await as("agent", "PUT", "/api/complaints/settings", SETTINGS)).statusCode).toBe(403);
    expect((await as("store_manager", "PUT", "/api/complaints/settings", SETTINGS)).statusCode).toBe(403);
    const saved = await as("manager", "PUT", "/api/complaints/settings", SETTINGS);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ holidays: ["2026-05-01"], policies: SETTINGS.policies });
    const badZone = await as("manager", "PUT", "/api/complaints/settings", { ...SETTINGS, timeZone: "Mars/Olympus" });
    expect(badZone.json().error).toMatchObject({ code: "complaint_settings.time_zone", field: "timeZone" });
    const badHours = await as("manager", "PUT", "/api/complaints/settings", { ...SETTINGS, opensAt: "18:00", closesAt: "09:00" });
    expect(badHours.json().error).toMatchObject({ field: "closesAt" });
    const duplicate = await as("manager", "PUT", "/api/complaints/settings", { ...SETTINGS, policies: [SETTINGS.policies[0], SETTINGS.policies[0]] });
    expect(duplicate.json().error).toMatchObject({ code: "complaint_settings.policy_duplicate", field: "policies.1" });
  });

  it("runs the escalation sweep on demand; a chosen clock only on a test server", async () => {
    const refused = await as("manager", "POST", "/api/complaints/escalation-runs", { now: "2030-01-01T00:00:00Z" });
    expect(refused.json().error).toMatchObject({ code: "complaint.clock_not_allowed", field: "now" });
    expect((await as("agent", "POST", "/api/complaints/escalation-runs", {})).statusCode).toBe(403);
    const critical = await as("agent", "POST", "/api/complaints", { category: "product_quality", severity: "critical", subject: "漏电", body: "热水壶漏电" });
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const run = await testHooksApp.inject({
      method: "POST",
      url: "/api/complaints/escalation-runs",
      headers: { cookie: cookies.manager },
      payload: { now: later },
    });
    expect(run.statusCode).toBe(200);
    expect(run.json().escalated).toBeGreaterThanOrEqual(2);
    const escalated = (await as("agent", "GET", `/api/complaints/${critical.json().id}`)).json();
    expect(escalated.escalationLevel).toBe(2);
    expect(escalated.events.filter((event: { kind: string }) => event.kind === "escalated").map((event: { level: number }) => event.level)).toEqual([1, 2]);
    const breachedList = await as("agent", "GET", "/api/complaints?isBreached=true&pageSize=100");
    expect(breachedList.json().items.map((item: { id: string }) => item.id)).not.toContain(critical.json().id); // not yet breached at the real clock
  });

  it("reports rates per store and staff, SLA attainment, top reasons and repeat complainers", async () => {
    const reportOrg = await buildOrg(database.db, "Report org");
    const reportCookies = await signInEveryone(app, reportOrg);
    const customers = await Promise.all(Array.from({ length: 4 }, () => buildCustomer(database.db, reportOrg.orgId, { home_store_id: reportOrg.storeA })));
    await database.db.updateTable("customers").set({ account_manager_id: reportOrg.users.agent.id }).where("org_id", "=", reportOrg.orgId).execute();
    const now = Date.now();
    await buildPurchases(database.db, reportOrg.orgId, [
      { customerId: customers[0].id, storeId: reportOrg.storeA, occurredAt: new Date(now - 86_400_000), amount: 10 },
      { customerId: customers[1].id, storeId: reportOrg.storeA, occurredAt: new Date(now - 2 * 86_400_000), amount: 20 },
    ]);
    const post = (payload: object) =>
      app.inject({ method: "POST", url: "/api/complaints", headers: { cookie: reportCookies.manager }, payload: { subject: "s", body: "b", ...payload } });
    const first = (await post({ category: "rude_staff", storeId: reportOrg.storeA, customerId: customers[0].id, staffId: reportOrg.users.agent.id, assigneeId: reportOrg.users.agent.id })).json();
    await post({ category: "rude_staff", storeId: reportOrg.storeA, customerId: customers[0].id });
    await post({ category: "price", storeId: reportOrg.storeB });
    const resolved = await app.inject({ method: "POST", url: `/api/complaints/${first.id}/resolve`, headers: { cookie: reportCookies.manager }, payload: { note: "Sorry", compensation: { kind: "voucher", amount: 50 } } });
    expect(resolved.statusCode).toBe(200);

    const report = (await app.inject({ method: "GET", url: "/api/complaints/report", headers: { cookie: reportCookies.manager } })).json();
    expect(report).toMatchObject({ total: 3, open: 2, resolved: 1 });
    const storeA = report.byStore.find((row: { id: string }) => row.id === reportOrg.storeA);
    expect(storeA).toMatchObject({ complaints: 2, resolved: 1, resolutionRate: 0.5, customers: 4, orders: 2, perHundredCustomers: 50, perHundredOrders: 100 });
    expect(report.topReasons[0]).toEqual({ category: "rude_staff", count: 2, share: 0.6667 });
    expect(report.repeatComplainers).toEqual([expect.objectContaining({ customerId: customers[0].id, complaints: 2 })]);
    expect(report.sla).toMatchObject({ firstResponseAttainment: 1, firstResponseCounted: 1, resolutionAttainment: 1, resolutionCounted: 1 });
    expect(report.timeToResolve.count).toBe(1);
    const agent = report.staff.find((row: { staffId: string }) => row.staffId === reportOrg.users.agent.id);
    expect(agent).toMatchObject({ complaints: 1, customers: 4, complaintRatePercent: 25, handled: 1, handledResolved: 1, meetsTarget: false });
    // The store manager of store A sees store A only.
    const scoped = (await app.inject({ method: "GET", url: "/api/complaints/report", headers: { cookie: reportCookies.store_manager } })).json();
    expect(scoped.byStore.map((row: { id: string }) => row.id)).toEqual([reportOrg.storeA]);
    expect(scoped.total).toBe(2);
  });

  it("gives each store a complaint page link and its QR code, within the actor's stores", async () => {
    const links = (await as("store_manager", "GET", "/api/complaints/store-links")).json();
    expect(links.items).toHaveLength(1);
    expect(links.items[0]).toMatchObject({ storeId: org.storeA, url: expect.stringMatching(/\/c\/[A-Za-z0-9]{10}$/) });
    const again = (await as("manager", "GET", "/api/complaints/store-links")).json();
    expect(again.items.find((item: { storeId: string }) => item.storeId === org.storeA).slug).toBe(links.items[0].slug);
    const svg = await as("store_manager", "GET", `/api/complaints/store-links/${org.storeA}/qr.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/image\/svg\+xml/);
    expect(svg.body).toContain("<svg");
    const png = await as("store_manager", "GET", `/api/complaints/store-links/${org.storeA}/qr.png?size=256`);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    expect((await as("store_manager", "GET", `/api/complaints/store-links/${org.storeB}/qr.svg`)).statusCode).toBe(404);
  });
});
