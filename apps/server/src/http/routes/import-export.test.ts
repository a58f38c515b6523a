import type { ImportJob, ImportReport } from "@kexin/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { failAbandonedImports } from "../../domain/imports/fail-abandoned-imports.ts";
import { waitForImport } from "../../domain/imports/import-progress.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildTestApp, signInAs } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { importFixture, multipartBody } from "../../testing/upload.ts";

describe.each(testDatabaseKinds)("imports on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let admin: string;
  let storeManager: string;

  const upload = (cookie: string, url: string, name: string, content: Buffer | string, fields: Record<string, string> = {}) =>
    app.inject({ method: "POST", url, ...withCookie(multipartBody({ name, content }, fields), cookie) });
  const withCookie = (body: ReturnType<typeof multipartBody>, cookie: string) => ({
    payload: body.payload,
    headers: { ...body.headers, cookie },
  });
  const dryRun = async (importKind: string, name: string, content: Buffer | string, cookie = admin, fields = {}) => {
    const response = await upload(cookie, `/api/imports/${importKind}`, name, content, { dryRun: "true", ...fields });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ImportReport;
  };
  /** A real import, followed until it finishes. */
  const importNow = async (importKind: string, name: string, content: Buffer | string, cookie = admin, fields = {}) => {
    const response = await upload(cookie, `/api/imports/${importKind}`, name, content, fields);
    expect(response.statusCode, response.body).toBe(202);
    const { importId } = response.json() as { importId: string };
    await waitForImport(importId);
    const job = await app.inject({ method: "GET", url: `/api/imports/${importId}`, headers: { cookie } });
    expect(job.statusCode).toBe(200);
    return job.json() as ImportJob;
  };
  const customerCount = async (prefix: string) =>
    Number(
      (await database.db.selectFrom("customers").select((eb) => eb.fn.countAll().as("n")).where("org_id", "=", org.orgId)
        .where("code", "like", `${prefix}%`).executeTakeFirstOrThrow()).n,
    );
  const customer = (code: string) =>
    database.db.selectFrom("customers").selectAll().where("org_id", "=", org.orgId).where("code", "=", code).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    // The fixtures use the demo's store codes, so the browser journeys can upload them too.
    await database.db.insertInto("stores").values([
      { org_id: org.orgId, code: "SH01", name: "上海静安店" },
      { org_id: org.orgId, code: "BJ01", name: "北京朝阳店" },
    ]).execute();
    admin = await signInAs(app, org.users.admin.email);
    storeManager = await signInAs(app, org.users.store_manager.email);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("previews a file: columns, first rows and the suggested mapping for Chinese headers", async () => {
    const response = await upload(admin, "/api/imports/customers/preview", "customers-good.csv", importFixture("customers-good.csv"));
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.totalRows).toBe(5);
    expect(preview.rows[0].slice(0, 2)).toEqual(["FX-001", "王芳"]);
    expect(preview.suggestedMapping).toMatchObject({ code: "客户编号", name: "姓名", gender: "性别(男/女)", storeCode: "门店编码", tags: "标签" });
    expect(preview.fields).toContainEqual({ name: "name", isRequired: true });
  });

  it("dry-runs a bad file: every bad row by line and field, nothing written", async () => {
    const report = await dryRun("customers", "customers-bad.csv", importFixture("customers-bad.csv"));
    expect(report.errors.map((error) => [error.line, error.field])).toEqual([
      [3, "email"], [4, "birthday"], [5, "storeCode"], [6, "code"], [7, "name"],
    ]);
    expect(report.errors[3].message).toMatch(/twice.*line 2/);
    expect(report).toMatchObject({ isDryRun: true, totalRows: 7, validRows: 2, imported: 0 });
    expect(await customerCount("BAD-")).toBe(0);
  });

  it("imports nothing from a file with any bad row, and audits the refusal", async () => {
    const job = await importNow("customers", "customers-bad.csv", importFixture("customers-bad.csv"));
    expect(job.status).toBe("failed");
    expect(job.report?.errors).toHaveLength(5);
    expect(await customerCount("BAD-")).toBe(0);
    const audit = await database.db.selectFrom("audit_log").select(["details", "target_id"]).where("action", "=", "data.import")
      .where("org_id", "=", org.orgId).execute();
    expect(audit).toContainEqual({ target_id: job.id, details: expect.objectContaining({ outcome: "rejected", badRows: 5 }) });
  });

  it("imports a good CSV with Chinese headers, reaching succeeded with full progress", async () => {
    const job = await importNow("customers", "customers-good.csv", importFixture("customers-good.csv"));
    expect(job).toMatchObject({ status: "succeeded", processedRows: 5, totalRows: 5, fileName: "customers-good.csv" });
    expect(job.report).toMatchObject({ imported: 5, created: 5, updated: 0, errors: [] });
    const wang = await customer("FX-001");
    expect(wang).toMatchObject({ name: "王芳", gender: "female", birthday: "1988-03-12", city: "上海", tags: ["VIP", "茶饮"] });
    expect((await customer("FX-002")).birthday).toBe("1979-11-05");
    expect((await customer("FX-005")).name).toBe("陈静, Jing");
  });

  it("updates customers by code on a re-import instead of duplicating them", async () => {
    const job = await importNow("customers", "customers-good.csv", importFixture("customers-good.csv"));
    expect(job.report).toMatchObject({ created: 0, updated: 5 });
    expect(await customerCount("FX-")).toBe(5);
  });

  it("imports transactions, refreshes purchase figures, and a re-import doubles nothing", async () => {
    const job = await importNow("transactions", "transactions.csv", importFixture("transactions.csv"));
    expect(job.status, JSON.stringify(job.report?.errors)).toBe("succeeded");
    expect(job.report).toMatchObject({ created: 5, skipped: 0 });
    const wang = await customer("FX-001");
    expect(wang.purchase_count).toBe(2);
    expect(Number(wang.total_spent)).toBe(1427.5);
    expect(new Date(wang.first_purchase_at!).toISOString()).toBe("2024-03-01T06:30:00.000Z");
    // Two identical rows without an order number are two purchases.
    expect((await customer("FX-003")).purchase_count).toBe(2);

    const again = await importNow("transactions", "transactions.csv", importFixture("transactions.csv"));
    expect(again.report).toMatchObject({ created: 0, skipped: 5 });
    expect((await customer("FX-003")).purchase_count).toBe(2);
    expect((await customer("FX-001")).purchase_count).toBe(2);
  });

  it("reports bad transaction rows by line and field and writes none of them", async () => {
    const report = await dryRun("transactions", "transactions-bad.csv", importFixture("transactions-bad.csv"));
    expect(report.errors.map((error) => [error.line, error.field])).toEqual([
      [3, "customerCode"], [4, "occurredAt"], [5, "amount"], [6, "amount"], [7, "externalId"],
    ]);
    expect(report.errors[2].message).toMatch(/negative/);
    const job = await importNow("transactions", "transactions-bad.csv", importFixture("transactions-bad.csv"));
    expect(job.status).toBe("failed");
    const written = await database.db.selectFrom("transactions").select("id").where("external_id", "=", "SO-2001").execute();
    expect(written).toEqual([]);
  });

  it("imports an Excel workbook with an explicit mapping for unusual headers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("会员");
    sheet.addRow(["Kundennummer", "Kundenname", "Handy", "Geburtstag", "Filiale"]);
    sheet.addRow(["XL-001", "Anna", 13900000001, new Date(Date.UTC(1990, 4, 17)), "SH01"]);
    sheet.addRow(["XL-002", "Bernd", "13900000002", "1985-01-02", "BJ01"]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const mapping = JSON.stringify({ code: "Kundennummer", name: "Kundenname", phone: "Handy", birthday: "Geburtstag", storeCode: "Filiale" });
    const job = await importNow("customers", "members.xlsx", content, admin, { mapping });
    expect(job.status, JSON.stringify(job.report?.errors)).toBe("succeeded");
    expect(await customer("XL-001")).toMatchObject({ name: "Anna", phone: "13900000001", birthday: "1990-05-17" });
  });

  it("answers 400 naming the field for a mapping that does not fit or a missing file", async () => {
    const response = await upload(admin, "/api/imports/customers", "a.csv", "手机\n138\n", { dryRun: "true" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "import.unmapped_field", field: "mapping.name" });
    const badJson = await upload(admin, "/api/imports/customers", "a.csv", "姓名\nA\n", { mapping: "{nope" });
    expect(badJson.json().error.field).toBe("mapping");
    const noFile = await app.inject({ method: "POST", url: "/api/imports/customers", headers: { cookie: admin }, payload: {} });
    expect(noFile.json().error).toMatchObject({ code: "import.file_required", field: "file" });
  });

  it("lets store managers import customers only into their own stores", async () => {
    const csv = "code,name,storeCode\nSM-001,In A,A\nSM-002,In B,B\nFX-001,Someone else's,A\n";
    const report = await dryRun("customers", "sm.csv", csv, storeManager);
    expect(report.errors.map((error) => [error.line, error.field])).toEqual([[3, "storeCode"], [4, "code"]]);

    const noStore = await upload(storeManager, "/api/imports/customers", "sm.csv", "code,name\nSM-009,X\n", { dryRun: "true" });
    expect(noStore.json().error.field).toBe("mapping.storeCode");

    const job = await importNow("customers", "sm.csv", "code,name,storeCode\nSM-001,In A,A\n", storeManager);
    expect(job.status).toBe("succeeded");
    expect((await customer("SM-001")).home_store_id).toBe(org.storeA);
    // Transactions only for customers in their stores.
    const transactions = await dryRun("transactions", "t.csv", "customerCode,occurredAt,amount\nSM-001,2024-01-01,10\nFX-001,2024-01-01,10\n", storeManager);
    expect(transactions.errors).toEqual([expect.objectContaining({ line: 3, field: "customerCode" })]);
  });

  it("keeps import jobs to their organisation and, for store managers, to their own", async () => {
    const job = await importNow("customers", "customers-good.csv", importFixture("customers-good.csv"));
    const asStoreManager = await app.inject({ method: "GET", url: `/api/imports/${job.id}`, headers: { cookie: storeManager } });
    expect(asStoreManager.statusCode).toBe(404);
    const agent = await signInAs(app, org.users.agent.email);
    const refused = await upload(agent, "/api/imports/customers", "a.csv", "姓名\nA\n", { dryRun: "true" });
    expect(refused.statusCode).toBe(403);
  });

  it("marks imports left running by a dead process as failed", async () => {
    const orphan = await database.db.insertInto("import_jobs")
      .values({ org_id: org.orgId, kind: "customers", file_name: "orphan.csv", total_rows: 10, heartbeat_at: new Date(Date.now() - 3_600_000) })
      .returning("id").executeTakeFirstOrThrow();
    expect(await failAbandonedImports(database.db)).toBe(1);
    const job = (await app.inject({ method: "GET", url: `/api/imports/${orphan.id}`, headers: { cookie: admin } })).json();
    expect(job).toMatchObject({ status: "failed", message: expect.stringMatching(/nothing was imported/) });
  });
});
