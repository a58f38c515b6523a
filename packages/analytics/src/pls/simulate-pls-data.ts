import { normalDraw, type Random } from "../core/random.ts";
import { compilePlsModel } from "./compile-model.ts";
import { PlsInputError, type PlsModel } from "./types.ts";

/** A population with known parameters, to simulate survey data from. */
export interface PlsSimulationSpec {
  model: PlsModel;
  /** True standardised coefficient of each model path, in the model's path order. */
  pathCoefficients: readonly number[];
  /** True standardised loading of each indicator (|λ| < 1). Indicators not listed load 0.8. */
  loadings?: Readonly<Record<string, number>>;
  rows: number;
  random: Random;
}

/**
 * Simulates data from a reflective PLS path model with known truth: exogenous constructs independent standard
 * normal, each endogenous construct η = Σ β·antecedent + ζ with the disturbance variance chosen so var(η) = 1,
 * and each indicator x = λ·η + √(1 − λ²)·ε. PLS estimates from such data approach the true paths as loadings
 * approach 1 (PLS is consistent at large).
 * Cost: O(rows · (indicators + constructs)) normal draws.
 * @throws PlsInputError when the model is invalid, a loading is not in (−1, 1), or the paths explain 100% or
 * more of a construct's variance.
 * @example simulatePlsData({ model, pathCoefficients: [0.5], rows: 1000, random: seededRandom(1) }).IMAG1.length // 1000
 */
export function simulatePlsData(spec: PlsSimulationSpec): Record<string, Float64Array> {
  const model = compilePlsModel(spec.model);
  const m = model.constructs.length;
  if (spec.pathCoefficients.length !== model.paths.length) {
    throw new PlsInputError(`give one true coefficient per path: ${model.paths.length} paths, ${spec.pathCoefficients.length} coefficients`);
  }
  const beta = new Float64Array(m * m);
  model.paths.forEach(([from, to], index) => (beta[from * m + to] = spec.pathCoefficients[index]));
  // Implied latent covariance, filled in causal order so every construct has unit variance.
  const covariance = new Float64Array(m * m);
  const disturbance = new Float64Array(m);
  const done: number[] = [];
  for (const j of model.topologicalOrder) {
    for (const l of done) {
      let c = 0;
      for (const k of model.predecessors[j]) c += beta[k * m + j] * covariance[k * m + l];
      covariance[j * m + l] = covariance[l * m + j] = c;
    }
    let explained = 0;
    for (const k of model.predecessors[j]) explained += beta[k * m + j] * covariance[j * m + k];
    if (!(explained < 1)) {
      throw new PlsInputError(`the paths into ${model.constructs[j]} explain ${explained.toFixed(3)} of its variance: it must be below 1`);
    }
    disturbance[j] = Math.sqrt(1 - explained);
    covariance[j * m + j] = 1;
    done.push(j);
  }
  const loadings = model.indicators.map((name) => {
    const loading = spec.loadings?.[name] ?? 0.8;
    if (!(Math.abs(loading) < 1)) throw new PlsInputError(`loading of ${name} must be between −1 and 1, got ${loading}`);
    return loading;
  });
  const noise = loadings.map((l) => Math.sqrt(1 - l * l));
  const columns = model.indicators.map(() => new Float64Array(spec.rows));
  const eta = new Float64Array(m);
  for (let r = 0; r < spec.rows; r++) {
    for (const j of model.topologicalOrder) {
      let value = disturbance[j] * normalDraw(spec.random);
      for (const k of model.predecessors[j]) value += beta[k * m + j] * eta[k];
      eta[j] = value;
    }
    for (let i = 0; i < loadings.length; i++) {
      columns[i][r] = loadings[i] * eta[model.indicatorConstruct[i]] + noise[i] * normalDraw(spec.random);
    }
  }
  return Object.fromEntries(model.indicators.map((name, i) => [name, columns[i]]));
}
