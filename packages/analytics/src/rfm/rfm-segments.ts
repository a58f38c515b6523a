/** One segment rule: inclusive score ranges for recency, frequency and monetary. */
export interface RfmSegmentRule {
  name: string;
  recency: readonly [number, number];
  frequency: readonly [number, number];
  monetary: readonly [number, number];
}

/**
 * The segment table documented by the R package rfm 0.3.0 (vignette "RFM - Introduction" and the `rfm_segment`
 * example), in its order — the first matching rule wins, and a customer matching none is "Others".
 * The rfm documentation has no "Hibernating" segment; add a rule for it if your team uses one.
 */
export const DEFAULT_RFM_SEGMENTS: readonly RfmSegmentRule[] = [
  { name: "Champions", recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
  { name: "Potential Loyalist", recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
  { name: "Loyal Customers", recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
  { name: "Promising", recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
  { name: "New Customers", recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
  { name: "Can't Lose Them", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
  { name: "At Risk", recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
  { name: "Need Attention", recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
  { name: "About To Sleep", recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
  { name: "Lost", recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
];

/** The segment name given to customers no rule matches (as in rfm). */
export const OTHER_RFM_SEGMENT = "Others";

/**
 * The RFM segment of one customer: the first rule whose inclusive ranges hold all three scores, else "Others".
 * Reference: rfm 0.3.0 `rfm_segment` (dplyr::between is inclusive; earlier rules take precedence). Cost: O(rules).
 * @example rfmSegment(4, 1, 2) // "New Customers"
 */
export function rfmSegment(r: number, f: number, m: number, rules: readonly RfmSegmentRule[] = DEFAULT_RFM_SEGMENTS): string {
  for (const rule of rules) {
    if (
      r >= rule.recency[0] && r <= rule.recency[1] &&
      f >= rule.frequency[0] && f <= rule.frequency[1] &&
      m >= rule.monetary[0] && m <= rule.monetary[1]
    ) return rule.name;
  }
  return OTHER_RFM_SEGMENT;
}
