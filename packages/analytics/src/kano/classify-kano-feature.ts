import { classifyKanoAnswer, KANO_CATEGORIES, KANO_CATEGORY_NAMES, type KanoCategory } from "./evaluation-table.ts";
import { type FongTest, fongTest } from "./fong-test.ts";

/** The Kano analysis of one feature. */
export interface KanoFeatureResult {
  n: number;
  counts: Record<KanoCategory, number>;
  /** Most frequent category; ties broken M > O > A > I > R > Q. */
  category: KanoCategory;
  /** English identifier of the category ("basic", "performance", "excitement", …). */
  categoryName: string;
  /** Chinese report label (基本, 绩效, 激励, …). */
  categoryLabel: string;
  /** Better (satisfaction) coefficient (A + O)/(A + O + M + I); null when A + O + M + I = 0. */
  better: number | null;
  /** Worse (dissatisfaction) coefficient −(O + M)/(A + O + M + I); null when A + O + M + I = 0. */
  worse: number | null;
  strength: {
    /** Total strength: (A + O + M)/n. */
    total: number;
    /** Category strength: share of the top category minus share of the runner-up. */
    category: number;
  };
  /** Fong's test on the counts of the two most frequent categories. */
  significance: FongTest & { runnerUp: KanoCategory };
}

/**
 * Kano classification of a feature from paired functional/dysfunctional answers (1 like, 2 must-be, 3 neutral,
 * 4 live-with, 5 dislike): each pair is classified by the Berger et al. (1993) table, the feature takes the most
 * frequent category (ties M > O > A > I > R > Q: the category that hurts most when missed wins), and the
 * better/worse coefficients (Berger et al. 1993), total and category strength and Fong's (1996) test are reported.
 * Cost: O(n).
 * @throws RangeError when the answer arrays differ in length, are empty, or hold an answer outside 1–5.
 * @example classifyKanoFeature([1, 1, 2], [5, 5, 5]).category // "O"
 */
export function classifyKanoFeature(functional: ArrayLike<number>, dysfunctional: ArrayLike<number>): KanoFeatureResult {
  if (functional.length !== dysfunctional.length) {
    throw new RangeError(`Kano needs one dysfunctional answer per functional answer, got ${functional.length} and ${dysfunctional.length}`);
  }
  if (functional.length === 0) throw new RangeError("Kano classification requires at least one answer pair");
  const counts: Record<KanoCategory, number> = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
  for (let i = 0; i < functional.length; i++) {
    try {
      counts[classifyKanoAnswer(functional[i], dysfunctional[i])]++;
    } catch (error) {
      throw new RangeError(`answer pair ${i + 1}: ${(error as Error).message}`, { cause: error });
    }
  }
  return kanoFromCounts(counts);
}

/**
 * Kano classification from category counts (see classifyKanoFeature). Cost: O(1).
 * @throws RangeError when a count is negative or not whole, or all counts are zero.
 * @example kanoFromCounts({ A: 5, O: 2, M: 5, I: 1, R: 0, Q: 0 }).category // "M" (tie with A broken M first)
 */
export function kanoFromCounts(counts: Record<KanoCategory, number>): KanoFeatureResult {
  let n = 0;
  for (const c of KANO_CATEGORIES) {
    if (!Number.isInteger(counts[c]) || counts[c] < 0) throw new RangeError(`the Kano count of ${c} must be a whole number ≥ 0, got ${counts[c]}`);
    n += counts[c];
  }
  if (n === 0) throw new RangeError("Kano classification requires at least one answer pair");
  // Stable order by count, ties kept in the M > O > A > I > R > Q priority order.
  const ranked = [...KANO_CATEGORIES].sort((x, y) => counts[y] - counts[x]);
  const [category, runnerUp] = ranked;
  const { A, O, M, I } = counts;
  const classified = A + O + M + I;
  const names = KANO_CATEGORY_NAMES[category];
  return {
    n,
    counts: { ...counts },
    category,
    categoryName: names.name,
    categoryLabel: names.label,
    better: classified === 0 ? null : (A + O) / classified,
    worse: classified === 0 ? null : -(O + M) / classified,
    strength: { total: (A + O + M) / n, category: (counts[category] - counts[runnerUp]) / n },
    significance: { ...fongTest(counts[category], counts[runnerUp], n), runnerUp },
  };
}
