/**
 * Heterotrait–monotrait ratio of correlations between two blocks of indicators: the mean correlation between the
 * items of different constructs over the geometric mean of the mean correlations among each construct's own items.
 * Correlations are used as they are (Henseler et al. define HTMT for items coded in the same direction). A
 * single-item block has no monotrait correlation; it counts as 1 (a perfectly reliable item).
 * Reference: Henseler, Ringle & Sarstedt (2015), JAMS 43:115–135. Cost: O((k₁ + k₂)²).
 * @returns the ratio, or null when a block's mean monotrait correlation is not positive (HTMT is undefined).
 * @example heterotraitMonotraitRatio(correlation, 24, imageBlock, loyaltyBlock)
 */
export function heterotraitMonotraitRatio(
  correlation: ArrayLike<number>,
  size: number,
  first: readonly number[],
  second: readonly number[],
): number | null {
  let hetero = 0;
  for (const a of first) for (const b of second) hetero += correlation[a * size + b];
  hetero /= first.length * second.length;
  const monoFirst = monotraitMean(correlation, size, first);
  const monoSecond = monotraitMean(correlation, size, second);
  if (!(monoFirst > 0 && monoSecond > 0)) return null;
  return hetero / Math.sqrt(monoFirst * monoSecond);
}

function monotraitMean(correlation: ArrayLike<number>, size: number, block: readonly number[]): number {
  if (block.length < 2) return 1;
  let total = 0;
  for (const a of block) for (const b of block) if (a < b) total += correlation[a * size + b];
  return total / ((block.length * (block.length - 1)) / 2);
}
