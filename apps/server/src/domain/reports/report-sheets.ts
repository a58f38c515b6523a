/**
 * Reports as worksheets: the same numbers as the JSON (unrounded, so a spreadsheet can check them), with headers in
 * the reader's language (Chinese for zh-CN and zh-TW). Each builder returns sheets as plain rows; export-report.ts
 * writes them with exceljs.
 */
import type {
  ExpectationReport,
  IndicatorReport,
  KanoReport,
  Locale,
  ModelReport,
  OverviewReport,
  ReportScope,
  ServqualReport,
} from "@kexin/contracts";
import { kanoMeaning } from "./kano-meanings.ts";
import { localized } from "./model-reading.ts";

export type Cell = string | number | boolean | null;
export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

/** Header words: [简体, 繁體, English]. */
const WORDS = {
  summary: ["概览", "概覽", "Summary"],
  item: ["项目", "項目", "Item"],
  value: ["数值", "數值", "Value"],
  survey: ["问卷", "問卷", "Survey"],
  versions: ["版本", "版本", "Versions"],
  from: ["开始日期", "開始日期", "From"],
  to: ["结束日期", "結束日期", "To"],
  responses: ["答卷数", "答卷數", "Responses"],
  sampled: ["抽样答卷数", "抽樣答卷數", "Respondents read"],
  generated: ["生成时间", "生成時間", "Generated"],
  questions: ["题目", "題目", "Questions"],
  question: ["题目", "題目", "Question"],
  title: ["标题", "標題", "Title"],
  type: ["题型", "題型", "Type"],
  answered: ["作答数", "作答數", "Answered"],
  mean: ["均值", "均值", "Mean"],
  lower: ["95% 下限", "95% 下限", "95% lower"],
  upper: ["95% 上限", "95% 上限", "95% upper"],
  distribution: ["分布", "分佈", "Distribution"],
  part: ["部分/行/选项", "部分/行/選項", "Part / row / option"],
  answer: ["答案", "答案", "Answer"],
  count: ["人数", "人數", "Count"],
  share: ["占比", "佔比", "Share"],
  metrics: ["关键指标", "關鍵指標", "Key metrics"],
  metric: ["指标", "指標", "Metric"],
  trend: ["趋势", "趨勢", "Trend"],
  period: ["周期开始", "週期開始", "Period start"],
  change: ["变化", "變化", "Change"],
  pValue: ["p 值", "p 值", "p-value"],
  significant: ["显著", "顯著", "Significant"],
  direction: ["方向", "方向", "Direction"],
  breakdown: ["分组", "分組", "Breakdown"],
  group: ["分组", "分組", "Group"],
  completion: ["完成率", "完成率", "Completion"],
  started: ["开始数", "開始數", "Started"],
  reached: ["到达数", "到達數", "Reached"],
  stopped: ["在此停止", "在此停止", "Stopped here"],
  rate: ["比率", "比率", "Rate"],
  themes: ["主题", "主題", "Themes"],
  term: ["词语", "詞語", "Term"],
  weight: ["权重", "權重", "Weight"],
  index: ["指数", "指數", "Index"],
  level: ["层级", "層級", "Level"],
  key: ["代码", "代碼", "Key"],
  score: ["得分（0–100）", "得分（0–100）", "Score (0–100)"],
  weakest: ["待改进", "待改進", "Where to work"],
  dimension: ["维度", "維度", "Dimension"],
  ipa: ["重要性-表现", "重要性-表現", "Importance-performance"],
  importance: ["重要性", "重要性", "Importance"],
  performance: ["表现", "表現", "Performance"],
  quadrant: ["象限", "象限", "Quadrant"],
  constructs: ["构念", "構念", "Constructs"],
  construct: ["构念", "構念", "Construct"],
  paths: ["路径", "路徑", "Paths"],
  fromConstruct: ["自", "自", "From"],
  toConstruct: ["至", "至", "To"],
  estimate: ["路径系数", "路徑係數", "Estimate"],
  standardError: ["标准误", "標準誤", "Standard error"],
  loadings: ["载荷", "載荷", "Loadings"],
  loading: ["载荷", "載荷", "Loading"],
  reading: ["解读", "解讀", "Reading"],
  sentence: ["结论", "結論", "Sentence"],
  features: ["功能", "功能", "Features"],
  category: ["类别", "類別", "Category"],
  meaning: ["含义", "含義", "Meaning"],
  better: ["Better 系数", "Better 係數", "Better"],
  worse: ["Worse 系数", "Worse 係數", "Worse"],
  items: ["条目", "條目", "Items"],
  expectation: ["期望", "期望", "Expectation"],
  perception: ["感知", "感知", "Perception"],
  gap: ["差距（感知 − 期望）", "差距（感知 − 期望）", "Gap (P − E)"],
  dimensions: ["维度", "維度", "Dimensions"],
  overall: ["总体差距", "總體差距", "Overall gap"],
  weighted: ["加权差距", "加權差距", "Weighted gap"],
  ratio: ["满意比 c = b/a", "滿意比 c = b/a", "Ratio c = b/a"],
  readingName: ["判读", "判讀", "Reading"],
  split: ["顾客分布", "顧客分佈", "Customer split"],
  bins: ["满意比分布", "滿意比分佈", "Ratio histogram"],
  binFrom: ["自", "自", "From"],
  binTo: ["至", "至", "To"],
} as const;

type Word = keyof typeof WORDS;
const column = (locale: Locale) => (locale === "zh-CN" ? 0 : locale === "zh-TW" ? 1 : 2);
const wordsFor = (locale: Locale) => (word: Word) => WORDS[word][column(locale)];

function scopeSheet(scope: ReportScope, locale: Locale, extra: [Word, Cell][] = []): Sheet {
  const w = wordsFor(locale);
  return {
    name: w("summary"),
    header: [w("item"), w("value")],
    rows: [
      [w("survey"), scope.surveyName],
      [w("versions"), scope.versions.join(", ")],
      [w("from"), scope.from],
      [w("to"), scope.to],
      [w("responses"), scope.responses],
      [w("sampled"), scope.sampleSize],
      [w("generated"), scope.generatedAt],
      ...extra.map(([word, value]): Cell[] => [w(word), value]),
    ],
  };
}

export function overviewSheets(report: OverviewReport, locale: Locale): Sheet[] {
  const w = wordsFor(locale);
  const title = new Map(report.questions.map((q) => [q.question.key, localized(q.question.title, locale)]));
  const distribution: Cell[][] = [];
  const questions: Cell[][] = [];
  const themes: Cell[][] = [];
  for (const { question, answered, distribution: d } of report.questions) {
    const t = localized(question.title, locale);
    const mean = d.kind === "scale" ? d.stats.mean : null;
    questions.push([question.key, t, question.type, answered, mean?.mean ?? null, mean?.lower ?? null, mean?.upper ?? null]);
    if (d.kind === "scale") for (const c of d.stats.counts) distribution.push([question.key, t, null, c.value, c.count]);
    if (d.kind === "pair") for (const p of d.parts) for (const c of p.stats.counts) distribution.push([question.key, t, p.part, c.value, c.count]);
    if (d.kind === "rows") for (const r of d.rows) for (const c of r.stats.counts) distribution.push([question.key, t, r.row, c.value, c.count]);
    if (d.kind === "choice") for (const o of d.options) distribution.push([question.key, t, o.key, null, o.count]);
    if (d.kind === "text") for (const theme of d.themes) themes.push([question.key, t, theme.term, theme.count, theme.weight]);
  }
  const metricRows: Cell[][] = [];
  for (const { question, distribution: d } of report.questions) {
    if (d.kind !== "scale") continue;
    if (d.csat) metricRows.push([question.key, title.get(question.key)!, "CSAT %", d.csat.n, d.csat.percent, d.csat.lower, d.csat.upper]);
    if (d.nps) metricRows.push([question.key, title.get(question.key)!, "NPS", d.nps.n, d.nps.nps, d.nps.lower, d.nps.upper]);
    if (d.ces) metricRows.push([question.key, title.get(question.key)!, "CES", d.ces.n, d.ces.mean, d.ces.lower, d.ces.upper]);
  }
  const sheets: Sheet[] = [
    scopeSheet(report.scope, locale, [["completion", report.completion?.rate ?? null]]),
    { name: w("metrics"), header: [w("question"), w("title"), w("metric"), w("count"), w("value"), w("lower"), w("upper")], rows: metricRows },
    { name: w("questions"), header: [w("question"), w("title"), w("type"), w("answered"), w("mean"), w("lower"), w("upper")], rows: questions },
    { name: w("distribution"), header: [w("question"), w("title"), w("part"), w("answer"), w("count")], rows: distribution },
    {
      name: w("trend"),
      header: [w("question"), w("metric"), w("period"), w("count"), w("value"), w("lower"), w("upper"), w("change"), w("pValue"), w("direction"), w("significant")],
      rows: report.trend.series.flatMap((s) =>
        s.periods.map((p): Cell[] => [
          s.question, s.metric, p.start, p.n, p.value, p.lower, p.upper,
          p.change?.difference ?? null, p.change?.pValue ?? null, p.change?.direction ?? null, p.change?.isSignificant ?? null,
        ]),
      ),
    },
  ];
  if (report.breakdown) {
    sheets.push({
      name: w("breakdown"),
      header: [w("group"), w("title"), w("responses"), w("question"), w("metric"), w("count"), w("value"), w("lower"), w("upper")],
      rows: report.breakdown.groups.flatMap((g) =>
        g.metrics.map((m): Cell[] => [g.key, g.label, g.responses, m.question, m.metric, m.n, m.value, m.lower, m.upper]),
      ),
    });
  }
  if (report.completion) {
    const c = report.completion;
    sheets.push({
      name: w("completion"),
      header: [w("item"), w("reached"), w("stopped"), w("rate")],
      rows: [
        [w("started"), c.started, null, null],
        [w("responses"), c.submitted, null, c.rate],
        ...c.pages.map((p): Cell[] => [p.page, p.reached, p.stoppedHere, c.started === 0 ? null : p.reached / c.started]),
        ...c.questions.map((q): Cell[] => [q.question, q.reached, null, q.rate]),
      ],
    });
  }
  if (themes.length > 0) sheets.push({ name: w("themes"), header: [w("question"), w("title"), w("term"), w("count"), w("weight")], rows: themes });
  return sheets;
}

export function indicatorSheets(report: IndicatorReport, locale: Locale): Sheet[] {
  const w = wordsFor(locale);
  const sheets: Sheet[] = [
    scopeSheet(report.scope, locale, [["index", report.score]]),
    {
      name: w("index"),
      header: [w("level"), w("key"), w("title"), w("weight"), w("score"), w("answered")],
      rows: [
        [1, "index", report.scope.surveyName, 1, report.score, report.respondents],
        ...report.dimensions.flatMap((d): Cell[][] => [
          [2, d.key, localized(d.title, locale), d.weight, d.score, null],
          ...d.indicators.map((i): Cell[] => [3, i.key, localized(i.title, locale), i.weight, i.score, i.answered]),
        ]),
      ],
    },
    {
      name: w("weakest"),
      header: [w("key"), w("title"), w("dimension"), w("weight"), w("score")],
      rows: report.weakest.map((i) => [i.key, localized(i.title, locale), localized(i.dimensionTitle, locale), i.weight, i.score]),
    },
  ];
  if (report.importancePerformance) {
    sheets.push({
      name: w("ipa"),
      header: [w("key"), w("title"), w("dimension"), w("importance"), w("performance"), w("quadrant")],
      rows: report.importancePerformance.attributes.map((a) => [a.key, localized(a.title, locale), a.dimension, a.importance, a.performance, a.quadrant]),
    });
  }
  return sheets;
}

export function modelSheets(report: ModelReport, locale: Locale): Sheet[] {
  const w = wordsFor(locale);
  return [
    scopeSheet(report.scope, locale, [["count", report.cases]]),
    {
      name: w("constructs"),
      header: [w("key"), w("title"), w("index"), "R²", "R² adj", "α", "ρC", "ρA", "AVE"],
      rows: report.constructs.map((c) => [
        c.key, localized(c.title, locale), c.index, c.rSquared, c.rSquaredAdjusted,
        c.reliability.alpha, c.reliability.rhoC, c.reliability.rhoA, c.reliability.ave,
      ]),
    },
    {
      name: w("paths"),
      header: [w("fromConstruct"), w("toConstruct"), w("estimate"), "f²", w("mean"), w("standardError"), "t", w("lower"), w("upper"), w("significant")],
      rows: report.paths.map((p) => [
        p.from, p.to, p.estimate, p.fSquared, p.bootstrap?.mean ?? null, p.bootstrap?.standardError ?? null,
        p.bootstrap?.t ?? null, p.bootstrap?.lower ?? null, p.bootstrap?.upper ?? null, p.bootstrap?.isSignificant ?? null,
      ]),
    },
    {
      name: w("loadings"),
      header: [w("construct"), w("key"), w("question"), w("loading"), w("weight")],
      rows: report.constructs.flatMap((c) => c.indicators.map((i): Cell[] => [c.key, i.name, i.question, i.loading, i.weight])),
    },
    { name: "HTMT", header: [w("construct"), w("construct"), "HTMT"], rows: report.htmt.map((h) => [h.a, h.b, h.value]) },
    { name: w("reading"), header: [w("sentence")], rows: report.reading.map((s) => [s]) },
  ];
}

export function kanoSheets(report: KanoReport, locale: Locale): Sheet[] {
  const w = wordsFor(locale);
  return [
    scopeSheet(report.scope, locale),
    {
      name: w("features"),
      header: [w("question"), w("title"), w("count"), "M", "O", "A", "I", "R", "Q", w("category"), w("meaning"), w("better"), w("worse"), w("significant")],
      rows: report.features.map((f) => [
        f.question, localized(f.feature, locale), f.n, f.counts.M, f.counts.O, f.counts.A, f.counts.I, f.counts.R, f.counts.Q,
        localized(kanoMeaning(f.category).label, locale), localized(kanoMeaning(f.category).meaning, locale), f.better, f.worse, f.isSignificant,
      ]),
    },
  ];
}

export function servqualSheets(report: ServqualReport, locale: Locale): Sheet[] {
  const w = wordsFor(locale);
  return [
    scopeSheet(report.scope, locale, [["overall", report.overall], ["weighted", report.weighted]]),
    {
      name: w("items"),
      header: [w("question"), w("title"), w("dimension"), w("expectation"), w("perception"), w("gap")],
      rows: report.items.map((i) => [i.question, localized(i.title, locale), i.dimension, i.expectation, i.perception, i.gap]),
    },
    { name: w("dimensions"), header: [w("dimension"), w("gap"), w("weight")], rows: report.dimensions.map((d) => [d.dimension, d.gap, d.weight]) },
  ];
}

export function expectationSheets(report: ExpectationReport, locale: Locale): Sheet[] {
  const w = wordsFor(locale);
  return [
    scopeSheet(report.scope, locale, [["ratio", report.meanRatio], ["count", report.respondents]]),
    { name: w("split"), header: [w("readingName"), w("count"), w("share")], rows: report.split.map((s) => [s.reading, s.count, s.share]) },
    {
      name: w("items"),
      header: [w("question"), w("title"), w("count"), w("expectation"), w("perception"), w("gap"), w("ratio"), w("readingName")],
      rows: report.attributes.map((a) => [a.question, localized(a.title, locale), a.n, a.expectation, a.perception, a.gap, a.ratio, a.reading]),
    },
    { name: w("bins"), header: [w("binFrom"), w("binTo"), w("count")], rows: report.ratioBins.map((b) => [b.from, b.to, b.count]) },
  ];
}
