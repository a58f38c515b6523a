import type { ImportJob } from "@kexin/contracts";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildTestApp, signInAs } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { multipartBody } from "../../testing/upload.ts";
import { waitForImport } from "../imports/import-progress.ts";

describe.each(testDatabaseKinds)("customer export on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let admin: string;

  const download = async (query: string, cookie = admin) => {
    const response = await app.inject({ method: "GET", url: `/api/exports/customers?${query}`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const snapshot = () =>
    database.db.selectFrom("customers")
      .select(["code", "name", "phone", "email", "gender", "birthday", "city", "company", "wechat", "home_store_id", "tags"])
      .where("org_id", "=", org.orgId).orderBy("code").execute();
  const reimport = async (name: string, content: Buffer) => {
    const body = multipartBody({ name, content });
    const response = await app.inject({ method: "POST", url: "/api/imports/customers", payload: body.payload, headers: { ...body.headers, cookie: admin } });
    expect(response.statusCode, response.body).toBe(202);
    await waitForImport(response.json().importId);
    return (await app.inject({ method: "GET", url: `/api/imports/${response.json().importId}`, headers: { cookie: admin } })).json() as ImportJob;
  };

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    admin = await signInAs(app, org.users.admin.email);
    await buildCustomer(database.db, org.orgId, { code: "E-1", name: "王芳", phone: "+86 138 0013 8000", email: "w@example.com", home_store_id: org.storeA, tags: ["VIP", "茶饮"] });
    await buildCustomer(database.db, org.orgId, { code: "E-2", name: "=HYPERLINK(\"http://evil\",\"x\")", home_store_id: org.storeB, tags: [] });
    await buildCustomer(database.db, org.orgId, { code: "E-3", name: "@SUM(1)", home_store_id: null });
    await database.db.updateTable("customers").set({ birthday: "1988-03-12", gender: "female", city: "上海" }).where("code", "=", "E-1").execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("downloads CSV with a BOM, a UTF-8 file name and the importer's column names", async () => {
    const response = await download("format=csv");
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E5%AE%A2%E6%88%B7-/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(response.rawPayload, { bom: true }) as string[][];
    expect(header.slice(0, 11)).toEqual(["code", "name", "phone", "email", "gender", "birthday", "city", "company", "wechat", "storeCode", "tags"]);
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row[0] === "E-1")?.slice(0, 11)).toEqual(["E-1", "王芳", "'+86 138 0013 8000", "w@example.com", "female", "1988-03-12", "上海", "", "", "A", "VIP,茶饮"]);
  });

  it("neutralises formula cells in CSV with an apostrophe", async () => {
    const rows = parse((await download("format=csv")).rawPayload, { bom: true }) as string[][];
    expect(rows.find((row) => row[0] === "E-2")?.[1]).toBe("'=HYPERLINK(\"http://evil\",\"x\")");
    expect(rows.find((row) => row[0] === "E-3")?.[1]).toBe("'@SUM(1)");
  });

  it("downloads .xlsx whose cells are text, never formulas", async () => {
    const response = await download("format=xlsx");
    expect(response.headers["content-type"]).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    const evil = sheet.getRows(2, 3)!.find((row) => row.getCell(1).value === "E-2")!;
    expect(evil.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(2).value).toBe("=HYPERLINK(\"http://evil\",\"x\")");
  });

  it("round-trips: an exported CSV or workbook imports back without a change", async () => {
    const before = await snapshot();
    const csvJob = await reimport("export.csv", (await download("format=csv")).rawPayload);
    expect(csvJob.report).toMatchObject({ errors: [], created: 0, updated: 3 });
    expect(await snapshot()).toEqual(before);
    const xlsxJob = await reimport("export.xlsx", (await download("format=xlsx")).rawPayload);
    expect(xlsxJob.report).toMatchObject({ errors: [], created: 0, updated: 3 });
    expect(await snapshot()).toEqual(before);
  });

  it("applies the list's filters and the store manager's scope, and audits every export", async () => {
    const codes = async (query: string, cookie = admin) =>
      (parse((await download(query, cookie)).rawPayload, { bom: true, from_line: 2 }) as string[][]).map((row) => row[0]).sort();
    expect(await codes("q=王")).toEqual(["E-1"]);
    expect(await codes("tag=VIP")).toEqual(["E-1"]);
    expect(await codes(`storeId=${org.storeB}`)).toEqual(["E-2"]);
    expect(await codes("format=csv", await signInAs(app, org.users.store_manager.email))).toEqual(["E-1"]);
    expect(await codes("format=csv", await signInAs(app, org.users.storeManagerB.email))).toEqual(["E-2"]);
    const agent = await app.inject({ method: "GET", url: "/api/exports/customers", headers: { cookie: await signInAs(app, org.users.agent.email) } });
    expect(agent.statusCode).toBe(403);
    const audit = await database.db.selectFrom("audit_log").select("details").where("action", "=", "customer.export").where("org_id", "=", org.orgId).execute();
    expect(audit.length).toBeGreaterThanOrEqual(9);
    expect(audit).toContainEqual({ details: { format: "csv", filters: expect.objectContaining({ tag: "VIP" }) } });
  });

  it("streams in batches: more customers than one batch all arrive", async () => {
    const { iterateExportCustomers } = await import("./iterate-export-customers.ts");
    let seen = 0;
    for await (const batch of iterateExportCustomers(database.db, org.users.admin.actor, { status: "all" }, 2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      seen += batch.length;
    }
    expect(seen).toBe(3);
  });
});
