import { type KanoFeatureResult, kanoFromCounts } from "../kano/classify-kano-feature.ts";
import { classifyKanoAnswer, type KanoCategory } from "../kano/evaluation-table.ts";

/** How many respondents gave one functional/dysfunctional answer pair. */
export interface KanoPairCount {
  functional: number;
  dysfunctional: number;
  count: number;
}

/**
 * Kano classification of a feature from counts of answer pairs (at most 25 cells), e.g. grouped in SQL: each cell
 * is classified by the Berger et al. (1993) table and the category counts go to kanoFromCounts. Equals
 * classifyKanoFeature on the expanded pairs. Cost: O(cells).
 * @throws RangeError on a pair outside 1–5, a count that is negative or not whole, or no pairs at all.
 * @example kanoFromPairCounts([{ functional: 1, dysfunctional: 5, count: 3 }]).category // "O"
 */
export function kanoFromPairCounts(cells: readonly KanoPairCount[]): KanoFeatureResult {
  const counts: Record<KanoCategory, number> = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
  for (const { functional, dysfunctional, count } of cells) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`the count of pair (${functional}, ${dysfunctional}) must be a whole number ≥ 0, got ${count}`);
    counts[classifyKanoAnswer(functional, dysfunctional)] += count;
  }
  return kanoFromCounts(counts);
}
