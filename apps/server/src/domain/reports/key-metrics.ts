/**
 * The key metrics of a survey (every csat, nps and ces question; every likert question's mean when there are none)
 * and their answer counts per period and group (a store, a tag …), counted in the database in one pass.
 */
import type { AnswerScale, Histogram } from "@kexin/analytics";
import { type KeyMetric, type KeyMetricKind, type ReportInterval, scaleRange } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { countTuples, type TupleColumn, type TupleCount, type TupleValue } from "./answer-tuples.ts";
import { answerColumns } from "./load-answer-counts.ts";
import { type CatalogQuestion, REPORT_TIME_ZONE, type ReportContext } from "./report-context.ts";
import { histogramOfTally } from "./report-metrics.ts";

export interface KeyMetricSpec {
  entry: CatalogQuestion;
  metric: KeyMetricKind;
  scale: AnswerScale;
}

const MAX_KEY_METRICS = 12;

export function keyMetricsOf(context: ReportContext): KeyMetricSpec[] {
  const spec = (entry: CatalogQuestion, metric: KeyMetricKind): KeyMetricSpec => ({ entry, metric, scale: scaleRange(entry.question)! });
  const scores = context.questions.flatMap((entry) => {
    const type = entry.question.type;
    return type === "csat" || type === "nps" || type === "ces" ? [spec(entry, type)] : [];
  });
  const metrics = scores.length > 0 ? scores : context.questions.filter((e) => e.question.type === "likert").map((e) => spec(e, "mean"));
  return metrics.slice(0, MAX_KEY_METRICS);
}

export const describeKeyMetric = ({ entry, metric }: KeyMetricSpec): KeyMetric => ({
  question: entry.question.key,
  metric,
  title: entry.question.title,
});

/** A way to split answers into groups (a breakdown): an SQL expression over `r` and what it joins. */
export interface ResponseGrouping {
  group: RawBuilder<unknown>;
  join: RawBuilder<unknown>;
  /** True when one response can fall in several groups (tags): its rows then cannot give overall counts. */
  multipliesRows: boolean;
}

/** Key-metric answers counted per period (and group): one pass gives the trend, the breakdown and the metrics' histograms. */
export interface MetricCounts {
  metrics: readonly KeyMetricSpec[];
  /** First day of every period from the first answer to the last, in order. */
  periods: string[];
  /** values: [period start, group key, one answer per metric]. */
  tuples: TupleCount[];
  grouping: ResponseGrouping | null;
}

/** The weeks or months the answers span, first day (in the reporting time zone) and first instant of each. */
export async function loadPeriods(db: Kysely<DB>, context: ReportContext, interval: ReportInterval): Promise<{ start: string; instant: Date }[]> {
  if (context.versions.length === 0) return [];
  const step = interval === "week" ? "1 week" : "1 month";
  const result = await sql<{ start: string; instant: Date }>`
    with span as (select min(r.submitted_at) as lo, max(r.submitted_at) as hi from survey_responses r where ${context.where})
    select to_char(t, 'YYYY-MM-DD') as start, t at time zone ${REPORT_TIME_ZONE} as instant
    from span, generate_series(date_trunc(${interval}::text, span.lo at time zone ${REPORT_TIME_ZONE}), span.hi at time zone ${REPORT_TIME_ZONE}, ${step}::interval) as t
    where span.lo is not null
    order by t`.execute(db);
  return result.rows.map((row) => ({ start: row.start, instant: new Date(row.instant) }));
}

/**
 * The number of the period an answer falls in, as a balanced tree of comparisons with the periods' first instants:
 * a few integer comparisons per answer, where converting every timestamp to the reporting time zone would cost
 * more than reading the answers.
 */
export function periodExpression(periods: readonly { instant: Date }[], low = 0, high = periods.length - 1): RawBuilder<unknown> {
  if (low >= high) return sql`${low}::int`;
  const middle = Math.ceil((low + high) / 2);
  return sql`case when r.submitted_at < ${periods[middle].instant}::timestamptz then ${periodExpression(periods, low, middle - 1)} else ${periodExpression(periods, middle, high)} end`;
}

export async function loadMetricCounts(
  db: Kysely<DB>,
  context: ReportContext,
  metrics: readonly KeyMetricSpec[],
  interval: ReportInterval,
  grouping: ResponseGrouping | null,
): Promise<MetricCounts> {
  const periods = await loadPeriods(db, context, interval);
  const columns: TupleColumn[] = [
    { expression: periods.length === 0 ? sql`null::int` : periodExpression(periods), cardinality: 1 },
    { expression: grouping ? grouping.group : sql`null::text`, cardinality: 1, isFreeText: true },
    ...metrics.flatMap((spec) => answerColumns(spec.entry, context)),
  ];
  const tuples = await countTuples(db, context, columns, grouping?.join);
  for (const tuple of tuples) tuple.values[0] = tuple.values[0] === null ? null : periods[Number(tuple.values[0])].start;
  return { metrics, periods: periods.map((p) => p.start), tuples, grouping };
}

/**
 * Histograms of each key metric per bucket (a period, a group, or one bucket for all).
 * @returns bucket → question key → histogram.
 */
export function metricHistograms(counts: MetricCounts, bucket: (values: TupleValue[]) => string | null): Map<string | null, Map<string, Histogram>> {
  const tallies = new Map<string | null, Map<string, Map<string, number>>>();
  for (const { values, n } of counts.tuples) {
    const name = bucket(values);
    let byKey = tallies.get(name);
    if (!byKey) tallies.set(name, (byKey = new Map()));
    counts.metrics.forEach((spec, i) => {
      const answer = values[2 + i];
      if (answer === null) return;
      const key = spec.entry.question.key;
      let tally = byKey.get(key);
      if (!tally) byKey.set(key, (tally = new Map()));
      tally.set(String(answer), (tally.get(String(answer)) ?? 0) + n);
    });
  }
  const scales = new Map(counts.metrics.map((m) => [m.entry.question.key, m.scale]));
  return new Map(
    [...tallies].map(([name, byKey]) => [name, new Map([...byKey].map(([key, tally]) => [key, histogramOfTally(tally, scales.get(key)!)]))]),
  );
}
