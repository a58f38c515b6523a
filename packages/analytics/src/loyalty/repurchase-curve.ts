import { wilsonInterval } from "../scores/proportion-interval.ts";

/** Repurchase rate at one satisfaction level, with its Wilson interval. */
export interface RepurchasePoint {
  level: number;
  n: number;
  repurchased: number;
  rate: number;
  lower: number;
  upper: number;
}

/**
 * The satisfaction → repurchase curve: for each satisfaction level, the share of customers who bought again and
 * its Wilson confidence interval — the shape that shows whether loyalty jumps only at "completely satisfied"
 * (Jones & Sasser 1995, "Why satisfied customers defect", HBR 73(6)). Levels are sorted ascending.
 * Cost: O(n log n).
 * @throws RangeError when the arrays differ in length, are empty, or a level is not finite.
 * @example repurchaseCurve([5, 5, 4, 3], [true, true, false, false])[2] // { level: 5, n: 2, repurchased: 2, rate: 1, … }
 */
export function repurchaseCurve(satisfaction: ArrayLike<number>, repurchased: ArrayLike<boolean>, confidence = 0.95): RepurchasePoint[] {
  if (satisfaction.length !== repurchased.length) {
    throw new RangeError(`one repurchase flag per satisfaction answer is needed, got ${satisfaction.length} and ${repurchased.length}`);
  }
  if (satisfaction.length === 0) throw new RangeError("the repurchase curve requires at least one customer");
  const groups = new Map<number, [number, number]>();
  for (let i = 0; i < satisfaction.length; i++) {
    const level = satisfaction[i];
    if (!Number.isFinite(level)) throw new RangeError(`satisfaction of customer ${i + 1} is ${level}, not a number`);
    const g = groups.get(level) ?? [0, 0];
    g[0]++;
    if (repurchased[i]) g[1]++;
    groups.set(level, g);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([level, [n, bought]]) => {
      const ci = wilsonInterval(bought, n, confidence);
      return { level, n, repurchased: bought, rate: bought / n, lower: ci.lower, upper: ci.upper };
    });
}
