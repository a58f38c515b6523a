/** Fong's test of whether the most frequent Kano category really beats the runner-up. */
export interface FongTest {
  /** |a − b|. */
  difference: number;
  /** 1.65·√((a + b)(2n − a − b) / (2n)). */
  criticalValue: number;
  /** True when |a − b| ≥ the critical value (the top category is significant at about α = 0.1). */
  isSignificant: boolean;
}

/**
 * Fong's significance test for Kano classification: with a and b the counts of the two most frequent categories
 * among n answers, the difference is not significant when |a − b| < 1.65·√((a + b)(2n − a − b)/(2n)).
 * Reference: Fong, D. (1996), "Using the self-stated importance questionnaire to interpret Kano questionnaire
 * results", Center for Quality Management Journal 5(3). Cost: O(1).
 * @throws RangeError when counts are negative, not whole, or a + b > n, or n < 1.
 * @example fongTest(40, 20, 100).isSignificant // true (20 ≥ 1.65·√(60·140/200) = 10.69)
 */
export function fongTest(a: number, b: number, n: number): FongTest {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Fong's test needs at least one answer, got n = ${n}`);
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a + b > n) {
    throw new RangeError(`Fong's test needs whole counts a, b ≥ 0 with a + b ≤ n = ${n}, got a = ${a}, b = ${b}`);
  }
  const difference = Math.abs(a - b);
  const criticalValue = 1.65 * Math.sqrt(((a + b) * (2 * n - a - b)) / (2 * n));
  return { difference, criticalValue, isSignificant: difference >= criticalValue };
}
