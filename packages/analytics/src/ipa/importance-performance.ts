import { mean } from "../core/descriptive.ts";

/** Martilla & James's four quadrants. */
export type IpaQuadrant = "concentrate here" | "keep up the good work" | "low priority" | "possible overkill";

/** One attribute's mean importance and performance (same scale for all attributes). */
export interface IpaAttribute {
  name: string;
  importance: number;
  performance: number;
}

/** Where the cross-hairs go: at the attribute means (data-centred) or at the scale midpoint. */
export type IpaCrosshair = { kind: "mean" } | { kind: "midpoint"; min: number; max: number };

/** The IPA grid: cross-hair position and each attribute's quadrant. */
export interface IpaResult {
  importanceCut: number;
  performanceCut: number;
  attributes: (IpaAttribute & { quadrant: IpaQuadrant })[];
}

/**
 * Importance–performance analysis: split attributes by cross-hairs on importance and performance.
 * High importance, low performance → "concentrate here"; high/high → "keep up the good work"; low/low →
 * "low priority"; low importance, high performance → "possible overkill". A value equal to the cut counts as high.
 * Reference: Martilla, J. A. & James, J. C. (1977), "Importance-performance analysis", J. Marketing 41(1).
 * Cost: O(n).
 * @throws RangeError on no attributes, non-finite values, or a midpoint scale with max ≤ min.
 * @example importancePerformance([{ name: "speed", importance: 4.5, performance: 2.9 }, …]).attributes[0].quadrant
 */
export function importancePerformance(attributes: readonly IpaAttribute[], crosshair: IpaCrosshair = { kind: "mean" }): IpaResult {
  if (attributes.length === 0) throw new RangeError("importance–performance analysis requires at least one attribute");
  for (const a of attributes) {
    if (!Number.isFinite(a.importance) || !Number.isFinite(a.performance)) {
      throw new RangeError(`attribute "${a.name}" needs finite importance and performance, got ${a.importance} and ${a.performance}`);
    }
  }
  let importanceCut: number;
  let performanceCut: number;
  if (crosshair.kind === "mean") {
    importanceCut = mean(attributes.map((a) => a.importance));
    performanceCut = mean(attributes.map((a) => a.performance));
  } else {
    if (!(crosshair.max > crosshair.min)) throw new RangeError(`the scale needs max > min, got ${crosshair.min}–${crosshair.max}`);
    importanceCut = performanceCut = (crosshair.min + crosshair.max) / 2;
  }
  return {
    importanceCut,
    performanceCut,
    attributes: attributes.map((a) => {
      const important = a.importance >= importanceCut;
      const performing = a.performance >= performanceCut;
      const quadrant: IpaQuadrant = important
        ? performing ? "keep up the good work" : "concentrate here"
        : performing ? "possible overkill" : "low priority";
      return { ...a, quadrant };
    }),
  };
}
