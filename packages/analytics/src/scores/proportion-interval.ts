import { normalQuantile } from "../core/distributions.ts";
import { checkConfidence } from "./check-answers.ts";

/** A confidence interval for a proportion, clipped to [0, 1]. */
export interface ProportionInterval {
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
}

function checkCounts(successes: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a proportion interval needs at least one trial, got n = ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a whole number from 0 to n = ${n}, got ${successes}`);
  }
}

/**
 * Wilson score interval for a binomial proportion — good coverage even for small n or p near 0 or 1.
 * Reference: Wilson (1927), JASA 22; matches statsmodels `proportion_confint(method="wilson")` and R
 * `prop.test(correct = FALSE)`. Cost: O(1).
 * @throws RangeError when n < 1, successes is not in 0..n, or confidence is not in (0, 1).
 * @example wilsonInterval(45, 100) // { estimate: 0.45, lower: 0.356146…, upper: 0.547554…, confidence: 0.95 }
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  checkCounts(successes, n);
  checkConfidence(confidence);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0 or n successes the bound is exactly 0 or 1; rounding would otherwise leave a stray 1e-17.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { estimate: p, lower, upper, confidence };
}

/**
 * Wald (normal-approximation) interval p ± z·√(p(1 − p)/n), clipped to [0, 1]. Simple but under-covers for
 * small n or extreme p; prefer wilsonInterval.
 * Reference: statsmodels `proportion_confint(method="normal")`. Cost: O(1).
 * @throws RangeError when n < 1, successes is not in 0..n, or confidence is not in (0, 1).
 * @example waldInterval(45, 100) // { estimate: 0.45, lower: 0.352493…, upper: 0.547507…, confidence: 0.95 }
 */
export function waldInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  checkCounts(successes, n);
  checkConfidence(confidence);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const half = z * Math.sqrt((p * (1 - p)) / n);
  return { estimate: p, lower: Math.max(0, p - half), upper: Math.min(1, p + half), confidence };
}
