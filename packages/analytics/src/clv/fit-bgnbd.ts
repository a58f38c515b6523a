/**
 * Maximum-likelihood fit of the BG/NBD model.
 */
import { minimizeBfgs } from "../core/optimize.ts";
import { bgnbdLogLikelihoodChecked, type BgnbdParameters } from "./bgnbd-log-likelihood.ts";
import { checkPurchaseSummaries, type PurchaseSummaryColumns } from "./customer-summary.ts";

/** A fitted BG/NBD model. */
export interface BgnbdFit extends BgnbdParameters {
  /** Log-likelihood at the estimate (sum over customers). */
  logLikelihood: number;
  /** Customers fitted. */
  customers: number;
  /** Optimiser iterations and likelihood evaluations (each evaluation is one pass over the data, with gradient). */
  iterations: number;
  evaluations: number;
  /** Whether the optimiser's convergence test passed. */
  converged: boolean;
}

/** Options for {@link fitBgnbd}. */
export interface FitBgnbdOptions {
  /** Starting values. Default r = 1, α = mean T / 10 (at least 1e-3), a = 1, b = 1. */
  start?: BgnbdParameters;
  /** Converged when |∂(mean log-likelihood)/∂ ln θ| ≤ this for every parameter. Default 1e-9. */
  gradientTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
}

/**
 * BG/NBD fit: maximum-likelihood estimates of (r, α, a, b) from per-customer summaries.
 * BFGS on the logarithms of the parameters (so they stay positive) with the analytic gradient of the mean
 * log-likelihood; each iteration is one or two passes over the data.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2); on CDNOW's 2,357 customers it gives r = 0.2426,
 * α = 4.4135, a = 0.7929, b = 2.4258, log-likelihood −9582.4.
 * Cost: O(n) per iteration, typically 20–60 iterations.
 * @throws RangeError on invalid summaries (see {@link checkPurchaseSummaries}), on invalid start values, or when the
 * likelihood cannot be evaluated at the start.
 * @example
 * const fit = fitBgnbd({ frequency: [2, 1, 0], recency: [30.43, 1.71, 0], age: [38.86, 38.86, 38.86] });
 * fit.r, fit.alpha, fit.a, fit.b
 */
export function fitBgnbd(summaries: PurchaseSummaryColumns, options: FitBgnbdOptions = {}): BgnbdFit {
  const data = checkPurchaseSummaries(summaries, "BG/NBD fit");
  const n = data.frequency.length;
  let meanAge = 0;
  for (let i = 0; i < n; i++) meanAge += data.age[i];
  meanAge /= n;
  const start = options.start ?? { r: 1, alpha: Math.max(meanAge / 10, 1e-3), a: 1, b: 1 };
  for (const name of ["r", "alpha", "a", "b"] as const) {
    if (!(start[name] > 0) || !Number.isFinite(start[name])) {
      throw new RangeError(`BG/NBD fit: start value for ${name} must be a positive number, got ${start[name]}`);
    }
  }
  const parameterGradient = new Float64Array(4);
  const objective = (logParameters: Float64Array, gradient: Float64Array): number => {
    const parameters = {
      r: Math.exp(logParameters[0]),
      alpha: Math.exp(logParameters[1]),
      a: Math.exp(logParameters[2]),
      b: Math.exp(logParameters[3]),
    };
    const value = bgnbdLogLikelihoodChecked(parameters, data, parameterGradient);
    // Chain rule for θ = ln(parameter): ∂/∂θ = parameter · ∂/∂parameter; negate and average to minimise at scale 1.
    gradient[0] = (-parameters.r * parameterGradient[0]) / n;
    gradient[1] = (-parameters.alpha * parameterGradient[1]) / n;
    gradient[2] = (-parameters.a * parameterGradient[2]) / n;
    gradient[3] = (-parameters.b * parameterGradient[3]) / n;
    return -value / n;
  };
  const result = minimizeBfgs(objective, [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)], {
    gradientTolerance: options.gradientTolerance ?? 1e-9,
    maxIterations: options.maxIterations ?? 500,
  });
  const [r, alpha, a, b] = Array.from(result.point, Math.exp);
  const logLikelihood = -result.value * n;
  if (![r, alpha, a, b, logLikelihood].every(Number.isFinite) || [r, alpha, a, b].some((value) => value <= 0)) {
    throw new RangeError("BG/NBD fit did not reach finite estimates: the data may not identify the model (e.g. no repeat purchases)");
  }
  return { r, alpha, a, b, logLikelihood, customers: n, iterations: result.iterations, evaluations: result.evaluations, converged: result.converged };
}
