import { type AnswerScale, checkAnswers } from "./check-answers.ts";

/** Share of answers in the top box(es) of a scale, with the counts behind it. */
export interface TopBoxResult {
  /** Answers at or above the threshold. */
  count: number;
  /** All answers. */
  n: number;
  /** count / n, in [0, 1]. */
  share: number;
  /** The lowest answer counted as "top box". */
  threshold: number;
}

/**
 * Top-box share: the proportion of answers in the highest `boxes` categories of an integer scale
 * (boxes = 1: top box; boxes = 2: top-2-box, e.g. 4 and 5 on a 1–5 scale).
 * Reference: the usual market-research definition (e.g. Sauro & Lewis, *Quantifying the User Experience*, 2016).
 * Cost: O(n).
 * @throws RangeError on no answers, answers off the scale, or boxes not a whole number from 1 to the scale width.
 * @example topBoxShare([5, 4, 3, 5], { min: 1, max: 5 }, 2) // { count: 3, n: 4, share: 0.75, threshold: 4 }
 */
export function topBoxShare(answers: ArrayLike<number>, scale: AnswerScale, boxes = 1): TopBoxResult {
  checkAnswers(answers, scale, "top-box share");
  if (!Number.isInteger(boxes) || boxes < 1 || boxes > scale.max - scale.min + 1) {
    throw new RangeError(`top-box share needs a whole number of boxes from 1 to ${scale.max - scale.min + 1}, got ${boxes}`);
  }
  const threshold = scale.max - boxes + 1;
  let count = 0;
  for (let i = 0; i < answers.length; i++) if (answers[i] >= threshold) count++;
  return { count, n: answers.length, share: count / answers.length, threshold };
}
