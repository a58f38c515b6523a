import {
  bootstrapPls,
  classifyKanoFeature,
  constructIndexes,
  estimatePls,
  importancePerformance,
  mean,
  normalDraw,
  normalizeScale,
  normalizeToHundred,
  regressionWeights,
  satisfactionRatio,
  seededRandom,
  servqualGaps,
  weightedIndex,
} from "@kexin/analytics";
import { ModelQuery, ReportQuery, type SurveyDefinitionInput } from "@kexin/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildPublishedSurvey } from "../../testing/surveys.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import ExcelJS from "exceljs";
import { exportReport } from "./export-report.ts";
import { getExpectationReport } from "./get-expectation-report.ts";
import { getIndicatorReport } from "./get-indicator-report.ts";
import { getKanoReport } from "./get-kano-report.ts";
import { getModelReport } from "./get-model-report.ts";
import { getServqualReport } from "./get-servqual-report.ts";
import { insertAnswers, type TestAnswer } from "./report-test-data.ts";

const t = (zh: string, en: string) => ({ "zh-CN": zh, en });
const likert = (key: string, points: 5 | 7, extra: Record<string, unknown> = {}) => ({ key, type: "likert", points, title: t(key, key), ...extra });

/** A supermarket study: an indicator system, SERVQUAL pairs with dimension importance, and two Kano features. */
function analysisDefinition({ withImportance }: { withImportance: boolean }): SurveyDefinitionInput {
  return {
    title: t("超市满意度", "Supermarket satisfaction"),
    languages: ["zh-CN", "en"],
    pages: [
      {
        key: "index",
        questions: [
          likert("quality", 5, { indicator: "goods" }),
          likert("fresh", 5, { indicator: "goods" }),
          likert("price", 5, { indicator: "price" }),
          likert("speed", 7, { indicator: "checkout" }),
          {
            key: "staff",
            type: "matrix",
            points: 5,
            title: t("员工", "Staff"),
            indicator: "staff",
            rows: [
              { key: "polite", label: t("礼貌", "Polite") },
              { key: "helpful", label: t("乐于助人", "Helpful") },
            ],
          },
          ...(withImportance
            ? [
                { key: "imp_goods", type: "importance", points: 5, title: t("商品重要性", "Goods importance"), indicator: "goods" },
                { key: "imp_checkout", type: "importance", points: 5, title: t("结账重要性", "Checkout importance"), indicator: "checkout" },
              ]
            : []),
          { key: "overall", type: "csat", title: t("总体", "Overall") },
        ],
      },
      {
        key: "servqual",
        questions: [
          { key: "clean", type: "expectation_perception", points: 7, servqualDimension: "tangibles", title: t("整洁", "Clean") },
          { key: "promise", type: "expectation_perception", points: 7, servqualDimension: "reliability", title: t("守诺", "Promise") },
          { key: "accurate", type: "expectation_perception", points: 7, servqualDimension: "reliability", title: t("准确", "Accurate") },
          ...(withImportance
            ? [
                { key: "importance_tangibles", type: "importance", points: 5, title: t("有形性", "Tangibles") },
                { key: "importance_reliability", type: "importance", points: 5, title: t("可靠性", "Reliability") },
              ]
            : []),
          { key: "wifi", type: "kano", title: t("无线网络", "Wi-Fi"), feature: t("免费无线网络", "Free Wi-Fi") },
          { key: "delivery", type: "kano", title: t("送货", "Delivery"), feature: t("送货上门", "Home delivery") },
        ],
      },
    ],
    indicatorSystem: {
      dimensions: [
        { key: "product", title: t("商品", "Product"), weight: 2, indicators: [{ key: "goods", title: t("品质", "Goods") }, { key: "price", title: t("价格", "Price") }] },
        { key: "service", title: t("服务", "Service"), weight: 1, indicators: [{ key: "checkout", title: t("结账", "Checkout") }, { key: "staff", title: t("员工", "Staff") }] },
      ],
    },
  } as SurveyDefinitionInput;
}

const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function analysisAnswers(seed: number, count: number, withImportance: boolean, storeId: string | null): TestAnswer[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const mood = random();
    const rate = (points: number) => Math.max(1, Math.min(points, Math.round(1 + mood * (points - 1) + (random() - 0.5) * 2)));
    const answers: Record<string, unknown> = {
      quality: rate(5),
      price: rate(5),
      speed: rate(7),
      staff: { polite: rate(5), helpful: rate(5) },
      overall: rate(5),
      clean: { expectation: int(random, 4, 7), perception: rate(7) },
      promise: { expectation: int(random, 4, 7), perception: rate(7) },
      wifi: { functional: int(random, 1, 3), dysfunctional: int(random, 3, 5) },
    };
    // Some skip: "fresh" and "accurate" sometimes, "delivery" often.
    if (i % 5 !== 0) answers.fresh = rate(5);
    if (i % 7 !== 0) answers.accurate = { expectation: int(random, 4, 7), perception: rate(7) };
    if (i % 2 === 0) answers.delivery = { functional: int(random, 1, 5), dysfunctional: int(random, 1, 5) };
    if (withImportance) {
      answers.imp_goods = int(random, 3, 5);
      answers.imp_checkout = int(random, 1, 4);
      answers.importance_tangibles = int(random, 1, 3);
      answers.importance_reliability = int(random, 3, 5);
    }
    return { answers, storeId };
  });
}

const query = (input: Record<string, unknown> = {}) => ReportQuery.parse(input);
const hundred = (value: unknown, points: number) => (typeof value === "number" ? normalizeToHundred(value, { min: 1, max: points }) : null);
const part = (value: unknown, name: string) => (value as Record<string, number> | undefined)?.[name];

/** Each respondent's 0–100 indicator values, straight from the raw answers. */
function indicatorRows(answers: readonly TestAnswer[]): (number | null)[][] {
  return answers.map(({ answers: a }) => {
    const goods = [hundred(a.quality, 5), hundred(a.fresh, 5)].filter((v): v is number => v !== null);
    const staff = [hundred(part(a.staff, "polite"), 5), hundred(part(a.staff, "helpful"), 5)].filter((v): v is number => v !== null);
    return [goods.length ? mean(goods) : null, hundred(a.price, 5), hundred(a.speed, 7), staff.length ? mean(staff) : null];
  });
}
const INDEX_SPEC = {
  dimensions: [
    { name: "product", weight: 2, items: [{ name: "goods", column: 0 }, { name: "price", column: 1 }] },
    { name: "service", weight: 1, items: [{ name: "checkout", column: 2 }, { name: "staff", column: 3 }] },
  ],
};

describe.each(testDatabaseKinds)("analysis reports on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let surveyId: string;
  let plainSurveyId: string;
  let answersA: TestAnswer[];
  let answersB: TestAnswer[];
  let plainAnswers: TestAnswer[];

  beforeAll(async () => {
    database = await kind.create();
    const { db } = database;
    org = await buildOrg(db);
    surveyId = (await buildPublishedSurvey(db, org.orgId, analysisDefinition({ withImportance: true }))).surveyId;
    plainSurveyId = (await buildPublishedSurvey(db, org.orgId, analysisDefinition({ withImportance: false }))).surveyId;
    answersA = analysisAnswers(1, 60, true, org.storeA);
    answersB = analysisAnswers(2, 30, true, org.storeB);
    plainAnswers = analysisAnswers(3, 70, false, org.storeA);
    await insertAnswers(db, org.orgId, surveyId, [...answersA, ...answersB]);
    await insertAnswers(db, org.orgId, plainSurveyId, plainAnswers);
  });
  afterAll(() => database.close());

  it("scores the three-level index with weightedIndex, weakest first, and maps stated importance", async () => {
    const report = await getIndicatorReport({ db: database.db, actor: org.users.admin.actor, surveyId, input: query() });
    const all = [...answersA, ...answersB];
    const expected = weightedIndex(indicatorRows(all), INDEX_SPEC, { min: 0, max: 100 });
    expect(report.respondents).toBe(90);
    expect(report.score).toBeCloseTo(expected.score, 10);
    expect(report.dimensions.map((d) => [d.key, d.weight])).toEqual([["product", 2 / 3], ["service", 1 / 3]]);
    report.dimensions.forEach((d, k) => {
      expect(d.score).toBeCloseTo(expected.dimensions[k].score, 10);
      d.indicators.forEach((i, j) => expect(i.score).toBeCloseTo(expected.dimensions[k].items[j].score, 10));
    });
    expect(report.dimensions[0].indicators[0]).toMatchObject({ key: "goods", questions: ["quality", "fresh"], answered: 90 });
    expect(report.weakest.map((w) => w.key)).toEqual(expected.weakest.map((w) => w.name));
    expect(report.unanswered).toEqual([]);

    const stated = [
      { name: "goods", importance: mean(all.map((a) => hundred(a.answers.imp_goods, 5)!)), performance: expected.weakest.find((w) => w.name === "goods")!.score },
      { name: "checkout", importance: mean(all.map((a) => hundred(a.answers.imp_checkout, 5)!)), performance: expected.weakest.find((w) => w.name === "checkout")!.score },
    ];
    const grid = importancePerformance(stated);
    expect(report.importancePerformance!.source).toBe("importance_questions");
    expect(report.importancePerformance!.attributes.map((a) => [a.key, a.quadrant])).toEqual(grid.attributes.map((a) => [a.name, a.quadrant]));
    expect(report.importancePerformance!.attributes[0].importance).toBeCloseTo(stated[0].importance, 10);
    expect(report.importancePerformance!.importanceCut).toBeCloseTo(grid.importanceCut, 10);
  });

  it("derives importance by regression on overall satisfaction when no importance is asked", async () => {
    const report = await getIndicatorReport({ db: database.db, actor: org.users.admin.actor, surveyId: plainSurveyId, input: query() });
    const rows = indicatorRows(plainAnswers).map((row, r) => [...row, hundred(plainAnswers[r].answers.overall, 5)]);
    const weighted = regressionWeights(rows, INDEX_SPEC, 4);
    const importance = weighted.dimensions.flatMap((d) => d.items.map((i) => ({ name: i.name, importance: 100 * d.weight! * i.weight! })));
    expect(report.importancePerformance!.source).toBe("regression");
    for (const expected of importance) {
      expect(report.importancePerformance!.attributes.find((a) => a.key === expected.name)!.importance).toBeCloseTo(expected.importance, 8);
    }
  });

  it("classifies Kano features as classifyKanoFeature does on the raw pairs", async () => {
    const report = await getKanoReport({ db: database.db, actor: org.users.admin.actor, surveyId, input: query() });
    const all = [...answersA, ...answersB];
    for (const key of ["wifi", "delivery"]) {
      const pairs = all.map((a) => a.answers[key] as { functional: number; dysfunctional: number } | undefined).filter((p) => p !== undefined);
      const expected = classifyKanoFeature(pairs.map((p) => p.functional), pairs.map((p) => p.dysfunctional));
      const feature = report.features.find((f) => f.question === key)!;
      expect(feature).toMatchObject({ n: expected.n, counts: expected.counts, category: expected.category, better: expected.better, worse: expected.worse });
      expect(feature.isSignificant).toBe(expected.significance.isSignificant);
    }
    expect(report.categories.find((c) => c.category === "A")!.label["zh-CN"]).toContain("兴奋");
    expect(report.categories.find((c) => c.category === "M")!.meaning["zh-TW"]).toBeTruthy();
  });

  it("computes SERVQUAL gaps with servqualGaps over complete answers, weighted by stated importance", async () => {
    const report = await getServqualReport({ db: database.db, actor: org.users.admin.actor, surveyId, input: query() });
    const complete = [...answersA, ...answersB].filter((a) => a.answers.accurate !== undefined);
    const items = ["clean", "promise", "accurate"];
    const perceptions = complete.map((a) => items.map((k) => part(a.answers[k], "perception")!));
    const expectations = complete.map((a) => items.map((k) => part(a.answers[k], "expectation")!));
    const importance = {
      tangibles: mean(complete.map((a) => a.answers.importance_tangibles as number)),
      reliability: mean(complete.map((a) => a.answers.importance_reliability as number)),
    };
    const dimensions = [{ name: "tangibles", items: [0] }, { name: "reliability", items: [1, 2] }];
    const expected = servqualGaps(perceptions, expectations, dimensions, importance);
    expect(report.respondents).toBe(complete.length);
    expect(report.overall).toBeCloseTo(expected.overall, 12);
    expect(report.importanceSource).toBe("importance_questions");
    report.dimensions.forEach((d, k) => {
      expect(d.gap).toBeCloseTo(expected.dimensions[k].gap, 12);
    });
    report.items.forEach((item, k) => expect(item.gap).toBeCloseTo(expected.items[k].gap, 12));
    // Importance means are over the respondents read (all 90 answered it): the weighted score uses those.
    const all = [...answersA, ...answersB];
    const weighted = servqualGaps(perceptions, expectations, dimensions, {
      tangibles: mean(all.map((a) => a.answers.importance_tangibles as number)),
      reliability: mean(all.map((a) => a.answers.importance_reliability as number)),
    });
    expect(report.weighted).toBeCloseTo(weighted.weighted, 12);
    report.dimensions.forEach((d, k) => expect(d.weight).toBeCloseTo(weighted.dimensions[k].weight, 12));
    const plain = await getServqualReport({ db: database.db, actor: org.users.admin.actor, surveyId: plainSurveyId, input: query() });
    expect(plain).toMatchObject({ weighted: null, importanceSource: "equal" });
  });

  it("reads c = b/a per respondent with satisfactionRatio, and a store manager sees only their store", async () => {
    const check = async (actor: TestOrg["users"]["admin"]["actor"], answers: TestAnswer[]) => {
      const report = await getExpectationReport({ db: database.db, actor, surveyId, input: query() });
      const readings = answers.map(({ answers: a }) => {
        const pairs = ["clean", "promise", "accurate"].map((k) => a[k] as { expectation: number; perception: number } | undefined).filter((p) => p !== undefined);
        return satisfactionRatio(mean(pairs.map((p) => p.perception)), mean(pairs.map((p) => p.expectation)), report.tolerance);
      });
      expect(report.respondents).toBe(answers.length);
      expect(report.meanRatio).toBeCloseTo(mean(readings.map((r) => r.ratio)), 12);
      for (const reading of ["regular", "uncertain", "rare"] as const) {
        expect(report.split.find((s) => s.reading === reading)!.count).toBe(readings.filter((r) => r.reading === reading).length);
      }
      expect(report.ratioBins.reduce((total, bin) => total + bin.count, 0)).toBe(answers.length);
      const accurate = answers.map((a) => a.answers.accurate as { expectation: number; perception: number } | undefined).filter((p) => p !== undefined);
      const attribute = report.attributes.find((a) => a.question === "accurate")!;
      expect(attribute.n).toBe(accurate.length);
      expect(attribute.ratio).toBeCloseTo(mean(accurate.map((p) => p.perception)) / mean(accurate.map((p) => p.expectation)), 12);
    };
    await check(org.users.admin.actor, [...answersA, ...answersB]);
    await check(org.users.storeManagerB.actor, answersB);
  });

  it("exports the indicator, SERVQUAL and expectation reports with the same numbers", async () => {
    const { db } = database;
    const actor = org.users.admin.actor;
    const input = { ...query({ locale: "en" }), interval: "month" as const, resamples: 0, seed: 1 };
    const cells = async (kind: "indicators" | "servqual" | "expectation", sheet: string) => {
      const file = await exportReport({ db, actor, surveyId, kind, input });
      expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const indicators = await getIndicatorReport({ db, actor, surveyId, input: query() });
    expect((await cells("indicators", "Index"))[1]).toEqual([1, "index", "Test survey", 1, indicators.score, indicators.respondents]);
    const weakest = await cells("indicators", "Where to work");
    expect(weakest.slice(1).map((row) => row[0])).toEqual(indicators.weakest.map((w) => w.key));
    const servqual = await getServqualReport({ db, actor, surveyId, input: query() });
    expect((await cells("servqual", "Dimensions")).slice(1)).toEqual(servqual.dimensions.map((d) => [d.dimension, d.gap, d.weight]));
    const expectation = await getExpectationReport({ db, actor, surveyId, input: query() });
    expect((await cells("expectation", "Customer split")).slice(1)).toEqual(expectation.split.map((s) => [s.reading, s.count, s.share]));
  });

  it("refuses reports a survey cannot give", async () => {
    const { db } = database;
    const { surveyId: npsOnly } = await buildPublishedSurvey(db, org.orgId, {
      title: t("推荐", "NPS"),
      languages: ["zh-CN"],
      pages: [{ key: "p", questions: [{ key: "nps", type: "nps", title: t("推荐", "NPS") }] }],
    });
    const actor = org.users.admin.actor;
    for (const report of [getIndicatorReport, getKanoReport, getServqualReport, getExpectationReport]) {
      await expect(report({ db, actor, surveyId: npsOnly, input: query() })).rejects.toMatchObject({ code: "report.not_applicable" });
    }
    await expect(getModelReport({ db, actor, surveyId: npsOnly, input: ModelQuery.parse({}) })).rejects.toMatchObject({ code: "report.not_applicable" });
  });
});

/** An ECSI-style model: image and quality drive satisfaction, satisfaction drives loyalty. */
const MODEL_DEFINITION = {
  title: t("顾客满意度指数", "Customer satisfaction index"),
  languages: ["zh-CN", "en", "zh-TW"],
  pages: [
    {
      key: "model",
      questions: [
        likert("image1", 7, { construct: "image" }),
        likert("image2", 7, { construct: "image" }),
        likert("quality1", 7, { construct: "quality" }),
        likert("quality2", 7, { construct: "quality" }),
        { key: "overall", type: "csat", title: t("总体满意", "Overall"), construct: "satisfaction" },
        likert("expect", 7, { construct: "satisfaction" }),
        { key: "recommend", type: "nps", title: t("推荐", "Recommend"), construct: "loyalty" },
        likert("return", 7, { construct: "loyalty" }),
      ],
    },
  ],
  model: {
    constructs: [
      { key: "image", title: { "zh-CN": "企业形象", en: "Image", "zh-TW": "企業形象" } },
      { key: "quality", title: { "zh-CN": "感知质量", en: "Perceived quality", "zh-TW": "感知品質" } },
      { key: "satisfaction", title: { "zh-CN": "满意度", en: "Satisfaction", "zh-TW": "滿意度" } },
      { key: "loyalty", title: { "zh-CN": "忠诚度", en: "Loyalty", "zh-TW": "忠誠度" } },
    ],
    paths: [
      { from: "image", to: "satisfaction" },
      { from: "quality", to: "satisfaction" },
      { from: "satisfaction", to: "loyalty" },
    ],
  },
} as SurveyDefinitionInput;

const SCALES: Record<string, { min: number; max: number }> = {
  image1: { min: 1, max: 7 }, image2: { min: 1, max: 7 }, quality1: { min: 1, max: 7 }, quality2: { min: 1, max: 7 },
  overall: { min: 1, max: 5 }, expect: { min: 1, max: 7 }, recommend: { min: 0, max: 10 }, return: { min: 1, max: 7 },
};

function modelAnswers(seed: number, count: number): TestAnswer[] {
  const random = seededRandom(seed);
  const item = (latent: number, scale: { min: number; max: number }) => {
    const middle = (scale.min + scale.max) / 2;
    const spread = (scale.max - scale.min) / 5;
    return Math.max(scale.min, Math.min(scale.max, Math.round(middle + spread * (latent + 0.6 * normalDraw(random)))));
  };
  return Array.from({ length: count }, (_, i) => {
    const image = normalDraw(random);
    const quality = normalDraw(random);
    const satisfaction = 0.3 * image + 0.55 * quality + 0.6 * normalDraw(random);
    const loyalty = 0.65 * satisfaction + 0.6 * normalDraw(random);
    const latent: Record<string, number> = { image1: image, image2: image, quality1: quality, quality2: quality, overall: satisfaction, expect: satisfaction, recommend: loyalty, return: loyalty };
    return {
      answers: Object.fromEntries(Object.entries(latent).map(([key, value]) => [key, item(value, SCALES[key])])),
      submittedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
    };
  });
}

const PLS_MODEL = {
  constructs: [
    { name: "image", indicators: ["image1", "image2"] },
    { name: "quality", indicators: ["quality1", "quality2"] },
    { name: "satisfaction", indicators: ["overall", "expect"] },
    { name: "loyalty", indicators: ["recommend", "return"] },
  ],
  paths: [["image", "satisfaction"], ["quality", "satisfaction"], ["satisfaction", "loyalty"]] as const,
};

describe.each(testDatabaseKinds)("model report on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let surveyId: string;
  let answers: TestAnswer[];

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    surveyId = (await buildPublishedSurvey(database.db, org.orgId, MODEL_DEFINITION)).surveyId;
    answers = modelAnswers(5, 80);
    await insertAnswers(database.db, org.orgId, surveyId, answers);
  });
  afterAll(() => database.close());

  it("estimates PLS, indices and seeded bootstrap intervals as analytics does on the raw answers", async () => {
    const report = await getModelReport({ db: database.db, actor: org.users.admin.actor, surveyId, input: ModelQuery.parse({ resamples: 60, seed: 7 }) });
    // The report reads the newest answers first; PLS does not depend on the order of cases, the bootstrap does.
    const newestFirst = [...answers].reverse();
    const columns = (normalize: boolean) =>
      Object.fromEntries(
        Object.keys(SCALES).map((key) => {
          const values = newestFirst.map((a) => a.answers[key] as number);
          return [key, normalize ? normalizeScale(values, SCALES[key]) : values];
        }),
      );
    const raw = estimatePls(columns(false), PLS_MODEL);
    expect(report.cases).toBe(80);
    for (const path of report.paths) {
      expect(path.estimate).toBeCloseTo(raw.paths.find((p) => p.from === path.from && p.to === path.to)!.estimate, 8);
    }
    const satisfaction = report.constructs.find((c) => c.key === "satisfaction")!;
    expect(satisfaction.rSquared).toBeCloseTo(raw.rSquared.satisfaction, 8);
    expect(satisfaction.reliability.rhoC).toBeCloseTo(raw.reliability.satisfaction.rhoC, 8);
    expect(satisfaction.reliability.alpha).toBeCloseTo(raw.reliability.satisfaction.alpha, 8);
    expect(report.constructs.find((c) => c.key === "image")!.rSquared).toBeNull();
    expect(report.htmt.find((h) => h.a === "image" && h.b === "quality")!.value).toBeCloseTo(raw.htmt.image.quality!, 8);

    const normalized = bootstrapPls(columns(true), PLS_MODEL, { resamples: 60, seed: 7, includeScores: false });
    const indices = constructIndexes(normalized.estimate, { scaleMin: 0, scaleMax: 100 });
    for (const construct of report.constructs) expect(construct.index).toBeCloseTo(indices[construct.key], 8);
    for (const path of report.paths) {
      const expected = normalized.paths.find((p) => p.from === path.from && p.to === path.to)!;
      expect(path.bootstrap!.lower).toBeCloseTo(expected.ci[0], 8);
      expect(path.bootstrap!.upper).toBeCloseTo(expected.ci[1], 8);
      expect(path.bootstrap!.standardError).toBeCloseTo(expected.se, 8);
    }
    expect(report.bootstrap).toMatchObject({ resamples: 60, seed: 7 });
    expect(report.importancePerformance!.target).toBe("loyalty");

    // The strongest driver of satisfaction is perceived quality (its path is the larger), read in Chinese.
    const strongest = report.paths.filter((p) => p.to === "satisfaction").sort((a, b) => b.estimate - a.estimate)[0];
    expect(strongest.from).toBe("quality");
    expect(report.reading[0]).toBe(`感知质量是满意度最强的驱动因素（路径系数 ${strongest.estimate.toFixed(2)}${strongest.bootstrap!.isSignificant ? "，显著" : "，不显著"}）。`);
    const english = await getModelReport({ db: database.db, actor: org.users.admin.actor, surveyId, input: ModelQuery.parse({ resamples: 0, locale: "en" }) });
    expect(english.reading[0]).toBe(`Perceived quality is the strongest driver of Satisfaction (path coefficient ${strongest.estimate.toFixed(2)}).`);
    expect(english.bootstrap).toBeNull();
    const traditional = await getModelReport({ db: database.db, actor: org.users.admin.actor, surveyId, input: ModelQuery.parse({ resamples: 0, locale: "zh-TW" }) });
    expect(traditional.reading[0]).toContain("感知品質是滿意度最強的驅動因素");

    const file = await exportReport({
      db: database.db, actor: org.users.admin.actor, surveyId, kind: "model",
      input: { ...ModelQuery.parse({ resamples: 60, seed: 7 }), interval: "month" },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const paths: unknown[][] = [];
    workbook.getWorksheet("路径")!.eachRow((row) => paths.push((row.values as unknown[]).slice(1)));
    expect(paths[0].slice(0, 3)).toEqual(["自", "至", "路径系数"]);
    for (const path of report.paths) {
      expect(paths).toContainEqual([path.from, path.to, path.estimate, path.fSquared, path.bootstrap!.mean, path.bootstrap!.standardError,
        path.bootstrap!.t, path.bootstrap!.lower, path.bootstrap!.upper, path.bootstrap!.isSignificant]);
    }
    expect(file.fileName).toMatch(/结构模型/);
  });

  it("answers report.not_enough_answers with the count when too few answered everything", async () => {
    const { db } = database;
    const small = (await buildPublishedSurvey(db, org.orgId, MODEL_DEFINITION)).surveyId;
    await insertAnswers(db, org.orgId, small, modelAnswers(9, 12));
    await expect(getModelReport({ db, actor: org.users.admin.actor, surveyId: small, input: ModelQuery.parse({}) })).rejects.toMatchObject({
      code: "report.not_enough_answers",
      message: expect.stringContaining("leave 12"),
    });
  });
});
