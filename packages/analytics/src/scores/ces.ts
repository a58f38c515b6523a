import { mean } from "../core/descriptive.ts";
import { type AnswerScale, checkAnswers } from "./check-answers.ts";

/** Customer effort score: mean agreement that the task was easy, and the share who found it easy. */
export interface CesResult {
  n: number;
  /** Mean answer on the original scale. */
  mean: number;
  /** Mean rescaled to 0–100. */
  score100: number;
  /** Share of answers in the top `easyBoxes` categories ("agree" that it was easy). */
  easyShare: number;
}

/**
 * Customer effort score (CES 2.0): answers to "The company made it easy for me to handle my issue", 1 = strongly
 * disagree … 7 = strongly agree. Reports the mean and the share agreeing (top 3 boxes of 7 by default).
 * Reference: Dixon, Freeman & Toman (2010), *Harvard Business Review*; CEB CES 2.0. Cost: O(n).
 * @throws RangeError on no answers, answers off the scale, or an impossible number of easy boxes.
 * @example customerEffortScore([7, 6, 5, 2]) // { n: 4, mean: 5, score100: 66.7, easyShare: 0.75 }
 */
export function customerEffortScore(
  answers: ArrayLike<number>,
  scale: AnswerScale = { min: 1, max: 7 },
  easyBoxes = 3,
): CesResult {
  checkAnswers(answers, scale, "customer effort score");
  if (!Number.isInteger(easyBoxes) || easyBoxes < 1 || easyBoxes > scale.max - scale.min + 1) {
    throw new RangeError(`customer effort score needs a whole number of "easy" boxes from 1 to ${scale.max - scale.min + 1}, got ${easyBoxes}`);
  }
  const m = mean(answers);
  const threshold = scale.max - easyBoxes + 1;
  let easy = 0;
  for (let i = 0; i < answers.length; i++) if (answers[i] >= threshold) easy++;
  return { n: answers.length, mean: m, score100: (100 * (m - scale.min)) / (scale.max - scale.min), easyShare: easy / answers.length };
}
