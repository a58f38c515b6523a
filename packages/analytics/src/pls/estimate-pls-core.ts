import type { CompiledPlsModel } from "./compile-model.ts";
import { estimateInnerModel, type InnerModelEstimate } from "./estimate-inner-model.ts";
import { indicatorLatentCovariances, iterateOuterWeights, latentCorrelations } from "./iterate-outer-weights.ts";
import type { PlsAlgorithmOptions } from "./types.ts";

/** Every PLS estimate in index form (typed arrays follow the compiled model's numbering). */
export interface PlsCoreEstimate extends InnerModelEstimate {
  /** Outer weights per indicator, scaled so each latent score has variance 1. */
  weights: Float64Array;
  /** Loading of each indicator on its own construct. */
  loadings: Float64Array;
  /** Correlation of every indicator with every latent score, indicators × constructs row-major. */
  crossLoadings: Float64Array;
  /** Correlations between latent scores, constructs × constructs row-major. */
  latentCorrelation: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Default settings, as in SmartPLS, semPLS and seminr. */
export const PLS_DEFAULTS = { scheme: "path", tolerance: 1e-7, maxIterations: 300 } as const;

/**
 * PLS path modelling from the indicator correlation matrix: outer weights, loadings, cross-loadings, latent
 * correlations and the inner model. The data never need touching again, which is what makes large samples and
 * bootstrap resamples cheap.
 * Cost: O(iterations · indicators²) plus O(constructs⁴) for the inner model.
 * @throws PlsInputError when a block is collinear (Mode B) or antecedents are perfectly collinear.
 * @example estimatePlsFromCorrelation(correlationMatrix(values, rows, p), rows, compilePlsModel(model)).pathCoefficients
 */
export function estimatePlsFromCorrelation(
  correlation: Float64Array,
  rows: number,
  model: CompiledPlsModel,
  options: PlsAlgorithmOptions = {},
): PlsCoreEstimate {
  const { weights, iterations, converged } = iterateOuterWeights(
    correlation,
    model,
    options.scheme ?? PLS_DEFAULTS.scheme,
    options.tolerance ?? PLS_DEFAULTS.tolerance,
    options.maxIterations ?? PLS_DEFAULTS.maxIterations,
  );
  const crossLoadings = indicatorLatentCovariances(correlation, model, weights);
  const latentCorrelation = latentCorrelations(model, weights, crossLoadings);
  const m = model.constructs.length;
  const loadings = Float64Array.from(model.indicatorConstruct, (j, i) => crossLoadings[i * m + j]);
  const inner = estimateInnerModel(model, latentCorrelation, rows);
  return { ...inner, weights, loadings, crossLoadings, latentCorrelation, iterations, converged };
}
