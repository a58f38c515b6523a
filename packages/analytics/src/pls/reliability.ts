/**
 * Internal-consistency reliability and convergent validity of a measurement block, from the indicator correlation
 * matrix, the block's loadings and its outer weights. A single-indicator block is taken as perfectly reliable (1).
 */

/** Reliability statistics of one construct. */
export interface ConstructReliability {
  /** Standardised Cronbach's α (from the correlation matrix). */
  alpha: number;
  /** Composite reliability ρC (Jöreskog's ρ, Dillon–Goldstein's ρ). */
  rhoC: number;
  /** Average variance extracted. */
  ave: number;
  /** Dijkstra–Henseler ρA. */
  rhoA: number;
}

/**
 * Standardised Cronbach's α: k·r̄ / (1 + (k − 1)·r̄), with r̄ the mean correlation between the block's items.
 * Reference: Cronbach (1951), Psychometrika 16:297–334. Cost: O(k²).
 * @example standardizedCronbachAlpha(Float64Array.of(1, .5, .5, 1), 2, [0, 1]) // 0.6667
 */
export function standardizedCronbachAlpha(correlation: ArrayLike<number>, size: number, block: readonly number[]): number {
  const k = block.length;
  if (k < 2) return 1;
  let total = 0;
  for (const a of block) for (const b of block) if (a !== b) total += correlation[a * size + b];
  const mean = total / (k * (k - 1));
  const denominator = 1 + (k - 1) * mean;
  return denominator > 0 ? (k * mean) / denominator : 0;
}

/**
 * Composite reliability ρC = (Σλ)² / ((Σλ)² + Σ(1 − λ²)) from standardised loadings λ.
 * Reference: Jöreskog (1971), Psychometrika 36:109–133. Cost: O(k).
 * @example compositeReliability([0.8, 0.8]) // 0.7805
 */
export function compositeReliability(loadings: ArrayLike<number>): number {
  let sum = 0;
  let error = 0;
  for (let i = 0; i < loadings.length; i++) {
    sum += loadings[i];
    error += 1 - loadings[i] * loadings[i];
  }
  const denominator = sum * sum + error;
  return denominator > 0 ? (sum * sum) / denominator : 0;
}

/**
 * Average variance extracted, the mean squared standardised loading.
 * Reference: Fornell & Larcker (1981), Journal of Marketing Research 18:39–50. Cost: O(k).
 * @throws RangeError on an empty block.
 * @example averageVarianceExtracted([0.8, 0.6]) // 0.5
 */
export function averageVarianceExtracted(loadings: ArrayLike<number>): number {
  if (loadings.length === 0) throw new RangeError("average variance extracted requires at least one loading");
  let total = 0;
  for (let i = 0; i < loadings.length; i++) total += loadings[i] * loadings[i];
  return total / loadings.length;
}

/**
 * Dijkstra–Henseler ρA = (wᵀw)² · wᵀ(S − diag S)w / wᵀ(wwᵀ − diag(wwᵀ))w, with the outer weights w scaled so the
 * latent score has variance 1 and S the block's correlation matrix.
 * Reference: Dijkstra & Henseler (2015), MIS Quarterly 39(2):297–316. Cost: O(k²).
 * @example dijkstraHenselerRhoA(correlation, 24, [10, 11, 12, 13, 14], weights) // .7453 for mobi's Image
 */
export function dijkstraHenselerRhoA(
  correlation: ArrayLike<number>,
  size: number,
  block: readonly number[],
  weights: ArrayLike<number>,
): number {
  if (block.length < 2) return 1;
  let offDiagonal = 0;
  let squares = 0;
  let fourth = 0;
  for (const a of block) {
    const wa = weights[a];
    squares += wa * wa;
    fourth += wa * wa * wa * wa;
    for (const b of block) if (a !== b) offDiagonal += wa * correlation[a * size + b] * weights[b];
  }
  const denominator = squares * squares - fourth;
  return denominator > 0 ? (squares * squares * offDiagonal) / denominator : 0;
}
