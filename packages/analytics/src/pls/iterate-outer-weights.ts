import { choleskyDecomposition, choleskySolve, regressionFromCorrelation } from "../core/matrix.ts";
import type { CompiledPlsModel } from "./compile-model.ts";
import { PlsInputError, type PlsScheme } from "./types.ts";

/** Outer weights found by the PLS iterations, and whether they settled. */
export interface OuterWeightIteration {
  /** One weight per indicator (model order), scaled so each latent score has variance 1. */
  weights: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * Covariances of every indicator with every latent score: c[i·m + k] = Σ_{l ∈ block k} S[i, l]·w[l].
 * With standardised indicators and unit-variance scores these are the cross-loadings.
 * Cost: O(indicators²).
 */
export function indicatorLatentCovariances(
  correlation: Float64Array,
  model: CompiledPlsModel,
  weights: Float64Array,
): Float64Array {
  const p = model.indicators.length;
  const m = model.constructs.length;
  const out = new Float64Array(p * m);
  for (let i = 0; i < p; i++) {
    const row = i * p;
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (const l of model.blocks[k]) s += correlation[row + l] * weights[l];
      out[i * m + k] = s;
    }
  }
  return out;
}

/**
 * Correlations between latent scores, R[j·m + k] = w_jᵀ S_jk w_k, from the indicator–latent covariances.
 * Cost: O(indicators · constructs).
 */
export function latentCorrelations(
  model: CompiledPlsModel,
  weights: Float64Array,
  covariances: Float64Array,
): Float64Array {
  const m = model.constructs.length;
  const out = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (const i of model.blocks[j]) s += weights[i] * covariances[i * m + k];
      out[j * m + k] = s;
    }
  }
  for (let j = 0; j < m; j++) out[j * m + j] = 1;
  return out;
}

function innerWeights(model: CompiledPlsModel, scheme: PlsScheme, latent: Float64Array): Float64Array {
  const m = model.constructs.length;
  const e = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    const neighbours = [...model.predecessors[j], ...model.successors[j]];
    if (scheme === "centroid") {
      for (const k of neighbours) e[j * m + k] = Math.sign(latent[j * m + k]);
    } else if (scheme === "factorial") {
      for (const k of neighbours) e[j * m + k] = latent[j * m + k];
    } else {
      // Path weighting (Lohmöller): regression weights on the antecedents, correlations with the consequents.
      const predecessors = model.predecessors[j];
      if (predecessors.length > 0) {
        const { coefficients } = regressionFromCorrelation(latent, m, predecessors, j);
        predecessors.forEach((k, a) => (e[j * m + k] = coefficients[a]));
      }
      for (const k of model.successors[j]) e[j * m + k] = latent[j * m + k];
    }
  }
  return e;
}

function normaliseBlocks(correlation: Float64Array, model: CompiledPlsModel, weights: Float64Array): void {
  const p = model.indicators.length;
  model.blocks.forEach((block, j) => {
    let variance = 0;
    for (const a of block) for (const b of block) variance += weights[a] * correlation[a * p + b] * weights[b];
    if (!(variance > 1e-300)) {
      throw new PlsInputError(
        `construct ${model.constructs[j]} has a latent score with no variance: its indicators are unrelated to its neighbours`,
      );
    }
    const scale = 1 / Math.sqrt(variance);
    for (const a of block) weights[a] *= scale;
  });
}

/**
 * The PLS path-modelling iterations of Wold (1982) / Lohmöller (1989), run on the indicator correlation matrix
 * alone: start with weights 1, then alternate inner proxies (path, centroid or factorial scheme) and outer
 * estimation (Mode A: covariance with the inner proxy; Mode B: multiple regression on it), rescaling each latent
 * score to variance 1, until no weight moves by as much as `tolerance`.
 * Working on the p × p correlation matrix makes each iteration O(p²), independent of the number of cases.
 * Reference: Lohmöller, J.-B. (1989), Latent Variable Path Modeling with Partial Least Squares; Tenenhaus et al.
 * (2005), CSDA 48:159–205. Cost: O(iterations · indicators²).
 * @throws PlsInputError when a Mode B block is collinear or a latent score has no variance.
 * @example iterateOuterWeights(correlation, compilePlsModel(model), "path", 1e-7, 300).converged // true
 */
export function iterateOuterWeights(
  correlation: Float64Array,
  model: CompiledPlsModel,
  scheme: PlsScheme,
  tolerance: number,
  maxIterations: number,
): OuterWeightIteration {
  const p = model.indicators.length;
  const m = model.constructs.length;
  const modeBFactors = model.blocks.map((block, j) => {
    if (model.modes[j] !== "B" || block.length < 2) return undefined;
    const sub = new Float64Array(block.length * block.length);
    block.forEach((a, r) => block.forEach((b, c) => (sub[r * block.length + c] = correlation[a * p + b])));
    try {
      return choleskyDecomposition(sub, block.length);
    } catch {
      throw new PlsInputError(
        `the indicators of Mode B construct ${model.constructs[j]} are collinear: drop one or use Mode A`,
      );
    }
  });
  let weights = new Float64Array(p).fill(1);
  normaliseBlocks(correlation, model, weights);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const covariances = indicatorLatentCovariances(correlation, model, weights);
    const latent = latentCorrelations(model, weights, covariances);
    const e = innerWeights(model, scheme, latent);
    const next = new Float64Array(p);
    for (let j = 0; j < m; j++) {
      const block = model.blocks[j];
      if (block.length === 1) {
        // A single indicator is its construct: weight 1 whatever the sign of its neighbours.
        next[block[0]] = 1;
        continue;
      }
      for (const i of block) {
        let s = 0;
        for (let k = 0; k < m; k++) {
          const ejk = e[j * m + k];
          if (ejk !== 0) s += ejk * covariances[i * m + k];
        }
        next[i] = s;
      }
      const factor = modeBFactors[j];
      if (factor) {
        const solved = choleskySolve(factor, block.map((i) => next[i]), block.length);
        block.forEach((i, r) => (next[i] = solved[r]));
      }
    }
    normaliseBlocks(correlation, model, next);
    let change = 0;
    for (let i = 0; i < p; i++) change = Math.max(change, Math.abs(next[i] - weights[i]));
    weights = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { weights, iterations, converged };
}
