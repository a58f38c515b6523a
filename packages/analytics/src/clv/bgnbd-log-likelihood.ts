/**
 * BG/NBD log-likelihood and its gradient, as one tight loop over typed arrays.
 */
import { digamma, lnGamma } from "../core/special.ts";
import { checkPurchaseSummaries, type CheckedPurchaseSummaries, type PurchaseSummaryColumns } from "./customer-summary.ts";

/**
 * BG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α); dropout probabilities p ~ Beta(a, b).
 * α is in the time unit of the summaries (e.g. weeks).
 */
export interface BgnbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * BG/NBD parameter check: every parameter must be a positive finite number.
 * Cost: O(1).
 * @throws RangeError naming the first parameter that is not.
 * @example checkBgnbdParameters({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }) // passes silently
 */
export function checkBgnbdParameters(parameters: BgnbdParameters): void {
  for (const name of ["r", "alpha", "a", "b"] as const) {
    const value = parameters[name];
    if (!(value > 0) || !Number.isFinite(value)) {
      throw new RangeError(`BG/NBD parameter ${name} must be a positive number, got ${value}`);
    }
  }
}

const BLOCK = 1024;

/**
 * The kernel behind {@link bgnbdLogLikelihood} and the fit, on already-checked summaries.
 * Per customer (Fader, Hardie & Lee 2005, eq. 6, in logs as lifetimes does):
 *   A₁ = ln Γ(r + x) − ln Γ(r) + r ln α,   A₂ = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x),
 *   A₃ = −(r + x) ln(α + T),   A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)  (x > 0 only),
 *   ℓ = A₁ + A₂ + ln(e^A₃ + [x > 0] e^A₄).
 * The terms that depend on x alone are computed once per distinct x and weighted by its count, so each customer
 * costs two logarithms, one exponential and one log1p. When `gradient` is given, ∂ℓ/∂(r, α, a, b) summed over
 * customers is written into it.
 * Cost: O(n + max x).
 */
export function bgnbdLogLikelihoodChecked(parameters: BgnbdParameters, data: CheckedPurchaseSummaries, gradient?: Float64Array): number {
  const { r, alpha, a, b } = parameters;
  const { frequency, recency, age, maxFrequency, countByFrequency } = data;
  const n = frequency.length;
  const withGradient = gradient !== undefined;

  // Per-frequency tables: ln(b + x − 1) and its reciprocal (x ≥ 1).
  const logBPlusXMinus1 = new Float64Array(maxFrequency + 1);
  const inverseBPlusXMinus1 = new Float64Array(maxFrequency + 1);
  let constantPart = n * r * Math.log(alpha);
  let gradientR = n * Math.log(alpha);
  const gradientAlphaConstant = (n * r) / alpha;
  let gradientA = 0;
  let gradientB = 0;
  const lnGammaR = lnGamma(r);
  const lnGammaB = lnGamma(b);
  const lnGammaAB = lnGamma(a + b);
  const digammaR = withGradient ? digamma(r) : 0;
  const digammaB = withGradient ? digamma(b) : 0;
  const digammaAB = withGradient ? digamma(a + b) : 0;
  for (let x = 0; x <= maxFrequency; x++) {
    if (x > 0) {
      logBPlusXMinus1[x] = Math.log(b + x - 1);
      inverseBPlusXMinus1[x] = 1 / (b + x - 1);
    }
    const count = countByFrequency[x];
    if (count === 0) continue;
    if (x > 0) {
      constantPart += count * (lnGamma(r + x) - lnGammaR + lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x));
      if (withGradient) {
        const digammaABX = digamma(a + b + x);
        gradientR += count * (digamma(r + x) - digammaR);
        gradientA += count * (digammaAB - digammaABX);
        gradientB += count * (digammaAB + digamma(b + x) - digammaB - digammaABX);
      }
    }
  }

  const logA = Math.log(a);
  // Sums run in blocks of BLOCK customers, each block's partial sums then added to the totals: rounding error grows
  // with BLOCK + n/BLOCK rather than n, so a million-customer likelihood is not noisy at the optimiser's tolerance.
  let total = 0;
  let sumShare = 0;
  let sumShareOverB = 0;
  let sumR = 0;
  let sumAlpha = 0;
  for (let blockStart = 0; blockStart < n; blockStart += BLOCK) {
    const blockEnd = Math.min(n, blockStart + BLOCK);
    let blockTotal = 0;
    let blockShare = 0;
    let blockShareOverB = 0;
    let blockR = 0;
    let blockAlpha = 0;
    for (let i = blockStart; i < blockEnd; i++) {
      const x = frequency[i];
      const rx = r + x;
      const alphaT = alpha + age[i];
      const logAlphaT = Math.log(alphaT);
      const a3 = -rx * logAlphaT;
      if (x === 0) {
        blockTotal += a3;
        if (withGradient) {
          blockR += logAlphaT;
          blockAlpha += rx / alphaT;
        }
        continue;
      }
      const xIndex = x | 0;
      const alphaTx = alpha + recency[i];
      const logAlphaTx = Math.log(alphaTx);
      const a4 = logA - logBPlusXMinus1[xIndex] - rx * logAlphaTx;
      // ln(e^A₃ + e^A₄) without overflow; share = e^A₄ / (e^A₃ + e^A₄), the weight of the "dropped out" branch.
      let share: number;
      if (a4 > a3) {
        const e = Math.exp(a3 - a4);
        blockTotal += a4 + Math.log1p(e);
        share = 1 / (1 + e);
      } else {
        const e = Math.exp(a4 - a3);
        blockTotal += a3 + Math.log1p(e);
        share = e / (1 + e);
      }
      if (withGradient) {
        blockR += logAlphaT + share * (logAlphaTx - logAlphaT);
        blockAlpha += rx * ((1 - share) / alphaT + share / alphaTx);
        blockShare += share;
        blockShareOverB += share * inverseBPlusXMinus1[xIndex];
      }
    }
    total += blockTotal;
    sumShare += blockShare;
    sumShareOverB += blockShareOverB;
    sumR += blockR;
    sumAlpha += blockAlpha;
  }
  if (gradient) {
    gradient[0] = gradientR - sumR;
    gradient[1] = gradientAlphaConstant - sumAlpha;
    gradient[2] = gradientA + sumShare / a;
    gradient[3] = gradientB - sumShareOverB;
  }
  return total + constantPart;
}

/**
 * BG/NBD log-likelihood: the sum over customers of ln P(x, t_x, T | r, α, a, b).
 * Reference: Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "Counting Your Customers the Easy Way: An Alternative
 * to the Pareto/NBD Model", Marketing Science 24(2), eq. 6; lifetimes `BetaGeoFitter._negative_log_likelihood`.
 * Cost: O(n + max x).
 * @throws RangeError on invalid parameters or summaries (see {@link checkPurchaseSummaries}).
 * @example
 * bgnbdLogLikelihood({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, cdnowColumns) // ≈ −9582.4
 */
export function bgnbdLogLikelihood(parameters: BgnbdParameters, summaries: PurchaseSummaryColumns): number {
  checkBgnbdParameters(parameters);
  return bgnbdLogLikelihoodChecked(parameters, checkPurchaseSummaries(summaries, "BG/NBD log-likelihood"));
}
