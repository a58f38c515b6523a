import type { AnswerScale } from "../scores/check-answers.ts";
import { type Answer, type IndicatorSpec, type MissingAnswerPolicy, normalizeWeights } from "./indicator-spec.ts";

/** One node of the index tree with its 0–100 score and its (normalised) weight in its parent. */
export interface IndexItemNode {
  name: string;
  weight: number;
  score: number;
  /** Respondents who answered this item. */
  answered: number;
}

export interface IndexDimensionNode {
  name: string;
  weight: number;
  score: number;
  items: IndexItemNode[];
}

/** The scored tree, and the items from weakest to strongest. */
export interface WeightedIndexResult {
  score: number;
  /** Respondents included under the missing-answer policy. */
  respondents: number;
  dimensions: IndexDimensionNode[];
  weakest: (IndexItemNode & { dimension: string })[];
  missing: MissingAnswerPolicy;
}

const isAnswered = (v: Answer | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

/**
 * Weighted three-level satisfaction index (items → dimensions → overall), every node on 0–100. Each answer is
 * rescaled 100·(x − min)/(max − min); a respondent's dimension score is the weighted mean of their item scores and
 * their overall score the weighted mean of their dimension scores; node scores are means over respondents.
 * Weights are those in the spec (given, regression-derived via regressionWeights, or PLS outer weights supplied as
 * item weights), normalised at each level. Missing answers follow `missing` (see MissingAnswerPolicy).
 * Reference: Fornell et al. (1996), "The American Customer Satisfaction Index", J. Marketing 60(4) (0–100 index).
 * Cost: O(respondents · items).
 * @throws RangeError on the "zero" policy, an answer off the scale, an item column outside a row, bad weights,
 * or no respondent left to score.
 * @example weightedIndex(rows, spec, { min: 1, max: 10 }).weakest[0] // the lowest-scoring item
 */
export function weightedIndex(
  rows: readonly (readonly Answer[])[],
  spec: IndicatorSpec,
  scale: AnswerScale,
  missing: MissingAnswerPolicy = "available",
): WeightedIndexResult {
  if (missing === "zero") {
    throw new RangeError('the "zero" missing-answer policy is not allowed: it scores a skipped question as the worst answer; use "available" or "exclude"');
  }
  if (!(scale.max > scale.min)) throw new RangeError(`the scale needs max > min, got ${scale.min}–${scale.max}`);
  if (spec.dimensions.length === 0) throw new RangeError("the indicator system needs at least one dimension");
  const dimensionWeights = normalizeWeights(spec.dimensions.map((d) => d.weight), "dimension weights");
  const itemWeights = spec.dimensions.map((d) => {
    if (d.items.length === 0) throw new RangeError(`dimension "${d.name}" has no items`);
    return normalizeWeights(d.items.map((i) => i.weight), `item weights of "${d.name}"`);
  });
  const columns = spec.dimensions.flatMap((d) => d.items.map((i) => i.column));
  const range = scale.max - scale.min;

  const itemSums = spec.dimensions.map((d) => d.items.map(() => 0));
  const itemCounts = spec.dimensions.map((d) => d.items.map(() => 0));
  const dimensionSums = spec.dimensions.map(() => 0);
  const dimensionCounts = spec.dimensions.map(() => 0);
  let overallSum = 0;
  let respondents = 0;

  rows.forEach((row, r) => {
    for (const c of columns) {
      if (!(c >= 0 && c < row.length)) throw new RangeError(`respondent ${r + 1} has no column ${c + 1}`);
      const v = row[c];
      if (isAnswered(v) && (v < scale.min || v > scale.max)) {
        throw new RangeError(`respondent ${r + 1}, column ${c + 1}: answer ${v} is outside the ${scale.min}–${scale.max} scale`);
      }
    }
    if (missing === "exclude" && !columns.every((c) => isAnswered(row[c]))) return;
    let overall = 0;
    let overallWeight = 0;
    const dimensionScores: (number | null)[] = spec.dimensions.map((d, k) => {
      let s = 0;
      let w = 0;
      d.items.forEach((item, i) => {
        const v = row[item.column];
        if (!isAnswered(v)) return;
        s += itemWeights[k][i] * ((100 * (v - scale.min)) / range);
        w += itemWeights[k][i];
      });
      if (w === 0) return null;
      overall += dimensionWeights[k] * (s / w);
      overallWeight += dimensionWeights[k];
      return s / w;
    });
    if (overallWeight === 0) return; // answered nothing: nothing to score
    respondents++;
    overallSum += overall / overallWeight;
    dimensionScores.forEach((score, k) => {
      if (score === null) return;
      dimensionSums[k] += score;
      dimensionCounts[k]++;
      spec.dimensions[k].items.forEach((item, i) => {
        const v = row[item.column];
        if (!isAnswered(v)) return;
        itemSums[k][i] += (100 * (v - scale.min)) / range;
        itemCounts[k][i]++;
      });
    });
  });
  if (respondents === 0) throw new RangeError(`no respondent can be scored under the "${missing}" missing-answer policy`);

  const dimensions = spec.dimensions.map((d, k): IndexDimensionNode => ({
    name: d.name,
    weight: dimensionWeights[k],
    score: dimensionCounts[k] === 0 ? 0 : dimensionSums[k] / dimensionCounts[k],
    items: d.items.map((item, i) => ({
      name: item.name,
      weight: itemWeights[k][i],
      score: itemCounts[k][i] === 0 ? 0 : itemSums[k][i] / itemCounts[k][i],
      answered: itemCounts[k][i],
    })),
  }));
  for (const d of dimensions) {
    for (const item of d.items) {
      if (item.answered === 0) throw new RangeError(`nobody answered item "${item.name}" of dimension "${d.name}"`);
    }
  }
  const weakest = dimensions
    .flatMap((d) => d.items.map((item) => ({ ...item, dimension: d.name })))
    .sort((a, b) => a.score - b.score);
  return { score: overallSum / respondents, respondents, dimensions, weakest, missing };
}
