/**
 * The structural-model report for ACSI/ECSI-style surveys: PLS path coefficients, R², reliability (α, ρC, ρA,
 * AVE), HTMT, seeded bootstrap intervals, 0–100 construct indices and IPMA, all from analytics' PLS, over the
 * respondents who answered every manifest variable (answers rescaled 0–100 so items on 5- and 7-point scales share
 * one index scale), with a plain-language reading.
 */
import {
  bootstrapPls,
  constructIndexes,
  estimatePls,
  importancePerformanceMap,
  normalizeToHundred,
  PlsInputError,
  type PlsModel,
  type PlsResult,
  type PlsBootstrapResult,
} from "@kexin/analytics";
import type { ModelQuery, ModelReport, StructuralModel } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { loadRespondentRows, numberAnswer, performanceAnswer, type RespondentRow } from "./load-respondent-rows.ts";
import { modelReading } from "./model-reading.ts";
import { type CatalogQuestion, loadReportContext, reportScope, readReport } from "./report-context.ts";
import { notEnoughAnswers, reportNotApplicable } from "./report-errors.ts";

/** PLS reads at most this many respondents (the newest): enough for stable estimates, and a bootstrap stays fast. */
export const MODEL_RESPONDENT_CAP = 10_000;
const INDEX_SCALE = { scaleMin: 0, scaleMax: 100 };

/** A manifest variable: one number per respondent from one question (or one matrix row). */
interface ManifestVariable {
  name: string;
  construct: string;
  entry: CatalogQuestion;
  value(row: RespondentRow): number | null;
}

function manifestVariables(questions: readonly CatalogQuestion[], model: StructuralModel): ManifestVariable[] {
  const constructs = new Set(model.constructs.map((c) => c.key));
  return questions.flatMap((entry): ManifestVariable[] => {
    const { question } = entry;
    if (!question.construct || !constructs.has(question.construct)) return [];
    const construct = question.construct;
    if (question.type === "matrix") {
      return question.rows.map((row) => ({
        name: `${question.key}.${row.key}`,
        construct,
        entry,
        value: (r: RespondentRow) => {
          const v = numberAnswer(r, entry, row.key);
          return v === null ? null : normalizeToHundred(v, { min: 1, max: question.points });
        },
      }));
    }
    if (["likert", "csat", "nps", "ces", "importance", "expectation_perception", "competitor"].includes(question.type)) {
      return [{ name: question.key, construct, entry, value: (r: RespondentRow) => performanceAnswer(r, entry) }];
    }
    return [];
  });
}

/** Complete cases needed: at least 30, and ten times the most paths pointing at one construct (Hair et al.'s rule). */
export function casesNeeded(model: StructuralModel): number {
  const incoming = new Map<string, number>();
  for (const path of model.paths) incoming.set(path.to, (incoming.get(path.to) ?? 0) + 1);
  return Math.max(30, 10 * Math.max(0, ...incoming.values()));
}

function estimate(data: Record<string, Float64Array>, model: PlsModel, input: z.output<typeof ModelQuery>): { result: PlsResult; bootstrap: PlsBootstrapResult | null } {
  try {
    if (input.resamples >= 2) {
      const bootstrap = bootstrapPls(data, model, { resamples: input.resamples, seed: input.seed, includeScores: false });
      return { result: bootstrap.estimate, bootstrap };
    }
    return { result: estimatePls(data, model, { includeScores: false }), bootstrap: null };
  } catch (error) {
    if (error instanceof PlsInputError) throw invalid("report.model_not_estimable", `the model cannot be estimated on these answers: ${error.message}`);
    throw error;
  }
}

export function getModelReport(args: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ModelQuery>;
  now?: Date;
}): Promise<ModelReport> {
  return readReport(args.db, (db) => buildModelReport({ ...args, db }));
}

async function buildModelReport({ db, actor, surveyId, input, now }: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ModelQuery>;
  now?: Date;
}): Promise<ModelReport> {
  const context = await loadReportContext(db, actor, surveyId, input, now);
  const model = context.definition.model;
  if (!model) throw reportNotApplicable("this survey has no structural model: tie its questions to constructs in the builder");
  const variables = manifestVariables(context.questions, model);
  for (const construct of model.constructs) {
    if (!variables.some((v) => v.construct === construct.key)) {
      throw reportNotApplicable(`construct ${construct.key} has no rating question tied to it, so the model cannot be estimated`);
    }
  }
  const sample = await loadRespondentRows(db, context, [...new Set(variables.map((v) => v.entry.question.key))], MODEL_RESPONDENT_CAP);
  const complete = sample.rows.flatMap((row) => {
    const values = variables.map((v) => v.value(row));
    return values.every((v) => v !== null) ? [values as number[]] : [];
  });
  const needed = casesNeeded(model);
  if (complete.length < needed) throw notEnoughAnswers(complete.length, needed, "the model report");

  const data = Object.fromEntries(variables.map((v, j) => [v.name, Float64Array.from(complete, (row) => row[j])]));
  const plsModel: PlsModel = {
    constructs: model.constructs.map((c) => ({ name: c.key, mode: c.mode, indicators: variables.filter((v) => v.construct === c.key).map((v) => v.name) })),
    paths: model.paths.map((p) => [p.from, p.to] as const),
  };
  const { result, bootstrap } = estimate(data, plsModel, input);
  if (result.paths.some((p) => !Number.isFinite(p.fSquared)) || Object.values(result.rSquared).some((r) => !Number.isFinite(r))) {
    throw invalid("report.model_not_estimable", "an outcome is explained perfectly (R² = 1): its questions repeat other answers; check the model");
  }
  const indices = constructIndexes(result, INDEX_SCALE);
  const successors = new Set(model.paths.map((p) => p.from));
  const target = model.constructs.find((c) => !successors.has(c.key) && model.paths.some((p) => p.to === c.key));
  const map = target ? importancePerformanceMap(result, target.key, INDEX_SCALE) : null;
  const bootstrapOf = (from: string, to: string) => {
    const statistic = bootstrap?.paths.find((p) => p.from === from && p.to === to);
    if (!statistic) return null;
    const [lower, upper] = statistic.ci;
    return { mean: statistic.mean, standardError: statistic.se, t: statistic.t, lower, upper, isSignificant: lower > 0 || upper < 0 };
  };

  const report: Omit<ModelReport, "reading"> = {
    scope: reportScope(context, { sampleSize: sample.rows.length, isSampled: sample.isSampled }),
    cases: result.cases.used,
    converged: result.converged,
    iterations: result.iterations,
    constructs: model.constructs.map((c) => ({
      key: c.key,
      title: c.title,
      index: indices[c.key],
      rSquared: result.rSquared[c.key] ?? null,
      rSquaredAdjusted: result.rSquaredAdjusted[c.key] ?? null,
      reliability: result.reliability[c.key],
      indicators: variables
        .filter((v) => v.construct === c.key)
        .map((v) => ({ name: v.name, question: v.entry.question.key, loading: result.loadings[c.key][v.name], weight: result.outerWeights[c.key][v.name] })),
    })),
    paths: result.paths.map((p) => ({ from: p.from, to: p.to, estimate: p.estimate, fSquared: p.fSquared, bootstrap: bootstrapOf(p.from, p.to) })),
    effects: result.effects.map(({ from, to, direct, indirect, total }) => ({ from, to, direct, indirect, total })),
    htmt: result.constructs.flatMap((a, i) => result.constructs.slice(i + 1).map((b) => ({ a, b, value: result.htmt[a][b] }))),
    bootstrap: bootstrap
      ? { resamples: bootstrap.resamples, seed: input.seed, failedResamples: bootstrap.failedResamples, confidenceLevel: bootstrap.confidenceLevel }
      : null,
    importancePerformance: map
      ? { target: map.target, constructs: map.constructs.map((c) => ({ key: c.name, importance: c.importance, performance: c.performance })) }
      : null,
  };
  return { ...report, reading: modelReading(report, input.locale) };
}
