/**
 * The SERVQUAL gap report: perception − expectation per item, per dimension and overall (analytics servqualGaps)
 * over the respondents who rated every expectation/perception item, and the importance-weighted gap when the survey
 * asks how important each dimension is. An importance question belongs to a dimension when its key is the
 * dimension's name or ends with _<dimension> (e.g. importance_reliability), or its indicator is the dimension.
 * Items without a SERVQUAL dimension form the dimension "other".
 */
import { mean, type ServqualDimension, servqualGaps } from "@kexin/analytics";
import type { ReportQuery, ServqualReport } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { loadRespondentRows, numberAnswer } from "./load-respondent-rows.ts";
import { type CatalogQuestion, loadReportContext, reportScope, readReport } from "./report-context.ts";
import { notEnoughAnswers, reportNotApplicable } from "./report-errors.ts";

export const OTHER_DIMENSION = "other";

const dimensionOf = (entry: CatalogQuestion) =>
  (entry.question.type === "expectation_perception" && entry.question.servqualDimension) || OTHER_DIMENSION;

function importanceQuestionsFor(dimension: string, questions: readonly CatalogQuestion[]): CatalogQuestion[] {
  return questions.filter(
    (e) =>
      e.question.type === "importance" &&
      (e.question.key === dimension || e.question.key.endsWith(`_${dimension}`) || e.question.indicator === dimension),
  );
}

export function getServqualReport(args: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<ServqualReport> {
  return readReport(args.db, (db) => buildServqualReport({ ...args, db }));
}

async function buildServqualReport({ db, actor, surveyId, input, now }: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<ServqualReport> {
  const context = await loadReportContext(db, actor, surveyId, input, now);
  const items = context.questions.filter((entry) => entry.question.type === "expectation_perception");
  if (items.length === 0) throw reportNotApplicable("this survey has no expectation/perception questions");
  const dimensionNames = [...new Set(items.map(dimensionOf))];
  const importance = new Map(dimensionNames.map((name) => [name, importanceQuestionsFor(name, context.questions)]));
  const keys = [...items, ...[...importance.values()].flat()].map((e) => e.question.key);
  const sample = await loadRespondentRows(db, context, keys);

  const perceptions: number[][] = [];
  const expectations: number[][] = [];
  for (const row of sample.rows) {
    const p = items.map((entry) => numberAnswer(row, entry, "perception"));
    const e = items.map((entry) => numberAnswer(row, entry, "expectation"));
    if (p.some((v) => v === null) || e.some((v) => v === null)) continue;
    perceptions.push(p as number[]);
    expectations.push(e as number[]);
  }
  if (perceptions.length === 0) throw notEnoughAnswers(0, 1, "the SERVQUAL gap report");

  const dimensions: ServqualDimension[] = dimensionNames.map((name) => ({
    name,
    items: items.flatMap((entry, column) => (dimensionOf(entry) === name ? [column] : [])),
  }));
  const points = new Map<string, number>();
  for (const [name, questions] of importance) {
    const values = sample.rows.flatMap((row) => questions.map((entry) => numberAnswer(row, entry))).filter((v): v is number => v !== null);
    if (values.length > 0) points.set(name, mean(values));
  }
  const hasImportance = dimensionNames.every((name) => points.has(name));
  const result = servqualGaps(perceptions, expectations, dimensions, hasImportance ? Object.fromEntries(points) : undefined);
  return {
    scope: reportScope(context, { sampleSize: sample.rows.length, isSampled: sample.isSampled }),
    respondents: perceptions.length,
    items: result.items.map((item) => ({
      question: items[item.item].question.key,
      title: items[item.item].question.title,
      dimension: dimensionOf(items[item.item]),
      expectation: item.expectation,
      perception: item.perception,
      gap: item.gap,
    })),
    dimensions: result.dimensions.map((d) => ({ dimension: d.name, gap: d.gap, weight: d.weight })),
    overall: result.overall,
    weighted: hasImportance ? result.weighted : null,
    importanceSource: hasImportance ? "importance_questions" : "equal",
  };
}
