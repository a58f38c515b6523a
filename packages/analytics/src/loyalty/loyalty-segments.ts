/** Dick & Basu's four loyalty conditions. */
export type LoyaltySegment = "true" | "latent" | "spurious" | "none";

/** Thresholds at or above which behaviour (e.g. repeat-purchase share) and attitude (e.g. mean loyalty score) count as high. */
export interface LoyaltyThresholds {
  behavioural: number;
  attitudinal: number;
}

/** Segment counts and each customer's segment. */
export interface LoyaltySegmentation {
  segments: LoyaltySegment[];
  counts: Record<LoyaltySegment, number>;
  shares: Record<LoyaltySegment, number>;
}

/**
 * Behavioural × attitudinal loyalty segments: high attitude and high repeat patronage → "true" loyalty;
 * high attitude, low patronage → "latent"; low attitude, high patronage → "spurious"; both low → "none".
 * A value equal to its threshold counts as high.
 * Reference: Dick, A. S. & Basu, K. (1994), "Customer loyalty: toward an integrated conceptual framework",
 * J. Academy of Marketing Science 22(2). Cost: O(n).
 * @throws RangeError when the arrays differ in length, are empty, or hold non-finite values or thresholds.
 * @example loyaltySegments([0.8, 0.1], [6, 6], { behavioural: 0.5, attitudinal: 5 }).segments // ["true", "latent"]
 */
export function loyaltySegments(
  behavioural: ArrayLike<number>,
  attitudinal: ArrayLike<number>,
  thresholds: LoyaltyThresholds,
): LoyaltySegmentation {
  if (behavioural.length !== attitudinal.length) {
    throw new RangeError(`one attitudinal score per behavioural score is needed, got ${behavioural.length} and ${attitudinal.length}`);
  }
  if (behavioural.length === 0) throw new RangeError("loyalty segmentation requires at least one customer");
  if (!Number.isFinite(thresholds.behavioural) || !Number.isFinite(thresholds.attitudinal)) {
    throw new RangeError("loyalty thresholds must be finite numbers");
  }
  const counts: Record<LoyaltySegment, number> = { true: 0, latent: 0, spurious: 0, none: 0 };
  const segments: LoyaltySegment[] = [];
  for (let i = 0; i < behavioural.length; i++) {
    if (!Number.isFinite(behavioural[i]) || !Number.isFinite(attitudinal[i])) {
      throw new RangeError(`customer ${i + 1} has a non-numeric loyalty score`);
    }
    const repeat = behavioural[i] >= thresholds.behavioural;
    const attitude = attitudinal[i] >= thresholds.attitudinal;
    const s: LoyaltySegment = attitude ? (repeat ? "true" : "latent") : repeat ? "spurious" : "none";
    segments.push(s);
    counts[s]++;
  }
  const n = behavioural.length;
  return {
    segments,
    counts,
    shares: { true: counts.true / n, latent: counts.latent / n, spurious: counts.spurious / n, none: counts.none / n },
  };
}
