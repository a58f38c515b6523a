import { correlationMatrix } from "../core/matrix.ts";
import { compilePlsModel, type CompiledPlsModel } from "./compile-model.ts";
import { estimatePlsFromCorrelation, type PlsCoreEstimate } from "./estimate-pls-core.ts";
import { heterotraitMonotraitRatio } from "./htmt.ts";
import { prepareIndicators, type PreparedIndicators } from "./prepare-indicators.ts";
import {
  averageVarianceExtracted,
  compositeReliability,
  dijkstraHenselerRhoA,
  standardizedCronbachAlpha,
  type ConstructReliability,
} from "./reliability.ts";
import type { PlsData, PlsModel, PlsOptions } from "./types.ts";

/** One structural path with its standardised coefficient and effect size. */
export interface PlsPathEstimate {
  from: string;
  to: string;
  estimate: number;
  /** Cohen's f²: the change in R² of `to` when this path is dropped, over 1 − R². */
  fSquared: number;
}

/** The effect of one construct on another: direct, through other constructs (indirect), and both (total). */
export interface PlsEffect {
  from: string;
  to: string;
  direct: number;
  indirect: number;
  total: number;
}

/** Cases available and used. */
export interface PlsCaseCount {
  total: number;
  used: number;
  /** Missing values replaced by the indicator mean. */
  valuesReplaced: number;
}

/** Everything `estimatePls` reports, keyed by construct and indicator names. */
export interface PlsResult {
  constructs: string[];
  paths: PlsPathEstimate[];
  /** R² of each endogenous construct. */
  rSquared: Record<string, number>;
  rSquaredAdjusted: Record<string, number>;
  /** construct → indicator → weight (latent scores have variance 1). */
  outerWeights: Record<string, Record<string, number>>;
  /** construct → indicator → loading. */
  loadings: Record<string, Record<string, number>>;
  /** indicator → construct → correlation with that construct's score. */
  crossLoadings: Record<string, Record<string, number>>;
  latentCorrelations: Record<string, Record<string, number>>;
  /** Every pair of constructs joined by at least one route. */
  effects: PlsEffect[];
  reliability: Record<string, ConstructReliability>;
  /** construct → construct → HTMT (null where undefined); the diagonal is omitted. */
  htmt: Record<string, Record<string, number | null>>;
  /** construct → latent score per case used (standardised: mean 0, variance 1). */
  scores?: Record<string, Float64Array>;
  /** indicator → mean on its original scale over the cases used. */
  indicatorMeans: Record<string, number>;
  iterations: number;
  converged: boolean;
  cases: PlsCaseCount;
}

/**
 * Latent scores Y = Z·W of standardised indicators Z, column-major cases × constructs.
 * Cost: O(rows · indicators).
 */
export function latentScores(prepared: PreparedIndicators, model: CompiledPlsModel, weights: Float64Array): Float64Array {
  const n = prepared.rows;
  const scores = new Float64Array(n * model.constructs.length);
  model.blocks.forEach((block, j) => {
    const target = j * n;
    for (const i of block) {
      const w = weights[i];
      const source = i * n;
      for (let r = 0; r < n; r++) scores[target + r] += w * prepared.values[source + r];
    }
  });
  return scores;
}

/**
 * Names the index-form estimates and adds reliability and HTMT, which need the correlation matrix.
 * Cost: O(indicators²).
 */
export function presentPlsResult(
  model: CompiledPlsModel,
  prepared: PreparedIndicators,
  correlation: Float64Array,
  core: PlsCoreEstimate,
): PlsResult {
  const { constructs, indicators, blocks } = model;
  const m = constructs.length;
  const p = indicators.length;
  const byBlock = (values: Float64Array) =>
    Object.fromEntries(constructs.map((name, j) => [name, Object.fromEntries(blocks[j].map((i) => [indicators[i], values[i]]))]));
  const endogenous = constructs.flatMap((name, j) => (model.predecessors[j].length > 0 ? [[name, j] as const] : []));
  const effects: PlsEffect[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const total = core.total[a * m + b];
      const direct = core.direct[a * m + b];
      if (total === 0 && direct === 0 && !model.successors[a].includes(b)) continue;
      effects.push({ from: constructs[a], to: constructs[b], direct, indirect: total - direct, total });
    }
  }
  const reliability: Record<string, ConstructReliability> = {};
  const htmt: Record<string, Record<string, number | null>> = {};
  constructs.forEach((name, j) => {
    const block = blocks[j];
    const loadings = block.map((i) => core.loadings[i]);
    reliability[name] = {
      alpha: standardizedCronbachAlpha(correlation, p, block),
      rhoC: compositeReliability(loadings),
      ave: averageVarianceExtracted(loadings),
      rhoA: dijkstraHenselerRhoA(correlation, p, block, core.weights),
    };
    htmt[name] = Object.fromEntries(
      constructs.flatMap((other, k) =>
        k === j ? [] : [[other, heterotraitMonotraitRatio(correlation, p, block, blocks[k])]],
      ),
    );
  });
  return {
    constructs: [...constructs],
    paths: model.paths.map(([from, to], index) => ({
      from: constructs[from],
      to: constructs[to],
      estimate: core.pathCoefficients[index],
      fSquared: core.fSquared[index],
    })),
    rSquared: Object.fromEntries(endogenous.map(([name, j]) => [name, core.rSquared[j]])),
    rSquaredAdjusted: Object.fromEntries(endogenous.map(([name, j]) => [name, core.rSquaredAdjusted[j]])),
    outerWeights: byBlock(core.weights),
    loadings: byBlock(core.loadings),
    crossLoadings: Object.fromEntries(
      indicators.map((indicator, i) => [indicator, Object.fromEntries(constructs.map((c, k) => [c, core.crossLoadings[i * m + k]]))]),
    ),
    latentCorrelations: Object.fromEntries(
      constructs.map((a, j) => [a, Object.fromEntries(constructs.map((b, k) => [b, core.latentCorrelation[j * m + k]]))]),
    ),
    effects,
    reliability,
    htmt,
    indicatorMeans: Object.fromEntries(indicators.map((indicator, i) => [indicator, prepared.means[i]])),
    iterations: core.iterations,
    converged: core.converged,
    cases: { total: prepared.casesTotal, used: prepared.rows, valuesReplaced: prepared.valuesReplaced },
  };
}

/**
 * PLS path modelling (PLS-PM / PLS-SEM), the estimator behind the ACSI and ECSI: standardised indicators, initial
 * weights 1, path/centroid/factorial inner weighting, Mode A or B outer estimation, stop when no weight moves by
 * `tolerance` (1e-7) or after `maxIterations` (300). Reports paths, R², weights, loadings, cross-loadings, f²,
 * direct/indirect/total effects, reliability (α, ρC, AVE, ρA), HTMT and latent scores.
 * Matches SmartPLS 2, semPLS and seminr to 1e-6 on the ECSI mobile-phone data.
 * Reference: Tenenhaus, Esposito Vinzi, Chatelin & Lauro (2005), CSDA 48:159–205; Lohmöller (1989).
 * Cost: O(rows · indicators²) for the correlation matrix (one pass), then O(iterations · indicators²).
 * @throws PlsInputError on an invalid model (unknown column, cycle, isolated construct…) or unusable data
 * (constant or empty indicator, too few cases, collinear blocks).
 * @example
 * const result = estimatePls(columns, {
 *   constructs: [{ name: "Image", indicators: ["IMAG1", "IMAG2"] }, { name: "Loyalty", indicators: ["CUSL1", "CUSL3"] }],
 *   paths: [["Image", "Loyalty"]],
 * });
 * result.paths[0].estimate; result.rSquared.Loyalty; result.reliability.Image.rhoC
 */
export function estimatePls(data: PlsData, model: PlsModel, options: PlsOptions = {}): PlsResult {
  const compiled = compilePlsModel(model, Object.keys(data));
  const prepared = prepareIndicators(data, compiled.indicators, options);
  return estimatePlsPrepared(prepared, compiled, options);
}

/**
 * `estimatePls` on indicators already prepared (missing values handled, standardised), e.g. for a bootstrap that
 * needs the point estimate and the prepared data both.
 * Cost: as `estimatePls`.
 * @throws PlsInputError as `estimatePls`.
 */
export function estimatePlsPrepared(prepared: PreparedIndicators, model: CompiledPlsModel, options: PlsOptions = {}): PlsResult {
  const correlation = correlationMatrix(prepared.values, prepared.rows, model.indicators.length);
  const core = estimatePlsFromCorrelation(correlation, prepared.rows, model, options);
  const result = presentPlsResult(model, prepared, correlation, core);
  if (options.includeScores ?? true) {
    const scores = latentScores(prepared, model, core.weights);
    const n = prepared.rows;
    result.scores = Object.fromEntries(model.constructs.map((name, j) => [name, scores.subarray(j * n, (j + 1) * n)]));
  }
  return result;
}
