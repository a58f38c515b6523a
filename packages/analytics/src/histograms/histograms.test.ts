import { describe, expect, it } from "vitest";
import { mean, variance } from "../core/descriptive.ts";
import { seededRandom } from "../core/random.ts";
import { classifyKanoFeature } from "../kano/classify-kano-feature.ts";
import { csat, customerEffortScore, meanInterval, netPromoterScore, topBoxShare, waveTrend, welchTTest } from "../scores/index.ts";
import {
  histogramCes,
  histogramCsat,
  histogramMeanInterval,
  histogramNps,
  histogramOf,
  histogramTopBox,
  histogramWaveTrend,
  kanoFromPairCounts,
  summarizeHistogram,
  welchTTestFromSummaries,
} from "./index.ts";

const draw = (random: () => number, n: number, min: number, max: number, skew = 1) =>
  Array.from({ length: n }, () => min + Math.floor(Math.pow(random(), skew) * (max - min + 1)));

describe("scores from histograms equal the array-based scores on the same answers", () => {
  const random = seededRandom(7);
  const samples = [
    draw(random, 37, 1, 5),
    draw(random, 200, 1, 5, 0.5),
    draw(random, 3, 1, 5),
    [5, 5, 5, 5],
  ];

  it("builds histograms and summaries", () => {
    expect(histogramOf([5, 4, 5])).toEqual([{ value: 4, count: 1 }, { value: 5, count: 2 }]);
    for (const values of samples) {
      const summary = summarizeHistogram(histogramOf(values));
      expect(summary.n).toBe(values.length);
      expect(summary.mean).toBeCloseTo(mean(values), 12);
      expect(summary.variance).toBeCloseTo(variance(values), 12);
    }
    expect(summarizeHistogram([{ value: 3, count: 1 }]).variance).toBeNaN();
    // Bins may repeat and come unordered; zero counts are ignored even off the scale.
    expect(summarizeHistogram([{ value: 5, count: 1 }, { value: 1, count: 1 }, { value: 5, count: 2 }, { value: 99, count: 0 }]).mean).toBe(4);
  });

  it("mean interval, top box, CSAT and CES", () => {
    for (const values of samples) {
      const histogram = histogramOf(values);
      const expected = meanInterval(values);
      const actual = histogramMeanInterval(histogram);
      expect(actual.mean).toBeCloseTo(expected.mean, 12);
      expect(actual.lower).toBeCloseTo(expected.lower, 10);
      expect(actual.upper).toBeCloseTo(expected.upper, 10);
      expect(actual.degreesOfFreedom).toBe(expected.degreesOfFreedom);
      expect(histogramTopBox(histogram, { min: 1, max: 5 }, 2)).toEqual(topBoxShare(values, { min: 1, max: 5 }, 2));
      expect(histogramCsat(histogram)).toEqual(csat(values));
      const ces = customerEffortScore(values, { min: 1, max: 7 });
      const fromCounts = histogramCes(histogram);
      expect(fromCounts.mean).toBeCloseTo(ces.mean, 12);
      expect(fromCounts.score100).toBeCloseTo(ces.score100, 10);
      expect(fromCounts.easyShare).toBe(ces.easyShare);
    }
  });

  it("NPS with its interval", () => {
    const values = [10, 10, 9, 9, 8, 7, 6, 5, 3, 10, ...draw(random, 90, 0, 10)];
    expect(histogramNps(histogramOf(values))).toEqual(netPromoterScore(values));
    expect(histogramNps(histogramOf(values), 0.9)).toEqual(netPromoterScore(values, 0.9));
  });

  it("Welch's t-test and wave trends", () => {
    const a = draw(random, 60, 1, 7);
    const b = draw(random, 45, 1, 7, 0.6);
    const expected = welchTTest(a, b);
    const actual = welchTTestFromSummaries(summarizeHistogram(histogramOf(a)), summarizeHistogram(histogramOf(b)));
    expect(actual.statistic).toBeCloseTo(expected.statistic, 10);
    expect(actual.degreesOfFreedom).toBeCloseTo(expected.degreesOfFreedom, 8);
    expect(actual.pValue).toBeCloseTo(expected.pValue, 10);
    const metrics = [
      { kind: "mean", scale: { min: 1, max: 7 } },
      { kind: "top-box", scale: { min: 1, max: 7 }, boxes: 2 },
    ] as const;
    for (const metric of metrics) {
      const arrays = waveTrend(a, b, metric);
      const counts = histogramWaveTrend(histogramOf(a), histogramOf(b), metric);
      expect(counts.direction).toBe(arrays.direction);
      expect(counts.isSignificant).toBe(arrays.isSignificant);
      expect(counts.pValue).toBeCloseTo(arrays.pValue, 10);
      expect(counts.previous).toBeCloseTo(arrays.previous, 12);
      expect(counts.current).toBeCloseTo(arrays.current, 12);
      expect(counts.test).toBe(arrays.test);
    }
    const before = draw(random, 80, 0, 10);
    const after = draw(random, 80, 0, 10, 0.3);
    expect(histogramWaveTrend(histogramOf(before), histogramOf(after), { kind: "nps" })).toEqual(waveTrend(before, after, { kind: "nps" }));
    expect(histogramWaveTrend(histogramOf(before), histogramOf(after), { kind: "nps" }).direction).toBe("up");
  });

  it("refuses what the array functions refuse, with the same words", () => {
    expect(() => histogramNps([{ value: 11, count: 1 }])).toThrow(/outside the 0–10 scale/);
    expect(() => histogramCsat([])).toThrow(/at least 1 answer/);
    expect(() => histogramMeanInterval([{ value: 3, count: 1 }])).toThrow(/at least 2 values/);
    expect(() => histogramMeanInterval([{ value: 3, count: 1.5 }])).toThrow(/whole number/);
    expect(() => histogramWaveTrend([{ value: 3, count: 1 }], [{ value: 3, count: 4 }], { kind: "mean", scale: { min: 1, max: 5 } })).toThrow(
      /at least 2 answers/,
    );
    expect(() => welchTTestFromSummaries({ n: 3, mean: 1, variance: 0 }, { n: 3, mean: 2, variance: 0 })).toThrow(/constant but differ/);
  });
});

describe("Kano from pair counts", () => {
  it("equals classifyKanoFeature on the expanded pairs", () => {
    const random = seededRandom(3);
    const functional = draw(random, 150, 1, 5, 0.5);
    const dysfunctional = draw(random, 150, 1, 5, 2);
    const cells = new Map<string, { functional: number; dysfunctional: number; count: number }>();
    functional.forEach((f, i) => {
      const key = `${f}:${dysfunctional[i]}`;
      const cell = cells.get(key) ?? { functional: f, dysfunctional: dysfunctional[i], count: 0 };
      cell.count++;
      cells.set(key, cell);
    });
    expect(kanoFromPairCounts([...cells.values()])).toEqual(classifyKanoFeature(functional, dysfunctional));
    expect(kanoFromPairCounts([{ functional: 1, dysfunctional: 5, count: 3 }]).category).toBe("O");
    expect(() => kanoFromPairCounts([{ functional: 6, dysfunctional: 5, count: 1 }])).toThrow(/1 to 5/);
    expect(() => kanoFromPairCounts([])).toThrow(/at least one answer pair/);
  });
});
