/** One attribute as customers rate it: its importance and our and a competitor's performance. */
export interface CompetitiveAttribute {
  name: string;
  importance: number;
  ours: number;
  competitor: number;
}

/** Importance-weighted relative performance against a competitor. */
export interface RelativePerformance {
  attributes: { name: string; weight: number; ratio: number; weightedRatio: number }[];
  /** Σ weight · ours / competitor: above 1 means customers see us ahead on what matters to them. */
  index: number;
  /** Σ weight · ours and Σ weight · competitor. */
  ourScore: number;
  competitorScore: number;
}

/**
 * Customer value analysis against a competitor: each attribute's ratio (our score ÷ competitor's score),
 * weighted by its importance normalised to sum to 1, summed to a relative performance index.
 * Reference: Gale, B. T. (1994), *Managing Customer Value*, Free Press (customer-value map, relative quality).
 * Cost: O(n).
 * @throws RangeError on no attributes, negative importance or scores, a competitor score of 0, or all-zero importance.
 * @example relativePerformance([{ name: "quality", importance: 60, ours: 8, competitor: 6 }, { name: "service", importance: 40, ours: 6, competitor: 6 }]).index // 1.2
 */
export function relativePerformance(attributes: readonly CompetitiveAttribute[]): RelativePerformance {
  if (attributes.length === 0) throw new RangeError("relative performance requires at least one attribute");
  let total = 0;
  for (const a of attributes) {
    if (!(Number.isFinite(a.importance) && a.importance >= 0)) throw new RangeError(`attribute "${a.name}" needs importance ≥ 0, got ${a.importance}`);
    if (!(Number.isFinite(a.ours) && a.ours >= 0)) throw new RangeError(`attribute "${a.name}" needs our score ≥ 0, got ${a.ours}`);
    if (!(Number.isFinite(a.competitor) && a.competitor > 0)) {
      throw new RangeError(`attribute "${a.name}" needs a positive competitor score to form a ratio, got ${a.competitor}`);
    }
    total += a.importance;
  }
  if (total === 0) throw new RangeError("importance must not be zero for every attribute");
  const rows = attributes.map((a) => {
    const weight = a.importance / total;
    const ratio = a.ours / a.competitor;
    return { name: a.name, weight, ratio, weightedRatio: weight * ratio };
  });
  return {
    attributes: rows,
    index: rows.reduce((s, r) => s + r.weightedRatio, 0),
    ourScore: attributes.reduce((s, a) => s + (a.importance / total) * a.ours, 0),
    competitorScore: attributes.reduce((s, a) => s + (a.importance / total) * a.competitor, 0),
  };
}
