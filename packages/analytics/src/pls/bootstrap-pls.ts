import { quantileType7, standardDeviation } from "../core/descriptive.ts";
import { centredCrossProducts, columnMeans, scatterToCorrelation } from "../core/matrix.ts";
import { seededRandom } from "../core/random.ts";
import { compilePlsModel, type CompiledPlsModel } from "./compile-model.ts";
import { estimatePlsFromCorrelation } from "./estimate-pls-core.ts";
import { estimatePlsPrepared, type PlsResult } from "./estimate-pls.ts";
import { prepareIndicators, type PreparedIndicators } from "./prepare-indicators.ts";
import { PlsInputError, type PlsAlgorithmOptions, type PlsData, type PlsModel, type PlsOptions } from "./types.ts";

/** Options of `bootstrapPls`: the estimation options plus the resampling plan. */
export interface PlsBootstrapOptions extends PlsOptions {
  /** Number of bootstrap resamples, e.g. 5000. */
  resamples: number;
  /** Integer seed: the same seed gives the same resamples on any machine and any number of workers. */
  seed: number;
  /** Coverage of the percentile intervals. Defaults to 0.95. */
  confidenceLevel?: number;
}

/** Bootstrap summary of one estimate. */
export interface PlsBootstrapStatistic {
  estimate: number;
  /** Mean over the resamples. */
  mean: number;
  /** Standard error: standard deviation (n − 1) over the resamples. */
  se: number;
  /** estimate / se; null when se is 0 (the estimate never varies, e.g. a single-indicator loading). */
  t: number | null;
  /** Percentile interval [lower, upper] (R quantile type 7). */
  ci: [number, number];
}

/** What `bootstrapPls` reports. */
export interface PlsBootstrapResult {
  estimate: PlsResult;
  resamples: number;
  /** Resamples on which PLS could not be estimated (e.g. a constant indicator); left out of the summaries. */
  failedResamples: number;
  /** Resamples that hit maxIterations; kept, as SmartPLS and seminr do. */
  notConvergedResamples: number;
  confidenceLevel: number;
  paths: (PlsBootstrapStatistic & { from: string; to: string })[];
  loadings: (PlsBootstrapStatistic & { construct: string; indicator: string })[];
  weights: (PlsBootstrapStatistic & { construct: string; indicator: string })[];
}

/** Raw bootstrap draws of a run of resamples: one row of parameters per resample. */
export interface PlsBootstrapDraws {
  /** First resample number of the run. */
  first: number;
  /** count × parameters, row-major; parameters are the paths, then the loadings, then the weights. */
  draws: Float64Array;
  /** 1 where the resample failed (its row is zeros). */
  failed: Uint8Array;
  notConverged: number;
}

/**
 * Seed of resample k, mixed from the main seed (MurmurHash3's finaliser), so any slice of resamples can be drawn
 * anywhere and the whole is the same.
 * Cost: O(1).
 * @example resampleSeed(42, 0) === resampleSeed(42, 0) // true
 */
export function resampleSeed(seed: number, resample: number): number {
  let h = (seed ^ Math.imul(resample + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Number of parameters in a bootstrap draw: paths + 2 × indicators. */
export function bootstrapParameterCount(model: CompiledPlsModel): number {
  return model.paths.length + 2 * model.indicators.length;
}

/**
 * Draws resamples `first … first + count − 1` and estimates PLS on each (from the resample's correlation matrix,
 * rows weighted by how often they were drawn). Pure and sliceable: the parallel runner gives each worker a slice.
 * Cost: O(count · (rows · indicators² + iterations · indicators²)).
 * @example drawPlsBootstrap(prepared, compilePlsModel(model), {}, 42, 0, 100).draws.length // 100 × parameters
 */
export function drawPlsBootstrap(
  prepared: PreparedIndicators,
  model: CompiledPlsModel,
  options: PlsAlgorithmOptions,
  seed: number,
  first: number,
  count: number,
): PlsBootstrapDraws {
  const n = prepared.rows;
  const p = model.indicators.length;
  const width = bootstrapParameterCount(model);
  const draws = new Float64Array(count * width);
  const failed = new Uint8Array(count);
  const counts = new Float64Array(n);
  let notConverged = 0;
  for (let r = 0; r < count; r++) {
    const random = seededRandom(resampleSeed(seed, first + r));
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
    try {
      const means = columnMeans(prepared.values, n, p, counts);
      const scatter = centredCrossProducts(prepared.values, n, p, means, counts);
      // An indicator that happens to be constant in this resample makes the resample unusable.
      for (let i = 0; i < p; i++) if (!(scatter[i * p + i] > 1e-9 * n)) throw new PlsInputError("constant indicator");
      const correlation = scatterToCorrelation(scatter, p);
      const core = estimatePlsFromCorrelation(correlation, n, model, options);
      const row = r * width;
      draws.set(core.pathCoefficients, row);
      draws.set(core.loadings, row + model.paths.length);
      draws.set(core.weights, row + model.paths.length + p);
      if (!core.converged) notConverged++;
    } catch {
      failed[r] = 1;
    }
  }
  return { first, draws, failed, notConverged };
}

/**
 * Bootstrap summaries (mean, standard error, t, percentile interval) from the draws of every slice.
 * Cost: O(resamples · parameters · log resamples) for the quantiles.
 * @throws PlsInputError when every resample failed.
 */
export function summarisePlsBootstrap(
  estimate: PlsResult,
  model: CompiledPlsModel,
  slices: readonly PlsBootstrapDraws[],
  confidenceLevel = 0.95,
): PlsBootstrapResult {
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new PlsInputError(`confidence level must be between 0 and 1, got ${confidenceLevel}`);
  }
  const width = bootstrapParameterCount(model);
  const ordered = [...slices].sort((a, b) => a.first - b.first);
  const resamples = ordered.reduce((total, slice) => total + slice.failed.length, 0);
  const kept: Float64Array[] = Array.from({ length: width }, () => new Float64Array(resamples));
  let used = 0;
  let failedResamples = 0;
  let notConvergedResamples = 0;
  for (const slice of ordered) {
    notConvergedResamples += slice.notConverged;
    for (let r = 0; r < slice.failed.length; r++) {
      if (slice.failed[r]) {
        failedResamples++;
        continue;
      }
      for (let k = 0; k < width; k++) kept[k][used] = slice.draws[r * width + k];
      used++;
    }
  }
  if (used < 2) throw new PlsInputError(`the bootstrap failed: only ${used} of ${resamples} resamples could be estimated`);
  const tail = (1 - confidenceLevel) / 2;
  const summarise = (k: number, value: number): PlsBootstrapStatistic => {
    const column = kept[k].subarray(0, used).sort();
    let total = 0;
    for (let i = 0; i < used; i++) total += column[i];
    const se = standardDeviation(column);
    return {
      estimate: value,
      mean: total / used,
      se,
      t: se > 0 ? value / se : null,
      ci: [quantileType7(column, tail, true), quantileType7(column, 1 - tail, true)],
    };
  };
  const { constructs, indicators, indicatorConstruct } = model;
  const p = indicators.length;
  const base = model.paths.length;
  const weightOf = (i: number) => estimate.outerWeights[constructs[indicatorConstruct[i]]][indicators[i]];
  const loadingOf = (i: number) => estimate.loadings[constructs[indicatorConstruct[i]]][indicators[i]];
  return {
    estimate,
    resamples,
    failedResamples,
    notConvergedResamples,
    confidenceLevel,
    paths: estimate.paths.map((path, index) => ({ from: path.from, to: path.to, ...summarise(index, path.estimate) })),
    loadings: indicators.map((indicator, i) => ({
      construct: constructs[indicatorConstruct[i]],
      indicator,
      ...summarise(base + i, loadingOf(i)),
    })),
    weights: indicators.map((indicator, i) => ({
      construct: constructs[indicatorConstruct[i]],
      indicator,
      ...summarise(base + p + i, weightOf(i)),
    })),
  };
}

/**
 * Checks the resampling plan of a bootstrap.
 * @throws PlsInputError when resamples is not a positive integer or the seed is not an integer.
 */
export function validateBootstrapPlan(resamples: number, seed: number): void {
  if (!Number.isInteger(resamples) || resamples < 2) {
    throw new PlsInputError(`bootstrap resamples must be a whole number of at least 2, got ${resamples}`);
  }
  if (!Number.isInteger(seed)) throw new PlsInputError(`bootstrap seed must be a whole number, got ${seed}`);
}

/**
 * Nonparametric bootstrap of PLS path modelling: resample cases with replacement, re-estimate, and report standard
 * errors, t values (estimate / se) and percentile confidence intervals for paths, loadings and outer weights.
 * No sign-change correction (as seminr's default). Missing values are handled once, before resampling.
 * Reference: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13; Hair et al. (2022) ch. 5.
 * Cost: O(resamples · rows · indicators²).
 * @throws PlsInputError on an invalid model, data or resampling plan.
 * @example bootstrapPls(columns, model, { resamples: 5000, seed: 42 }).paths[0].ci // [lower, upper]
 */
export function bootstrapPls(data: PlsData, model: PlsModel, options: PlsBootstrapOptions): PlsBootstrapResult {
  validateBootstrapPlan(options.resamples, options.seed);
  const compiled = compilePlsModel(model, Object.keys(data));
  const prepared = prepareIndicators(data, compiled.indicators, options);
  const estimate = estimatePlsPrepared(prepared, compiled, options);
  const slice = drawPlsBootstrap(prepared, compiled, options, options.seed, 0, options.resamples);
  return summarisePlsBootstrap(estimate, compiled, [slice], options.confidenceLevel);
}
