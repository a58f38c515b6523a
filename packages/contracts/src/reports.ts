/**
 * Survey reports: every number is computed by @kexin/analytics on the server (never again in the browser), so the
 * web pages, the Excel export and the tests all read the same figures. Dates are calendar days in the reporting
 * time zone (Asia/Shanghai); `to` is inclusive. Shares are in [0, 1]; CSAT and NPS are in points (0–100, −100–100);
 * every interval is a 95 % confidence interval. A number that cannot be computed (no answers, one answer for a
 * mean interval) is null, never NaN.
 *
 * Routes (all GET, permission report.read; a survey outside the actor's stores answers 404, and a store-bound
 * role only ever sees answers given at its own stores):
 * - /api/surveys/:id/reports                 → ReportMenu
 * - /api/surveys/:id/reports/overview        → OverviewReport    (query OverviewQuery)
 * - /api/surveys/:id/reports/indicators      → IndicatorReport   (query ReportQuery)
 * - /api/surveys/:id/reports/model           → ModelReport       (query ModelQuery)
 * - /api/surveys/:id/reports/kano            → KanoReport        (query ReportQuery)
 * - /api/surveys/:id/reports/servqual        → ServqualReport    (query ReportQuery)
 * - /api/surveys/:id/reports/expectation     → ExpectationReport (query ReportQuery)
 * - /api/surveys/:id/reports/:kind.xlsx      → the same numbers as an Excel workbook (query as the kind's, plus
 *   `locale` for the headers)
 */
import { z } from "zod";
import { Id, IsoDate, IsoDateTime, Locale } from "./common.ts";
import { LocalizedText, QuestionType } from "./surveys/definition.ts";

export const REPORT_KINDS = ["overview", "indicators", "model", "kano", "servqual", "expectation"] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const ReportChannel = z.enum(["link", "kiosk", "email", "staff", "import"]);
export type ReportChannel = z.infer<typeof ReportChannel>;

/** Filters every report takes. Questions are matched by key across versions unless one version is chosen. */
export const ReportQuery = z.object({
  from: IsoDate.optional(),
  /** Inclusive. */
  to: IsoDate.optional(),
  version: z.coerce.number().int().min(1).optional(),
  storeId: Id.optional(),
  channel: ReportChannel.optional(),
  /** Language of generated text (the model reading) and of Excel headers. */
  locale: Locale.default("zh-CN"),
});
export type ReportQuery = z.input<typeof ReportQuery>;

export const ReportInterval = z.enum(["week", "month"]);
export type ReportInterval = z.infer<typeof ReportInterval>;

/** "store" | "channel" | "staff" | "language" | "tag" (a customer's tags) | "attribute:<name>" (e.g. attribute:tier). */
export const ReportGroupBy = z
  .string()
  .regex(
    /^(store|channel|staff|language|tag|attribute:[A-Za-z0-9_\-\u4e00-\u9fff]{1,40})$/,
    "group by store, channel, staff, language, tag or attribute:<name>",
  );
export type ReportGroupBy = z.infer<typeof ReportGroupBy>;

export const OverviewQuery = ReportQuery.extend({
  interval: ReportInterval.default("month"),
  groupBy: ReportGroupBy.optional(),
});
export type OverviewQuery = z.input<typeof OverviewQuery>;

export const ModelQuery = ReportQuery.extend({
  /** Bootstrap resamples for the path intervals; 0 skips the bootstrap. */
  resamples: z.coerce.number().int().min(0).max(5000).default(500),
  seed: z.coerce.number().int().min(0).max(2147483647).default(20240601),
});
export type ModelQuery = z.input<typeof ModelQuery>;

export const ReportParams = z.object({ id: Id });
export const ReportExportParams = z.object({ id: Id, kind: ReportKind });

/** What every report says about the answers it read. */
export const ReportScope = z.object({
  surveyId: Id,
  surveyName: z.string(),
  /** Versions whose answers were read (all published versions unless `version` was given). */
  versions: z.array(z.number().int()),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  storeId: Id.nullable(),
  channel: ReportChannel.nullable(),
  /** Submitted responses matching the filters (and the actor's stores). */
  responses: z.number().int(),
  /** True when a per-respondent report read only the newest `sampleSize` respondents. */
  isSampled: z.boolean(),
  /** Respondents actually read by a per-respondent report; null for reports computed from counts. */
  sampleSize: z.number().int().nullable(),
  generatedAt: IsoDateTime,
});
export type ReportScope = z.infer<typeof ReportScope>;

/** A question as the report shows it: its newest wording among the versions read. */
export const ReportQuestion = z.object({
  key: z.string(),
  type: QuestionType,
  title: LocalizedText,
  page: z.string(),
  indicator: z.string().nullable(),
  construct: z.string().nullable(),
});
export type ReportQuestion = z.infer<typeof ReportQuestion>;

export const MeanEstimate = z.object({
  n: z.number().int(),
  mean: z.number(),
  /** Student t interval; null with fewer than two answers. */
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  standardError: z.number().nullable(),
});
export type MeanEstimate = z.infer<typeof MeanEstimate>;

/** CSAT: top-2-box share of a 1–5 question, in percent, with its Wilson interval (percent). */
export const CsatMetric = z.object({
  n: z.number().int(),
  satisfied: z.number().int(),
  percent: z.number(),
  lower: z.number(),
  upper: z.number(),
});
export type CsatMetric = z.infer<typeof CsatMetric>;

export const NpsMetric = z.object({
  n: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  nps: z.number(),
  standardError: z.number(),
  lower: z.number(),
  upper: z.number(),
});
export type NpsMetric = z.infer<typeof NpsMetric>;

/** CES: mean agreement (1–7) with its t interval, the share who found it easy (top 3 boxes) and the 0–100 score. */
export const CesMetric = z.object({
  n: z.number().int(),
  mean: z.number(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  easyShare: z.number(),
  score100: z.number(),
});
export type CesMetric = z.infer<typeof CesMetric>;

export const ScaleCount = z.object({ value: z.number().int(), count: z.number().int() });

/** Answers to one scale (or one part/row of a compound question): counts for every point of the scale. */
export const ScaleStats = z.object({
  min: z.number().int(),
  max: z.number().int(),
  n: z.number().int(),
  /** One entry per scale point, min … max, zeros included. */
  counts: z.array(ScaleCount),
  /** Null when nobody answered. */
  mean: MeanEstimate.nullable(),
});
export type ScaleStats = z.infer<typeof ScaleStats>;

export const ReportTheme = z.object({
  term: z.string(),
  /** How many answers mention the term. */
  count: z.number().int(),
  weight: z.number(),
});
export type ReportTheme = z.infer<typeof ReportTheme>;

/** What one question's answers look like, by the shape of its answers. */
export const QuestionDistribution = z.discriminatedUnion("kind", [
  /** likert, csat, nps, ces, importance. `csat`/`nps`/`ces` are set for those types when anyone answered. */
  z.object({
    kind: z.literal("scale"),
    stats: ScaleStats,
    csat: CsatMetric.nullable(),
    nps: NpsMetric.nullable(),
    ces: CesMetric.nullable(),
  }),
  /** expectation_perception (parts expectation, perception) and kano (parts functional, dysfunctional). */
  z.object({
    kind: z.literal("pair"),
    parts: z.array(z.object({ part: z.enum(["expectation", "perception", "functional", "dysfunctional"]), stats: ScaleStats })),
  }),
  /** matrix (one entry per row) and competitor (row "us" for the business, then one per competitor). */
  z.object({
    kind: z.literal("rows"),
    rows: z.array(z.object({ row: z.string(), label: LocalizedText.nullable(), stats: ScaleStats })),
  }),
  /** single_choice and multiple_choice: `share` is of the respondents who answered the question. */
  z.object({
    kind: z.literal("choice"),
    n: z.number().int(),
    options: z.array(z.object({ key: z.string(), label: LocalizedText.nullable(), count: z.number().int(), share: z.number() })),
  }),
  /** text: themes of the answers (empty until text analysis is available). */
  z.object({ kind: z.literal("text"), n: z.number().int(), themes: z.array(ReportTheme) }),
]);
export type QuestionDistribution = z.infer<typeof QuestionDistribution>;

export const QuestionReport = z.object({
  question: ReportQuestion,
  /** Responses that answered it. */
  answered: z.number().int(),
  distribution: QuestionDistribution,
});
export type QuestionReport = z.infer<typeof QuestionReport>;

/**
 * Started = submitted responses + saved drafts never submitted. Drafts carry no store or channel, so completion is
 * null when a store or channel filter is set, or when a store-bound role reads an organisation-wide survey.
 */
export const Completion = z.object({
  started: z.number().int(),
  submitted: z.number().int(),
  /** submitted / started; null when nothing started. */
  rate: z.number().nullable(),
  /** The funnel by page: how many got to the page, and how many unfinished answers stopped there. */
  pages: z.array(z.object({ page: z.string(), index: z.number().int(), reached: z.number().int(), stoppedHere: z.number().int() })),
  /** How many started answers (submitted or saved) hold an answer to each question; `rate` = reached / started. */
  questions: z.array(z.object({ question: z.string(), reached: z.number().int(), rate: z.number().nullable() })),
});
export type Completion = z.infer<typeof Completion>;

/** A key metric is every csat, nps and ces question (or, when there are none, every likert question's mean). */
export const KeyMetricKind = z.enum(["csat", "nps", "ces", "mean"]);
export type KeyMetricKind = z.infer<typeof KeyMetricKind>;
export const KeyMetric = z.object({ question: z.string(), metric: KeyMetricKind, title: LocalizedText });
export type KeyMetric = z.infer<typeof KeyMetric>;

/** One key metric's value in a period or group: CSAT percent, NPS points, or a mean; null when not computable. */
export const MetricValue = z.object({
  question: z.string(),
  metric: KeyMetricKind,
  n: z.number().int(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});
export type MetricValue = z.infer<typeof MetricValue>;

/** The change from the previous period, by analytics waveTrend (Welch t, two-proportion z, or NPS z-test). */
export const PeriodChange = z.object({
  previous: z.number(),
  difference: z.number(),
  pValue: z.number(),
  direction: z.enum(["up", "down", "flat"]),
  isSignificant: z.boolean(),
  test: z.enum(["welch-t", "two-proportion-z", "nps-difference-z"]),
});
export type PeriodChange = z.infer<typeof PeriodChange>;

export const TrendSeries = z.object({
  question: z.string(),
  metric: KeyMetricKind,
  periods: z.array(
    MetricValue.omit({ question: true, metric: true }).extend({
      /** First day of the week (Monday) or month. */
      start: IsoDate,
      /** Null for the first period, or when either period has too few answers to test. */
      change: PeriodChange.nullable(),
    }),
  ),
});
export type TrendSeries = z.infer<typeof TrendSeries>;

export const BreakdownGroup = z.object({
  /** Store id, channel, staff user id, language, tag, or attribute value; null for "none" (e.g. anonymous). */
  key: z.string().nullable(),
  /** Store or staff name, or the key itself. */
  label: z.string().nullable(),
  responses: z.number().int(),
  metrics: z.array(MetricValue),
});
export type BreakdownGroup = z.infer<typeof BreakdownGroup>;

export const OverviewReport = z.object({
  scope: ReportScope,
  questions: z.array(QuestionReport),
  completion: Completion.nullable(),
  keyMetrics: z.array(KeyMetric),
  trend: z.object({ interval: ReportInterval, series: z.array(TrendSeries) }),
  /** Null unless `groupBy` was given. Groups are ordered by responses, most first. */
  breakdown: z.object({ groupBy: ReportGroupBy, groups: z.array(BreakdownGroup) }).nullable(),
});
export type OverviewReport = z.infer<typeof OverviewReport>;

export const IpaQuadrantName = z.enum(["concentrate here", "keep up the good work", "low priority", "possible overkill"]);

/** Importance–performance grid (Martilla & James): performance on 0–100, cuts at the means. */
export const ImportancePerformanceGrid = z.object({
  /**
   * importance_questions: mean rating (rescaled 0–100) of the importance questions tied to the indicator;
   * regression: derived importance, the indicator's share (in percent, summing to 100) of the standardised
   * regression of the overall-satisfaction question on the indicators.
   */
  source: z.enum(["importance_questions", "regression"]),
  importanceCut: z.number(),
  performanceCut: z.number(),
  attributes: z.array(
    z.object({
      key: z.string(),
      title: LocalizedText,
      dimension: z.string(),
      importance: z.number(),
      performance: z.number(),
      quadrant: IpaQuadrantName,
    }),
  ),
});
export type ImportancePerformanceGrid = z.infer<typeof ImportancePerformanceGrid>;

export const IndicatorNode = z.object({
  key: z.string(),
  title: LocalizedText,
  /** Normalised weight in its parent. */
  weight: z.number(),
  /** 0–100. */
  score: z.number(),
});

export const IndicatorReport = z.object({
  scope: ReportScope,
  /** Level 1: the overall index, 0–100. */
  score: z.number(),
  respondents: z.number().int(),
  /** Level 2 dimensions with their level 3 indicators. */
  dimensions: z.array(
    IndicatorNode.extend({
      indicators: z.array(IndicatorNode.extend({ answered: z.number().int(), questions: z.array(z.string()) })),
    }),
  ),
  /** Every indicator, weakest first: "where to work". */
  weakest: z.array(IndicatorNode.extend({ dimension: z.string(), dimensionTitle: LocalizedText })),
  /** Null (with `importanceNote`) when there are no importance questions and regression importance is not identified. */
  importancePerformance: ImportancePerformanceGrid.nullable(),
  importanceNote: z.string().nullable(),
  /** Indicators nobody answered in the answers read: left out of the index (weights re-normalised over the rest). */
  unanswered: z.array(z.string()),
});
export type IndicatorReport = z.infer<typeof IndicatorReport>;

export const BootstrapInterval = z.object({
  mean: z.number(),
  standardError: z.number(),
  t: z.number().nullable(),
  lower: z.number(),
  upper: z.number(),
  /** The percentile interval excludes 0. */
  isSignificant: z.boolean(),
});
export type BootstrapInterval = z.infer<typeof BootstrapInterval>;

export const ModelReport = z.object({
  scope: ReportScope,
  /** Respondents who answered every indicator (PLS uses complete cases). */
  cases: z.number().int(),
  converged: z.boolean(),
  iterations: z.number().int(),
  constructs: z.array(
    z.object({
      key: z.string(),
      title: LocalizedText,
      /** ACSI-style 0–100 index (weighted rescaled item means). */
      index: z.number(),
      rSquared: z.number().nullable(),
      rSquaredAdjusted: z.number().nullable(),
      reliability: z.object({ alpha: z.number(), rhoC: z.number(), rhoA: z.number(), ave: z.number() }),
      /** Manifest variables: a question key, or question.row for a matrix row. */
      indicators: z.array(z.object({ name: z.string(), question: z.string(), loading: z.number(), weight: z.number() })),
    }),
  ),
  paths: z.array(
    z.object({ from: z.string(), to: z.string(), estimate: z.number(), fSquared: z.number(), bootstrap: BootstrapInterval.nullable() }),
  ),
  effects: z.array(z.object({ from: z.string(), to: z.string(), direct: z.number(), indirect: z.number(), total: z.number() })),
  htmt: z.array(z.object({ a: z.string(), b: z.string(), value: z.number().nullable() })),
  bootstrap: z
    .object({ resamples: z.number().int(), seed: z.number().int(), failedResamples: z.number().int(), confidenceLevel: z.number() })
    .nullable(),
  /** Construct-level importance–performance map (IPMA) for the final construct (the one with no successors). */
  importancePerformance: z
    .object({
      target: z.string(),
      constructs: z.array(z.object({ key: z.string(), importance: z.number(), performance: z.number() })),
    })
    .nullable(),
  /** Generated sentences in the requested locale, e.g. "感知质量是满意度最强的驱动因素（路径系数 0.54）。" */
  reading: z.array(z.string()),
});
export type ModelReport = z.infer<typeof ModelReport>;

export const KanoCategoryCode = z.enum(["M", "O", "A", "I", "R", "Q"]);
export type KanoCategoryCode = z.infer<typeof KanoCategoryCode>;

/** What a Kano category means, in every UI language. */
export const KanoCategoryMeaning = z.object({
  category: KanoCategoryCode,
  /** basic (基本), performance (期望/绩效), excitement (兴奋/激励), indifferent, reverse, questionable. */
  name: z.string(),
  label: LocalizedText,
  meaning: LocalizedText,
});
export type KanoCategoryMeaning = z.infer<typeof KanoCategoryMeaning>;

export const KanoReport = z.object({
  scope: ReportScope,
  /** Kano questions in survey order; one nobody answered (in the answers read) is left out. */
  features: z.array(
    z.object({
      question: z.string(),
      title: LocalizedText,
      feature: LocalizedText,
      n: z.number().int(),
      counts: z.record(KanoCategoryCode, z.number().int()),
      category: KanoCategoryCode,
      /** (A + O)/(A + O + M + I); null when nobody gave a classifiable pair. */
      better: z.number().nullable(),
      /** −(O + M)/(A + O + M + I). */
      worse: z.number().nullable(),
      totalStrength: z.number(),
      categoryStrength: z.number(),
      /** Fong's test: is the top category clearly ahead of the runner-up? */
      isSignificant: z.boolean(),
      runnerUp: KanoCategoryCode,
    }),
  ),
  categories: z.array(KanoCategoryMeaning),
});
export type KanoReport = z.infer<typeof KanoReport>;

export const ServqualReport = z.object({
  scope: ReportScope,
  /** Respondents who rated every expectation/perception item (the gaps use complete answers). */
  respondents: z.number().int(),
  items: z.array(
    z.object({ question: z.string(), title: LocalizedText, dimension: z.string(), expectation: z.number(), perception: z.number(), gap: z.number() }),
  ),
  /** Dimension gap P − E; `weight` is the normalised importance (equal when no importance questions). */
  dimensions: z.array(z.object({ dimension: z.string(), gap: z.number(), weight: z.number() })),
  /** Mean of the dimension gaps. */
  overall: z.number(),
  /** Importance-weighted gap; null without importance questions tied to the dimensions. */
  weighted: z.number().nullable(),
  importanceSource: z.enum(["importance_questions", "equal"]),
});
export type ServqualReport = z.infer<typeof ServqualReport>;

export const SatisfactionReadingName = z.enum(["regular", "uncertain", "rare"]);

export const ExpectationReport = z.object({
  scope: ReportScope,
  /** |c − 1| ≤ tolerance reads "uncertain". */
  tolerance: z.number(),
  /** Respondents with at least one expectation/perception answer. */
  respondents: z.number().int(),
  /** Mean of the respondents' c = b/a; null when nobody answered. */
  meanRatio: z.number().nullable(),
  /** regular: perception above expectation (c > 1 + tolerance); rare: below; uncertain: about equal. */
  split: z.array(z.object({ reading: SatisfactionReadingName, count: z.number().int(), share: z.number() })),
  /** Histogram of c in steps of 0.1 from 0 to 2 (the last bin holds everything ≥ 1.9). */
  ratioBins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  attributes: z.array(
    z.object({
      question: z.string(),
      title: LocalizedText,
      n: z.number().int(),
      expectation: z.number(),
      perception: z.number(),
      gap: z.number(),
      ratio: z.number(),
      reading: SatisfactionReadingName,
    }),
  ),
});
export type ExpectationReport = z.infer<typeof ExpectationReport>;

/** Which reports apply to a survey (by its questions, indicator system and model). */
export const ReportMenu = z.object({
  kinds: z.array(z.object({ kind: ReportKind, isAvailable: z.boolean(), reason: z.string().nullable() })),
  versions: z.array(z.number().int()),
});
export type ReportMenu = z.infer<typeof ReportMenu>;
