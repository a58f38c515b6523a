/**
 * The survey templates are data, so these tests are their type checker: each must be a valid survey definition,
 * fully written in its languages, answerable, and structurally right for the report it feeds (the ECSI model
 * compiles and estimates with the PLS code, SERVQUAL has its 22 items, every indicator has a question).
 */
import { describe, expect, it } from "vitest";
import { compilePlsModel, estimatePls, seededRandom, simulatePlsData, type PlsModel } from "@kexin/analytics";
import {
  type Answers,
  type AnswerValue,
  type Locale,
  type Question,
  type SurveyDefinition as SurveyDefinitionType,
  Key,
  listQuestions,
  scaleRange,
  SurveyDefinition,
  SurveyTemplateSummary,
  validateAnswers,
} from "@kexin/contracts";
import { surveyTemplates, type SurveyTemplate } from "./index.ts";

const LOCALES: readonly Locale[] = ["zh-CN", "en", "zh-TW"];

function parse(template: SurveyTemplate): SurveyDefinitionType {
  const result = SurveyDefinition.safeParse(template.definition);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`template ${template.key} is not a valid survey definition:\n${issues.join("\n")}`);
  }
  return result.data;
}

function template(key: string): SurveyTemplate {
  const found = surveyTemplates.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no template ${key}`);
  return found;
}

/** Every localized text in a value, with where it sits: any object whose keys are all locales. */
function localizedTexts(value: unknown, path = ""): { path: string; text: Partial<Record<Locale, string>> }[] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => localizedTexts(entry, `${path}[${index}]`));
  if (typeof value !== "object" || value === null) return [];
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => (LOCALES as readonly string[]).includes(key))) {
    return [{ path, text: value as Partial<Record<Locale, string>> }];
  }
  return Object.entries(value).flatMap(([key, entry]) => localizedTexts(entry, path ? `${path}.${key}` : key));
}

const HAN = /\p{Script=Han}/u;
// Characters that exist only in simplified writing, and their traditional forms: a 繁體 text containing one of
// the first was not converted, a 简体 text containing one of the second was pasted from the wrong column.
const SIMPLIFIED_ONLY = "这们个对务时为产实价质购环应让还与导顾设备经给总问题吗议荐现东动号来过进选项单结账线网页电话会员优积级亲关门卫间适净饮厅层预订办续认识专业够愿长计标样类鲜齐货场区钱费惯赖确录错误诚热礼帮处欢乐团队领报资压训练职机觉变满说么从两语统济据带师开岁扫码体发";
const TRADITIONAL_ONLY = "這們個對務時為產實價質購環應讓還與導顧設備經給總問題嗎議薦現東動號來過進選項單結帳線網頁電話會員優積級親關門衛間適淨飲廳層預訂辦續認識專業夠願長計標樣類鮮齊貨場區錢費慣賴確錄錯誤誠熱禮幫處歡樂團隊領報資壓訓練職機覺變滿說麼從兩語統濟據帶師開歲掃碼體發";

const ratingTypes = new Set<Question["type"]>(["likert", "csat", "nps", "ces"]);

/** A complete answer set at the bottom (or top) of every scale, with the first (or last) option of every choice. */
function answersAt(definition: SurveyDefinitionType, end: "low" | "high"): Answers {
  const pick = <T>(items: readonly T[]): T => (end === "low" ? items[0] : items[items.length - 1]);
  const answers: Answers = {};
  for (const question of listQuestions(definition)) {
    const range = scaleRange(question);
    const score = range ? (end === "low" ? range.min : range.max) : 0;
    let value: AnswerValue;
    switch (question.type) {
      case "expectation_perception":
        value = { expectation: score, perception: score };
        break;
      case "kano":
        value = { functional: score, dysfunctional: score };
        break;
      case "competitor":
        value = Object.fromEntries(["us", ...question.competitors.map((c) => c.key)].map((key) => [key, score]));
        break;
      case "matrix":
        value = Object.fromEntries(question.rows.map((row) => [row.key, score]));
        break;
      case "single_choice":
        value = pick(question.options).key;
        break;
      case "multiple_choice":
        value = [pick(question.options).key];
        break;
      case "text":
        value = "有一点建议 / a suggestion";
        break;
      default:
        value = score;
    }
    answers[question.key] = value;
  }
  return answers;
}

/** The PLS model a model report would estimate: each construct measured by the questions tied to it. */
function plsModelOf(definition: SurveyDefinitionType): PlsModel {
  const questions = listQuestions(definition);
  return {
    constructs: (definition.model?.constructs ?? []).map((construct) => ({
      name: construct.key,
      mode: construct.mode,
      indicators: questions.filter((question) => question.construct === construct.key).map((question) => question.key),
    })),
    paths: (definition.model?.paths ?? []).map((path) => [path.from, path.to] as const),
  };
}

describe("survey templates", () => {
  it("offers the eight templates the issue asks for, each under its own unique key", () => {
    const keys = surveyTemplates.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([
      "csat-after-purchase",
      "ecsi-model",
      "employee-satisfaction",
      "hotel-index",
      "kano-feature-study",
      "nps-relationship",
      "servqual-22",
      "supermarket-index",
    ]);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9-]{1,59}$/);
  });

  describe.each(surveyTemplates.map((entry) => [entry.key, entry] as const))("%s", (_key, entry) => {
    it("is a valid survey definition and summary", () => {
      const definition = parse(entry);
      const summary = { ...entry, questionCount: listQuestions(definition).length };
      expect(SurveyTemplateSummary.safeParse(summary).success).toBe(true);
      expect(definition.languages).toEqual(expect.arrayContaining(["zh-CN", "en"]));
    });

    it("uses unique lower-case snake keys for its questions, pages and options", () => {
      const definition = parse(entry);
      const questionKeys = listQuestions(definition).map((question) => question.key);
      expect(new Set(questionKeys).size).toBe(questionKeys.length);
      const pageKeys = definition.pages.map((page) => page.key);
      expect(new Set(pageKeys).size).toBe(pageKeys.length);
      for (const key of [...questionKeys, ...pageKeys]) expect(Key.safeParse(key).success, key).toBe(true);
      for (const question of listQuestions(definition)) {
        if (question.type !== "single_choice" && question.type !== "multiple_choice") continue;
        const optionKeys = question.options.map((option) => option.key);
        expect(new Set(optionKeys).size, question.key).toBe(optionKeys.length);
      }
    });

    it("titles every page and writes every text in zh-CN, en and each of its languages", () => {
      const definition = parse(entry);
      for (const page of definition.pages) expect(page.title, `page ${page.key}`).toBeDefined();
      const texts = localizedTexts({ title: entry.title, description: entry.description, definition: entry.definition });
      // title, description, survey title, every page title and every question title at the least
      expect(texts.length).toBeGreaterThan(3 + definition.pages.length + listQuestions(definition).length);
      for (const { path, text } of texts) {
        for (const locale of new Set<Locale>(["zh-CN", "en", ...definition.languages])) {
          expect(text[locale]?.trim(), `${path} in ${locale}`).toBeTruthy();
        }
      }
    });

    it("writes each language in its own script: English without Han, 简体 and 繁體 not mixed up", () => {
      for (const { path, text } of localizedTexts({ entry: [entry.title, entry.description], definition: entry.definition })) {
        expect(HAN.test(text.en ?? ""), `${path}.en: ${text.en}`).toBe(false);
        expect(HAN.test(text["zh-CN"] ?? ""), `${path}.zh-CN: ${text["zh-CN"]}`).toBe(true);
        const wrongInSimplified = [...(text["zh-CN"] ?? "")].filter((character) => TRADITIONAL_ONLY.includes(character));
        expect(wrongInSimplified, `${path}.zh-CN: ${text["zh-CN"]}`).toEqual([]);
        if (text["zh-TW"] === undefined) continue;
        expect(HAN.test(text["zh-TW"]), `${path}.zh-TW: ${text["zh-TW"]}`).toBe(true);
        const wrongInTraditional = [...text["zh-TW"]].filter((character) => SIMPLIFIED_ONLY.includes(character));
        expect(wrongInTraditional, `${path}.zh-TW: ${text["zh-TW"]}`).toEqual([]);
      }
    });

    it("contains what its measures promise, so the report menu offers only reports that have data", () => {
      const definition = parse(entry);
      const types = new Set(listQuestions(definition).map((question) => question.type));
      const expectations: Record<SurveyTemplate["measures"][number], boolean> = {
        csat: types.has("csat"),
        nps: types.has("nps"),
        ces: types.has("ces"),
        servqual: listQuestions(definition).some((q) => q.type === "expectation_perception" && q.servqualDimension),
        expectation: types.has("expectation_perception"),
        kano: types.has("kano"),
        model: definition.model !== undefined,
        indicators: definition.indicatorSystem !== undefined,
        employee: definition.isAnonymous,
      };
      expect(entry.measures.length).toBeGreaterThan(0);
      for (const measure of entry.measures) expect(expectations[measure], measure).toBe(true);
    });

    it("can be answered at both ends of every scale, and its logic and rules fit the scales they test", () => {
      const definition = parse(entry);
      for (const end of ["low", "high"] as const) {
        expect(validateAnswers(definition, answersAt(definition, end)).errors, end).toEqual([]);
      }
      const byKey = new Map(listQuestions(definition).map((question) => [question.key, question]));
      const conditions = [
        ...listQuestions(definition).flatMap((question) => question.showIf ?? []),
        ...definition.closedLoop.flatMap((rule) => (rule.when.kind === "answer" ? [rule.when] : [])),
      ];
      for (const condition of conditions) {
        const range = scaleRange(byKey.get(condition.question)!);
        if (typeof condition.value !== "number") continue;
        expect(range, condition.question).not.toBeNull();
        // lte max or gte min would always hold: a rule or condition that tests nothing is a mistake
        const [low, high] = { lte: [range!.min, range!.max - 1], gte: [range!.min + 1, range!.max] }[
          condition.operator as "lte" | "gte"
        ] ?? [range!.min, range!.max];
        expect(condition.value, condition.question).toBeGreaterThanOrEqual(low);
        expect(condition.value, condition.question).toBeLessThanOrEqual(high);
      }
    });
  });

  it("csat-after-purchase rates overall CSAT, four attributes and CES, and follows up CSAT ≤ 2", () => {
    const definition = parse(template("csat-after-purchase"));
    const questions = listQuestions(definition);
    expect(questions.filter((q) => q.type === "csat")).toHaveLength(1);
    expect(questions.filter((q) => q.type === "ces")).toHaveLength(1);
    expect(questions.filter((q) => q.type === "likert").length).toBeGreaterThanOrEqual(4);
    expect(questions.some((q) => q.type === "text")).toBe(true);
    const csatKey = questions.find((q) => q.type === "csat")!.key;
    expect(definition.closedLoop).toContainEqual(
      expect.objectContaining({ when: { kind: "answer", question: csatKey, operator: "lte", value: 2 } }),
    );
  });

  it("nps-relationship asks detractors and promoters different follow-ups and follows up NPS ≤ 6", () => {
    const definition = parse(template("nps-relationship"));
    const nps = listQuestions(definition).find((q) => q.type === "nps")!;
    expect(definition.closedLoop).toContainEqual(
      expect.objectContaining({ when: { kind: "answer", question: nps.key, operator: "lte", value: 6 } }),
    );
    const detractor = validateAnswers(definition, { ...answersAt(definition, "high"), [nps.key]: 3 }).answers;
    const promoter = validateAnswers(definition, { ...answersAt(definition, "high"), [nps.key]: 10 }).answers;
    expect(Object.keys(detractor)).toContain("detractor_reason");
    expect(Object.keys(detractor)).not.toContain("promoter_reason");
    expect(Object.keys(promoter)).toContain("promoter_reason");
    expect(Object.keys(promoter)).not.toContain("detractor_reason");
    expect(listQuestions(definition).some((q) => q.type === "multiple_choice")).toBe(true);
  });

  it("servqual-22 has the 22 items on 7 points, split 4/5/4/4/5 in the standard order, and one importance per dimension", () => {
    const definition = parse(template("servqual-22"));
    const items = listQuestions(definition).filter((q) => q.type === "expectation_perception");
    expect(items).toHaveLength(22);
    const dimensions = items.map((q) => (q.type === "expectation_perception" ? q.servqualDimension : undefined));
    const expected = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"];
    const sizes = [4, 5, 4, 4, 5];
    expect(dimensions).toEqual(expected.flatMap((dimension, index) => Array<string>(sizes[index]).fill(dimension)));
    for (const q of items) expect(q.type === "expectation_perception" && q.points).toBe(7);
    const importance = listQuestions(definition).filter((q) => q.type === "importance").map((q) => q.key);
    expect(importance.sort()).toEqual(expected.map((dimension) => `importance_${dimension}`).sort());
  });

  it("kano-feature-study describes each feature and asks its importance", () => {
    const definition = parse(template("kano-feature-study"));
    const kano = listQuestions(definition).filter((q) => q.type === "kano");
    expect(kano.length).toBeGreaterThanOrEqual(5);
    expect(kano.length).toBeLessThanOrEqual(6);
    const keys = new Set(listQuestions(definition).map((q) => q.key));
    for (const q of kano) {
      expect(q.type === "kano" && q.feature["zh-CN"] && q.feature.en, q.key).toBeTruthy();
      expect(keys.has(`importance_${q.key}`), q.key).toBe(true);
    }
  });

  describe("ecsi-model", () => {
    const ECSI_PATHS = [
      "imag>cuex", "imag>cusa", "imag>cusl", "cuex>perq", "cuex>perv", "cuex>cusa",
      "perq>perv", "perq>cusa", "perv>cusa", "cusa>cusl",
    ];

    it("has the six ECSI constructs in mode A, the ten ECSI paths, and 2–5 seven-point items per construct", () => {
      const definition = parse(template("ecsi-model"));
      const model = definition.model!;
      expect(model.constructs.map((c) => c.key)).toEqual(["imag", "cuex", "perq", "perv", "cusa", "cusl"]);
      for (const construct of model.constructs) expect(construct.mode).toBe("A");
      expect(model.paths.map((p) => `${p.from}>${p.to}`).sort()).toEqual([...ECSI_PATHS].sort());
      for (const construct of plsModelOf(definition).constructs) {
        expect(construct.indicators.length, construct.name).toBeGreaterThanOrEqual(2);
        expect(construct.indicators.length, construct.name).toBeLessThanOrEqual(5);
      }
      for (const q of listQuestions(definition).filter((question) => question.construct)) {
        expect(q.type === "likert" && q.points, q.key).toBe(7);
      }
    });

    // A plausible population (satisfaction driven mostly by quality, loyalty by satisfaction) to simulate from.
    const TRUE_PATHS: Record<string, number> = {
      "imag>cuex": 0.5, "imag>cusa": 0.15, "imag>cusl": 0.2, "cuex>perq": 0.5, "cuex>perv": 0.1,
      "cuex>cusa": 0.05, "perq>perv": 0.5, "perq>cusa": 0.4, "perv>cusa": 0.25, "cusa>cusl": 0.5,
    };

    it("compiles with the PLS code and estimates on data simulated from it", () => {
      const definition = parse(template("ecsi-model"));
      const model = plsModelOf(definition);
      const compiled = compilePlsModel(model);
      expect(compiled.constructs).toHaveLength(6);
      expect(compiled.paths).toHaveLength(10);
      const data = simulatePlsData({
        model,
        pathCoefficients: model.paths.map(([from, to]) => TRUE_PATHS[`${from}>${to}`]),
        rows: 400,
        random: seededRandom(7),
      });
      const result = estimatePls(data, model);
      expect(result.converged).toBe(true);
      const satisfactionOnLoyalty = result.paths.find((p) => p.from === "cusa" && p.to === "cusl")!;
      expect(satisfactionOnLoyalty.estimate).toBeGreaterThan(0.25);
      expect(result.rSquared.cusa).toBeGreaterThan(0.2);
    });
  });

  describe.each(["supermarket-index", "hotel-index", "employee-satisfaction"])("indicator system of %s", (key) => {
    it("ties every indicator to at least one rating question, all on one scale", () => {
      const definition = parse(template(key));
      const system = definition.indicatorSystem!;
      const indicatorKeys = system.dimensions.flatMap((d) => d.indicators.map((i) => i.key));
      expect(new Set(indicatorKeys).size).toBe(indicatorKeys.length);
      const tied = listQuestions(definition).filter((q) => q.indicator);
      const ratings = tied.filter((q) => ratingTypes.has(q.type));
      for (const indicator of indicatorKeys) {
        expect(ratings.some((q) => q.indicator === indicator), `indicator ${indicator}`).toBe(true);
      }
      // The index rescales every answer with one scale; importance questions may only join rated indicators.
      expect(new Set(ratings.map((q) => `${q.type}/${"points" in q ? q.points : ""}`)).size).toBe(1);
      for (const q of tied.filter((question) => !ratingTypes.has(question.type))) expect(q.type, q.key).toBe("importance");
    });

    it("gives weights at each level for every entry or for none, summing to 1 when given", () => {
      const system = parse(template(key)).indicatorSystem!;
      const levels = [system.dimensions.map((d) => d.weight), ...system.dimensions.map((d) => d.indicators.map((i) => i.weight))];
      for (const weights of levels) {
        const given = weights.filter((weight) => weight !== undefined);
        expect([0, weights.length]).toContain(given.length);
        if (given.length > 0) expect(given.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }
    });
  });

  it("states the same numbers in its descriptions as its definitions hold", () => {
    const count = (key: string, keep: (question: Question) => boolean) =>
      listQuestions(parse(template(key))).filter(keep).length;
    const indicatorCount = (key: string) =>
      parse(template(key)).indicatorSystem!.dimensions.reduce((total, d) => total + d.indicators.length, 0);
    expect(template("ecsi-model").description.en).toContain(`${count("ecsi-model", (q) => !!q.construct)} seven-point items`);
    expect(template("supermarket-index").description.en).toContain(`${indicatorCount("supermarket-index")} weighted indicators`);
    expect(template("hotel-index").description.en).toContain(`${indicatorCount("hotel-index")} weighted indicators`);
    expect(template("employee-satisfaction").description.en).toContain(`${indicatorCount("employee-satisfaction")} agree/disagree`);
  });

  it("keeps the employee survey anonymous and out of the closed loop", () => {
    const definition = parse(template("employee-satisfaction"));
    expect(definition.isAnonymous).toBe(true);
    expect(definition.closedLoop).toEqual([]);
    expect(listQuestions(definition).some((q) => q.type === "nps")).toBe(true);
  });
});
