/**
 * The survey overview: responses, completion and drop-off, every question's distribution, CSAT/NPS/CES and means
 * with confidence intervals, key metrics by week or month with significant changes marked, a breakdown by store,
 * channel, staff, language, tag or customer attribute, and open-text themes. Everything is counted in the
 * database and computed by @kexin/analytics from the counts, so the cost does not grow with the answers read.
 */
import type { OverviewQuery, OverviewReport } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { tallyColumns } from "./answer-tuples.ts";
import { describeKeyMetric, keyMetricsOf, loadMetricCounts } from "./key-metrics.ts";
import { addColumnTallies, answerColumns, loadAnswerCounts } from "./load-answer-counts.ts";
import { loadTextThemes } from "./load-text-themes.ts";
import { breakdownGroups, groupingOf, groupLabels } from "./overview-breakdown.ts";
import { loadCompletion } from "./overview-completion.ts";
import { trendSeries } from "./overview-trend.ts";
import { questionReports } from "./question-distributions.ts";
import { loadReportContext, reportScope, readReport } from "./report-context.ts";

export function getOverviewReport(args: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof OverviewQuery>;
  now?: Date;
}): Promise<OverviewReport> {
  return readReport(args.db, (db) => buildOverviewReport({ ...args, db }));
}

async function buildOverviewReport({ db, actor, surveyId, input, now }: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof OverviewQuery>;
  now?: Date;
}): Promise<OverviewReport> {
  const grouping = input.groupBy ? groupingOf(input.groupBy) : null;
  // Responses are counted with the key metrics (one row per response) unless a grouping counts some twice.
  const context = await loadReportContext(db, actor, surveyId, input, now, { countResponses: grouping?.multipliesRows ?? false });
  const metrics = keyMetricsOf(context);
  // The key metrics are read once, per period and group; their overall counts come from the same pass unless the
  // grouping counts a response more than once (tags), in which case they are counted with the other questions.
  const metricKeys = new Set(grouping?.multipliesRows ? [] : metrics.map((m) => m.entry.question.key));
  const [metricCounts, counts, themes, labels] = await Promise.all([
    loadMetricCounts(db, context, metrics, input.interval, grouping),
    loadAnswerCounts(db, context, metricKeys),
    loadTextThemes(db, context),
    input.groupBy ? groupLabels(db, context, input.groupBy) : Promise.resolve(new Map<string, string>()),
  ]);
  if (!grouping?.multipliesRows) context.responses = metricCounts.tuples.reduce((total, tuple) => total + tuple.n, 0);
  if (metricKeys.size > 0) {
    const columns = metrics.flatMap((m) => answerColumns(m.entry, context));
    addColumnTallies(counts, columns, tallyColumns(metricCounts.tuples, 2 + columns.length).slice(2));
  }
  return {
    scope: reportScope(context, { sampleSize: null, isSampled: false }),
    questions: questionReports(context.questions, counts, themes),
    completion: await loadCompletion(db, context, counts),
    keyMetrics: metrics.map(describeKeyMetric),
    trend: { interval: input.interval, series: trendSeries(metricCounts) },
    breakdown: input.groupBy ? { groupBy: input.groupBy, groups: breakdownGroups(metricCounts, labels) } : null,
  };
}
