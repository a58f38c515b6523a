import type { AnswerScale } from "./check-answers.ts";
import { topBoxShare } from "./top-box.ts";

/** CSAT: the percentage of satisfied answers. */
export interface CsatResult {
  satisfied: number;
  n: number;
  /** satisfied / n in [0, 1]. */
  share: number;
  /** 100 · share. */
  percent: number;
}

/**
 * Customer satisfaction score (CSAT %): the share of answers in the top-2 boxes of a 1–5 scale
 * ("satisfied" or "very satisfied"), as a percentage. Scale and number of boxes are configurable.
 * Reference: the common industry definition (e.g. ACSI / Qualtrics CSAT). Cost: O(n).
 * @throws RangeError on no answers or answers off the scale.
 * @example csat([5, 4, 3, 2]) // { satisfied: 2, n: 4, share: 0.5, percent: 50 }
 */
export function csat(answers: ArrayLike<number>, scale: AnswerScale = { min: 1, max: 5 }, boxes = 2): CsatResult {
  const top = topBoxShare(answers, scale, boxes);
  return { satisfied: top.count, n: top.n, share: top.share, percent: 100 * top.share };
}
