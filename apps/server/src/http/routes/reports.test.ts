import { netPromoterScore, seededRandom } from "@kexin/analytics";
import type { ErrorBody, KanoReport, OverviewReport, ReportMenu } from "@kexin/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { insertAnswers, OVERVIEW_DEFINITION, type TestAnswer } from "../../domain/reports/report-test-data.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildPublishedSurvey } from "../../testing/surveys.ts";
import { buildTestApp, json } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet as arrays of cell values (exceljs rows are 1-based). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(testDatabaseKinds)("report routes on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let surveyId: string;
  let storeSurveyId: string;
  let answers: TestAnswer[];

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    surveyId = (await buildPublishedSurvey(database.db, org.orgId, OVERVIEW_DEFINITION)).surveyId;
    storeSurveyId = (await buildPublishedSurvey(database.db, org.orgId, OVERVIEW_DEFINITION, { storeId: org.storeA })).surveyId;
    const random = seededRandom(4);
    answers = Array.from({ length: 40 }, (_, i) => ({
      answers: {
        overall: 1 + Math.floor(random() * 5),
        recommend: Math.floor(random() * 11),
        effort: 1 + Math.floor(random() * 7),
        wifi: { functional: 1 + Math.floor(random() * 5), dysfunctional: 1 + Math.floor(random() * 5) },
      },
      storeId: i % 2 === 0 ? org.storeA : org.storeB,
      submittedAt: new Date(Date.UTC(2025, i % 3, 10)),
    }));
    await insertAnswers(database.db, org.orgId, surveyId, answers);
    await insertAnswers(database.db, org.orgId, storeSurveyId, answers.slice(0, 5).map((a) => ({ ...a, storeId: org.storeA })));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (url: string, who: SessionKey = "admin") => app.inject({ method: "GET", url, headers: { cookie: cookies[who] } });

  it("lists the reports a survey supports", async () => {
    const response = await get(`/api/surveys/${surveyId}/reports`);
    expect(response.statusCode).toBe(200);
    const menu = json<ReportMenu>(response);
    expect(menu.versions).toEqual([1]);
    expect(Object.fromEntries(menu.kinds.map((k) => [k.kind, k.isAvailable]))).toEqual({
      overview: true, indicators: false, model: false, kano: true, servqual: true, expectation: true,
    });
  });

  it("answers the overview with the store manager's answers only, and 404 for another store's survey", async () => {
    const response = await get(`/api/surveys/${surveyId}/reports/overview?interval=month&groupBy=channel`, "storeManagerB");
    expect(response.statusCode).toBe(200);
    const report = json<OverviewReport>(response);
    const inB = answers.filter((a) => a.storeId === org.storeB).map((a) => a.answers.recommend as number);
    expect(report.scope.responses).toBe(inB.length);
    const nps = report.questions.find((q) => q.question.key === "recommend")!.distribution;
    expect(nps.kind === "scale" && nps.nps!.nps).toBeCloseTo(netPromoterScore(inB).nps, 10);
    expect(report.trend.series[0].periods.map((p) => p.start)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01"]);

    const hidden = await get(`/api/surveys/${storeSurveyId}/reports/overview`, "storeManagerB");
    expect(hidden.statusCode).toBe(404);
    expect(json<ErrorBody>(hidden).error.code).toBe("survey.not_found");
    const hiddenExport = await get(`/api/surveys/${storeSurveyId}/reports/overview.xlsx`, "storeManagerB");
    expect(hiddenExport.statusCode).toBe(404);
    expect((await get(`/api/surveys/${storeSurveyId}/reports/overview`, "store_manager")).statusCode).toBe(200);
  });

  it("names the field of a bad query and refuses reports a survey cannot give", async () => {
    const badGroup = await get(`/api/surveys/${surveyId}/reports/overview?groupBy=colour`);
    expect(badGroup.statusCode).toBe(400);
    expect(json<ErrorBody>(badGroup).error).toMatchObject({ code: "request.invalid", field: "groupBy" });
    const badDate = await get(`/api/surveys/${surveyId}/reports/overview?from=2025-13-01`);
    expect(json<ErrorBody>(badDate).error.field).toBe("from");
    const model = await get(`/api/surveys/${surveyId}/reports/model`);
    expect(model.statusCode).toBe(400);
    expect(json<ErrorBody>(model).error.code).toBe("report.not_applicable");
    expect((await get(`/api/surveys/${surveyId}/reports/nonsense.xlsx`)).statusCode).toBe(400);
    expect((await app.inject({ method: "GET", url: `/api/surveys/${surveyId}/reports/overview` })).statusCode).toBe(401);
  });

  it("exports the overview as a workbook with the same numbers and Chinese or English headers", async () => {
    const report = json<OverviewReport>(await get(`/api/surveys/${surveyId}/reports/overview?groupBy=store`));
    const response = await get(`/api/surveys/${surveyId}/reports/overview.xlsx?groupBy=store&locale=zh-CN`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(XLSX);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''.*%E6%A6%82%E8%A7%88/);
    const workbook = await readWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(["概览", "关键指标", "题目", "分布", "趋势", "分组"]));
    const metrics = rowsOf(workbook.getWorksheet("关键指标")!);
    expect(metrics[0]).toEqual(["题目", "标题", "指标", "人数", "数值", "95% 下限", "95% 上限"]);
    const npsRow = metrics.find((row) => row[0] === "recommend")!;
    const nps = report.questions.find((q) => q.question.key === "recommend")!.distribution;
    if (nps.kind !== "scale") throw new Error("recommend is a scale");
    expect(npsRow.slice(2)).toEqual(["NPS", nps.nps!.n, nps.nps!.nps, nps.nps!.lower, nps.nps!.upper]);
    const breakdown = rowsOf(workbook.getWorksheet("分组")!);
    const storeB = report.breakdown!.groups.find((g) => g.key === org.storeB)!;
    const csatB = storeB.metrics.find((m) => m.question === "overall")!;
    expect(breakdown).toContainEqual([org.storeB, "Store B", storeB.responses, "overall", "csat", csatB.n, csatB.value, csatB.lower, csatB.upper]);

    const english = await readWorkbook((await get(`/api/surveys/${surveyId}/reports/overview.xlsx?locale=en`)).rawPayload);
    expect(english.worksheets[0].name).toBe("Summary");
    expect(rowsOf(english.getWorksheet("Summary")!)).toContainEqual(["Responses", 40]);
  });

  it("exports the Kano report with the category meanings", async () => {
    const report = json<KanoReport>(await get(`/api/surveys/${surveyId}/reports/kano`));
    const workbook = await readWorkbook((await get(`/api/surveys/${surveyId}/reports/kano.xlsx?locale=zh-TW`)).rawPayload);
    const rows = rowsOf(workbook.getWorksheet("功能")!);
    const wifi = report.features.find((f) => f.question === "wifi")!;
    const row = rows.find((r) => r[0] === "wifi")!;
    expect(row[2]).toBe(wifi.n);
    expect(row.slice(3, 9)).toEqual(["M", "O", "A", "I", "R", "Q"].map((c) => wifi.counts[c as keyof typeof wifi.counts]));
    expect(row[11]).toBe(wifi.better ?? undefined);
    expect(String(row[9])).toMatch(/品質|無差異|可疑|反向/);
  });
});
