import type { FeedbackImportReport, FeedbackList } from "@kexin/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { multipartBody } from "../../testing/upload.ts";

const csv = (lines: string[]) => `\uFEFF${lines.join("\r\n")}\r\n`;

const GOOD = [
  "编号,渠道,内容,时间,电话,评分,门店",
  "HL-001,电话,服务态度很差，排队太久,2024-03-01 10:00,138-0013-8000,1,A",
  "HL-002,微信,店员很热情，环境干净,2024-03-02 11:30,,5,A",
  'HL-003,email,"The fitting room was dirty, and nobody helped",2024-03-03,,2,B',
  "HL-004,到店,\"<script>alert('x')</script> 排队\",2024/3/4 9:05,13700000009,,A",
];

describe.each(testDatabaseKinds)("feedback import on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let liLei: string;

  const upload = async (who: SessionKey, name: string, content: Buffer | string, fields: Record<string, string> = {}) => {
    const body = multipartBody({ name, content }, fields);
    return app.inject({ method: "POST", url: "/api/feedback/import", payload: body.payload, headers: { ...body.headers, cookie: cookies[who] } });
  };
  const importFile = async (who: SessionKey, name: string, content: Buffer | string, fields: Record<string, string> = {}) => {
    const response = await upload(who, name, content, fields);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as FeedbackImportReport;
  };
  const feedbackCount = async () =>
    Number((await database.db.selectFrom("feedback").select((eb) => eb.fn.countAll().as("n")).where("org_id", "=", org.orgId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    liLei = (await buildCustomer(database.db, org.orgId, { name: "李雷", home_store_id: org.storeA, phone: "13800138000" })).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("lists every bad row by line and field on a dry run, and writes nothing", async () => {
    const file = csv([
      ...GOOD,
      "HL-005,传真,内容,2024-03-05,,,A",
      "HL-006,电话,,2024-03-05,,,A",
      "HL-007,电话,好评,not a date,,9,ZZ",
      "HL-001,电话,同一编号又出现,2024-03-06,,,A",
      "HL-008,电话,电话不对,2024-03-06,call me,,A",
      `HL-009,电话,来自未来,${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)},,,A`,
    ]);
    const report = await importFile("admin", "hotline.csv", file, { dryRun: "true" });
    expect(report).toMatchObject({ isDryRun: true, totalRows: 10, validRows: 4, created: 0 });
    expect(report.mapping).toMatchObject({ sourceRef: "编号", channel: "渠道", body: "内容", receivedAt: "时间", phone: "电话", rating: "评分", storeCode: "门店" });
    const problems = report.errors.map((error) => `${error.line}:${error.field}`);
    expect(problems).toEqual(["6:channel", "7:body", "8:receivedAt", "8:rating", "8:storeCode", "9:sourceRef", "10:phone", "11:receivedAt"]);
    expect(report.errors.find((error) => error.line === 9)?.message).toContain("line 2");
    expect(await feedbackCount()).toBe(0);
  });

  it("writes nothing at all when any row is bad", async () => {
    const report = await importFile("admin", "hotline.csv", csv([...GOOD, "HL-010,fax,内容,2024-03-05,,,A"]));
    expect(report).toMatchObject({ isDryRun: false, created: 0 });
    expect(report.errors).toHaveLength(1);
    expect(await feedbackCount()).toBe(0);
  });

  it("imports every row, links known customers and opens follow-ups, then skips them on a second import", async () => {
    const dryRun = await importFile("admin", "hotline.csv", csv(GOOD), { dryRun: "true" });
    expect(dryRun).toMatchObject({ errors: [], validRows: 4, created: 0, linkedToCustomer: 1 });

    const report = await importFile("admin", "hotline.csv", csv(GOOD));
    expect(report).toMatchObject({ isDryRun: false, created: 4, skipped: 0, linkedToCustomer: 1, errors: [] });
    const rows = await database.db.selectFrom("feedback").selectAll().where("org_id", "=", org.orgId).orderBy("source_ref").execute();
    expect(rows.map((row) => [row.source_ref, row.channel, row.rating])).toEqual([
      ["HL-001", "phone", 1], ["HL-002", "wechat", 5], ["HL-003", "email", 2], ["HL-004", "in_person", null],
    ]);
    expect(rows[0]).toMatchObject({ customer_id: liLei, store_id: org.storeA, author_contact: null });
    expect(rows[0].received_at.toISOString()).toBe("2024-03-01T02:00:00.000Z");
    expect(rows[2]).toMatchObject({ store_id: org.storeB, language: "en" });
    expect(rows[3]).toMatchObject({ customer_id: null, author_contact: "13700000009", body: "<script>alert('x')</script> 排队" });
    expect(rows[0].sentiment).toBeLessThan(-0.3);
    expect(rows[0].themes).toContain("排队");

    const tasks = await database.db.selectFrom("tasks").selectAll().where("org_id", "=", org.orgId).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ customer_id: liLei, source_type: "feedback", source_id: rows[0].id });
    const interactions = await database.db.selectFrom("interactions").selectAll().where("customer_id", "=", liLei).where("kind", "=", "feedback").execute();
    expect(interactions).toHaveLength(1);

    const again = await importFile("admin", "hotline.csv", csv(GOOD));
    expect(again).toMatchObject({ created: 0, skipped: 4, errors: [] });
    expect(await feedbackCount()).toBe(4);
    expect(await database.db.selectFrom("tasks").selectAll().where("org_id", "=", org.orgId).execute()).toHaveLength(1);
  });

  it("gives rows without a reference one from their content, so a file without 编号 also imports once", async () => {
    const file = csv(["channel,content,date", "web,网站打不开,2024-04-01", "web,网站打不开,2024-04-01", "web,Checkout page is slow,2024-04-02"]);
    const first = await importFile("manager", "web.csv", file);
    expect(first).toMatchObject({ created: 3, errors: [] });
    const second = await importFile("manager", "web.csv", file);
    expect(second).toMatchObject({ created: 0, skipped: 3 });
  });

  it("reads Excel files and keeps store-bound users inside their stores", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("反馈");
    sheet.addRow(["反馈编号", "来源", "反馈内容", "反馈时间", "评分"]);
    sheet.addRow(["XL-1", "微博", "排队太久，收银太慢", new Date(Date.UTC(2024, 4, 1, 9, 30)), 2]);
    sheet.addRow(["XL-2", "应用商店", "App 很好用", new Date(Date.UTC(2024, 4, 2)), "5星"]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importFile("store_manager", "feedback.xlsx", content);
    expect(report).toMatchObject({ created: 2, errors: [] });
    const list = (await app.inject({ method: "GET", url: "/api/feedback?channel=weibo", headers: { cookie: cookies.store_manager } })).json() as FeedbackList;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ storeId: org.storeA, rating: 2, receivedAt: "2024-05-01T01:30:00.000Z" });

    const otherStore = await importFile("store_manager", "b.csv", csv(["内容,门店", "排队,B"]), { dryRun: "true" });
    expect(otherStore.errors.map((error) => error.field)).toEqual(["storeCode"]);
  });

  it("refuses files it cannot use with a 400 naming the field", async () => {
    const noBody = await upload("admin", "x.csv", csv(["渠道,时间", "电话,2024-01-01"]), { dryRun: "true" });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().error).toMatchObject({ code: "import.unmapped_field", field: "mapping.body" });
    const pdf = await upload("admin", "x.pdf", "%PDF-1.4", { dryRun: "true" });
    expect(pdf.json().error.field).toBe("file");
    const noFile = await app.inject({ method: "POST", url: "/api/feedback/import", payload: {}, headers: { cookie: cookies.admin } });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.field).toBe("file");
    const mapped = await importFile("admin", "x.csv", csv(["说明,渠道", "排队太久,电话"]), { dryRun: "true", mapping: JSON.stringify({ body: "说明" }) });
    expect(mapped).toMatchObject({ validRows: 1, errors: [] });
  });

  it("records real imports in the audit log", async () => {
    const entries = await database.db.selectFrom("audit_log").selectAll().where("org_id", "=", org.orgId).where("action", "=", "data.import").execute();
    const outcomes = entries.map((entry) => (entry.details as { kind: string; outcome: string }).outcome);
    expect(entries.every((entry) => (entry.details as { kind: string }).kind === "feedback")).toBe(true);
    expect(outcomes).toContain("rejected");
    expect(outcomes).toContain("imported");
  });
});
