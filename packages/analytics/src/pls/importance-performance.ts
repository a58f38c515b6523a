import { constructIndex, indicatorPerformance, normalisedWeights, type IndexScale } from "./construct-index.ts";
import type { PlsResult } from "./estimate-pls.ts";
import { PlsInputError } from "./types.ts";

/** One point of an importance–performance map. */
export interface ImportancePerformancePoint {
  /** Construct name, or indicator name in the indicator-level map. */
  name: string;
  /** The construct the indicator measures (equal to `name` at construct level). */
  construct: string;
  /** Total effect on the target (indicator level: the construct's total effect × the normalised weight). */
  importance: number;
  /** 0–100 index (construct) or rescaled mean (indicator). */
  performance: number;
}

/** Importance–performance map at construct and indicator level. */
export interface ImportancePerformanceMap {
  target: string;
  constructs: ImportancePerformancePoint[];
  indicators: ImportancePerformancePoint[];
}

/**
 * Importance–performance map analysis (IPMA): for every construct with a total effect on the target, its
 * importance (total effect) against its performance (0–100 index); and for each of its indicators, the total
 * effect times the indicator's normalised weight against the indicator's rescaled mean.
 * Reference: Ringle & Sarstedt (2016), Industrial Management & Data Systems 116(9):1865–1886.
 * Cost: O(constructs² + indicators).
 * @throws PlsInputError when the target is unknown, has no antecedents, or the scale is empty.
 * @example importancePerformanceMap(result, "Loyalty", { scaleMin: 1, scaleMax: 10 }).constructs
 */
export function importancePerformanceMap(result: PlsResult, target: string, scale: IndexScale): ImportancePerformanceMap {
  if (!result.constructs.includes(target)) {
    throw new PlsInputError(`target ${target} is not a construct (constructs: ${result.constructs.join(", ")})`);
  }
  const drivers = result.effects.filter((effect) => effect.to === target);
  if (drivers.length === 0) throw new PlsInputError(`no construct has an effect on ${target}: choose an endogenous target`);
  const constructs: ImportancePerformancePoint[] = [];
  const indicators: ImportancePerformancePoint[] = [];
  for (const { from, total } of drivers) {
    constructs.push({ name: from, construct: from, importance: total, performance: constructIndex(result, from, scale) });
    for (const [indicator, w] of Object.entries(normalisedWeights(result, from))) {
      indicators.push({
        name: indicator,
        construct: from,
        importance: total * w,
        performance: indicatorPerformance(result, indicator, scale),
      });
    }
  }
  return { target, constructs, indicators };
}
