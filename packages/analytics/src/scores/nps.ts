import { normalQuantile } from "../core/distributions.ts";
import { checkAnswers, checkConfidence } from "./check-answers.ts";

/** Net Promoter Score with its sampling error. */
export interface NpsResult {
  promoters: number;
  passives: number;
  detractors: number;
  n: number;
  /** 100 · (promoters − detractors) / n, in [−100, 100]. */
  nps: number;
  /** Standard error of the NPS, in NPS points. */
  standardError: number;
  lower: number;
  upper: number;
  confidence: number;
}

/**
 * Net Promoter Score from 0–10 "how likely are you to recommend" answers: promoters answer 9–10, detractors 0–6,
 * passives 7–8 (they count in the denominator). NPS = 100·(P − D)/n.
 * The standard error is that of the difference of two trinomial proportions:
 * Var(p̂_P − p̂_D) = [p_P + p_D − (p_P − p_D)²] / n; the interval is the normal approximation, clipped to ±100.
 * Reference: Reichheld (2003), HBR 81(12); variance as in Rocks (2016), "The true standard error of the NPS".
 * Cost: O(n).
 * @throws RangeError on no answers, answers outside 0–10, or confidence not in (0, 1).
 * @example netPromoterScore([10, 10, 9, 9, 8, 7, 6, 5, 3, 10]).nps // 20
 */
export function netPromoterScore(answers: ArrayLike<number>, confidence = 0.95): NpsResult {
  checkAnswers(answers, { min: 0, max: 10 }, "net promoter score");
  checkConfidence(confidence);
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < answers.length; i++) {
    if (answers[i] >= 9) promoters++;
    else if (answers[i] <= 6) detractors++;
  }
  return npsFromCounts(promoters, answers.length - promoters - detractors, detractors, confidence);
}

/**
 * Net Promoter Score from counts of promoters, passives and detractors (see netPromoterScore). Cost: O(1).
 * @throws RangeError on negative or fractional counts, a zero total, or confidence not in (0, 1).
 * @example npsFromCounts(50, 20, 30).nps // 20
 */
export function npsFromCounts(promoters: number, passives: number, detractors: number, confidence = 0.95): NpsResult {
  for (const [name, count] of [["promoters", promoters], ["passives", passives], ["detractors", detractors]] as const) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${count}`);
  }
  checkConfidence(confidence);
  const n = promoters + passives + detractors;
  if (n === 0) throw new RangeError("net promoter score requires at least one answer");
  const pP = promoters / n;
  const pD = detractors / n;
  const difference = pP - pD;
  const standardError = 100 * Math.sqrt(Math.max(0, pP + pD - difference * difference) / n);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const nps = 100 * difference;
  return {
    promoters, passives, detractors, n, nps, standardError,
    lower: Math.max(-100, nps - z * standardError),
    upper: Math.min(100, nps + z * standardError),
    confidence,
  };
}
