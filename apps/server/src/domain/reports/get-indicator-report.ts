/**
 * The three-level indicator report: overall index → dimensions → indicators, each 0–100 (analytics weightedIndex),
 * the indicators weakest first ("where to work"), and an importance–performance grid (analytics
 * importancePerformance) with importance from importance questions tied to the same indicator, or else derived by
 * regression on the overall-satisfaction question (analytics regressionWeights).
 */
import {
  type Answer,
  importancePerformance,
  type IndicatorSpec,
  mean,
  regressionWeights,
  weightedIndex,
} from "@kexin/analytics";
import type { ImportancePerformanceGrid, IndicatorReport, IndicatorSystem, ReportQuery } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { loadRespondentRows, performanceAnswer, type RespondentRow } from "./load-respondent-rows.ts";
import { type CatalogQuestion, loadReportContext, reportScope, readReport } from "./report-context.ts";
import { notEnoughAnswers, reportNotApplicable } from "./report-errors.ts";

const PERCENT: { min: number; max: number } = { min: 0, max: 100 };

/** Weights as given; where only some siblings have one, the others count 1 (weightedIndex wants all or none). */
function siblingWeights(weights: readonly (number | undefined)[]): (number | undefined)[] {
  return weights.some((w) => w !== undefined) ? weights.map((w) => w ?? 1) : [...weights];
}

/** The question that states overall satisfaction, for derived importance: a CSAT question, else an untied likert or NPS. */
function overallQuestion(questions: readonly CatalogQuestion[]): CatalogQuestion | undefined {
  return (
    questions.find((e) => e.question.type === "csat" && !e.question.indicator) ??
    questions.find((e) => e.question.type === "csat") ??
    questions.find((e) => e.question.type === "likert" && !e.question.indicator) ??
    questions.find((e) => e.question.type === "nps" && !e.question.indicator)
  );
}

/** Each respondent's 0–100 score of an indicator: the mean of their rescaled answers to its questions. */
function indicatorValue(row: RespondentRow, questions: readonly CatalogQuestion[]): Answer {
  const values = questions.map((entry) => performanceAnswer(row, entry)).filter((v): v is number => v !== null);
  return values.length === 0 ? null : mean(values);
}

interface IndicatorColumns {
  spec: IndicatorSpec;
  /** column → indicator key */
  keys: string[];
  rows: Answer[][];
  unanswered: string[];
}

function buildColumns(system: IndicatorSystem, rows: RespondentRow[], performance: Map<string, CatalogQuestion[]>): IndicatorColumns {
  const keys: string[] = [];
  const columns: Answer[][] = [];
  const unanswered: string[] = [];
  const dimensions = system.dimensions.map((dimension) => {
    const weights = siblingWeights(dimension.indicators.map((i) => i.weight));
    const items = dimension.indicators.flatMap((indicator, index) => {
      const values = rows.map((row) => indicatorValue(row, performance.get(indicator.key) ?? []));
      if (values.every((v) => v === null)) {
        unanswered.push(indicator.key);
        return [];
      }
      keys.push(indicator.key);
      columns.push(values);
      return [{ name: indicator.key, column: keys.length - 1, weight: weights[index] }];
    });
    return { name: dimension.key, weight: dimension.weight, items };
  });
  const kept = dimensions.filter((d) => d.items.length > 0);
  const dimensionWeights = siblingWeights(kept.map((d) => d.weight));
  return {
    spec: { dimensions: kept.map((d, k) => ({ ...d, weight: dimensionWeights[k] })) },
    keys,
    rows: rows.map((_, r) => columns.map((column) => column[r])),
    unanswered,
  };
}

function importanceFromQuestions(
  rows: RespondentRow[],
  importance: Map<string, CatalogQuestion[]>,
  keys: readonly string[],
): Map<string, number> {
  const result = new Map<string, number>();
  for (const key of keys) {
    const values = rows.flatMap((row) => (importance.get(key) ?? []).map((entry) => performanceAnswer(row, entry)));
    const answered = values.filter((v): v is number => v !== null);
    if (answered.length > 0) result.set(key, mean(answered));
  }
  return result;
}

export function getIndicatorReport(args: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<IndicatorReport> {
  return readReport(args.db, (db) => buildIndicatorReport({ ...args, db }));
}

async function buildIndicatorReport({ db, actor, surveyId, input, now }: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<IndicatorReport> {
  const context = await loadReportContext(db, actor, surveyId, input, now);
  const system = context.definition.indicatorSystem;
  if (!system) throw reportNotApplicable("this survey has no indicator system: tie its questions to indicators in the builder");
  const performance = new Map<string, CatalogQuestion[]>();
  const importance = new Map<string, CatalogQuestion[]>();
  for (const entry of context.questions) {
    const indicator = entry.question.indicator;
    if (!indicator) continue;
    const target = entry.question.type === "importance" ? importance : performance;
    target.set(indicator, [...(target.get(indicator) ?? []), entry]);
  }
  const overall = overallQuestion(context.questions);
  const keys = [...new Set([...[...performance.values(), ...importance.values()].flat(), ...(overall ? [overall] : [])].map((e) => e.question.key))];
  const sample = await loadRespondentRows(db, context, keys);
  const columns = buildColumns(system, sample.rows, performance);
  if (columns.keys.length === 0) throw notEnoughAnswers(0, 1, "the indicator index");
  const index = weightedIndex(columns.rows, columns.spec, PERCENT, "available");

  const titles = new Map(system.dimensions.flatMap((d) => [[d.key, d.title] as const, ...d.indicators.map((i) => [i.key, i.title] as const)]));
  const questionsOf = (key: string) => (performance.get(key) ?? []).map((e) => e.question.key);

  let grid: ImportancePerformanceGrid | null = null;
  let importanceNote: string | null = null;
  const dimensionOf = new Map(index.dimensions.flatMap((d) => d.items.map((i) => [i.name, d.name] as const)));
  const scoreOf = new Map(index.weakest.map((i) => [i.name, i.score]));
  const stated = importanceFromQuestions(sample.rows, importance, columns.keys);
  let points: { key: string; importance: number }[] = [];
  let source: ImportancePerformanceGrid["source"] = "importance_questions";
  if (stated.size > 0) {
    points = [...stated].map(([key, value]) => ({ key, importance: value }));
  } else if (!overall) {
    importanceNote = "no importance questions and no overall-satisfaction question to derive importance from";
  } else {
    try {
      const overallColumn = columns.keys.length;
      const rows = columns.rows.map((row, r) => [...row, performanceAnswer(sample.rows[r], overall)]);
      const weighted = regressionWeights(rows, columns.spec, overallColumn);
      source = "regression";
      points = weighted.dimensions.flatMap((d) => d.items.map((item) => ({ key: item.name, importance: 100 * d.weight! * item.weight! })));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      importanceNote = `importance could not be derived by regression: ${error.message}`;
    }
  }
  if (points.length > 0) {
    const result = importancePerformance(points.map((p) => ({ name: p.key, importance: p.importance, performance: scoreOf.get(p.key)! })));
    grid = {
      source,
      importanceCut: result.importanceCut,
      performanceCut: result.performanceCut,
      attributes: result.attributes.map((a) => ({
        key: a.name,
        title: titles.get(a.name)!,
        dimension: dimensionOf.get(a.name)!,
        importance: a.importance,
        performance: a.performance,
        quadrant: a.quadrant,
      })),
    };
  }

  return {
    scope: reportScope(context, { sampleSize: sample.rows.length, isSampled: sample.isSampled }),
    score: index.score,
    respondents: index.respondents,
    dimensions: index.dimensions.map((d) => ({
      key: d.name,
      title: titles.get(d.name)!,
      weight: d.weight,
      score: d.score,
      indicators: d.items.map((i) => ({ key: i.name, title: titles.get(i.name)!, weight: i.weight, score: i.score, answered: i.answered, questions: questionsOf(i.name) })),
    })),
    weakest: index.weakest.map((i) => ({
      key: i.name,
      title: titles.get(i.name)!,
      weight: i.weight,
      score: i.score,
      dimension: i.dimension,
      dimensionTitle: titles.get(i.dimension)!,
    })),
    importancePerformance: grid,
    importanceNote,
    unanswered: columns.unanswered,
  };
}
