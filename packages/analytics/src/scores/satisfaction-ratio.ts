/** How perceived performance compares with what was expected. */
export type SatisfactionReading = "regular" | "uncertain" | "rare";

/** The satisfaction ratio and its reading. */
export interface SatisfactionRatio {
  /** c = b / a: perceived ÷ expected. */
  ratio: number;
  /**
   * "regular" when c > 1 + tolerance (perception exceeds expectation), "uncertain" when |c − 1| ≤ tolerance,
   * "rare" when c < 1 − tolerance (perception falls short).
   */
  reading: SatisfactionReading;
}

/**
 * Satisfaction ratio c = b / a, perceived performance b over expected performance a (both on the same
 * positive scale) — the expectation-disconfirmation idea (Oliver 1980, J. Marketing Research 17) as a ratio.
 * Cost: O(1).
 * @throws RangeError when expected is not positive, perceived is negative or either is not finite, or tolerance < 0.
 * @example satisfactionRatio(4.4, 4) // { ratio: 1.1, reading: "regular" }
 */
export function satisfactionRatio(perceived: number, expected: number, tolerance = 0.02): SatisfactionRatio {
  if (!Number.isFinite(expected) || expected <= 0) {
    throw new RangeError(`the satisfaction ratio needs a positive expected score, got ${expected}`);
  }
  if (!Number.isFinite(perceived) || perceived < 0) {
    throw new RangeError(`the satisfaction ratio needs a perceived score ≥ 0, got ${perceived}`);
  }
  if (!(tolerance >= 0)) throw new RangeError(`the tolerance must be ≥ 0, got ${tolerance}`);
  const ratio = perceived / expected;
  const reading: SatisfactionReading = ratio > 1 + tolerance ? "regular" : ratio < 1 - tolerance ? "rare" : "uncertain";
  return { ratio, reading };
}
