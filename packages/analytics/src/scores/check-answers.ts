/**
 * Shared input checks for survey answers: every method names the problem in plain language instead of
 * returning NaN.
 */

/** A closed answer scale such as 1–5 or 0–10. */
export interface AnswerScale {
  min: number;
  max: number;
}

/**
 * Checks that answers are finite numbers inside the scale. Cost: O(n).
 * @throws RangeError naming the first answer outside the scale, or when there are fewer than `minimum` answers.
 */
export function checkAnswers(answers: ArrayLike<number>, scale: AnswerScale, what: string, minimum = 1): void {
  checkScale(scale, what);
  if (answers.length < minimum) {
    throw new RangeError(`${what} requires at least ${minimum} answer${minimum === 1 ? "" : "s"}, got ${answers.length}`);
  }
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i];
    if (!Number.isFinite(a) || a < scale.min || a > scale.max) {
      throw new RangeError(`${what}: answer ${i + 1} is ${a}, outside the ${scale.min}–${scale.max} scale`);
    }
  }
}

/** @throws RangeError when the scale is not a finite interval with max > min. */
export function checkScale(scale: AnswerScale, what: string): void {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || !(scale.max > scale.min)) {
    throw new RangeError(`${what} requires a scale with finite min < max, got ${scale.min}–${scale.max}`);
  }
}

/** @throws RangeError unless 0 < confidence < 1. */
export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be strictly between 0 and 1 (e.g. 0.95), got ${confidence}`);
  }
}
