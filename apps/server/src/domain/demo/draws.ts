/**
 * Small draws over a seeded generator for the demo data. Everything takes the generator as an argument, so the
 * same seed gives the same data on every run and every machine.
 */
import { normalDraw, type Random } from "@kexin/analytics";

export const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export const chance = (random: Random, probability: number): boolean => random() < probability;

/** An integer in [min, max], both included. */
export const integerBetween = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Draws from weighted items in O(log n) per draw after an O(n) set-up. */
export function weightedPicker<T>(items: readonly T[], weightOf: (item: T) => number): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weightOf(item)));
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return items[low];
  };
}

/** Poisson(mean) by Knuth's multiplication method below 30, a rounded normal approximation above. */
export function poissonDraw(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(normalDraw(random, mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

/** Log-normal draw: exp(Normal(logMedian, sigma)), so `median` is the median of the draws. */
export const logNormalDraw = (random: Random, median: number, sigma: number): number =>
  Math.exp(normalDraw(random, Math.log(median), sigma));

/** Rounds to cents, the precision of numeric(14, 2). */
export const toCents = (value: number): number => Math.round(value * 100) / 100;

export const DAY_MS = 86_400_000;

/** Parses yyyy-mm-dd as midnight UTC. @throws RangeError when the text is not a real date. */
export function parseAnchorDate(text: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) {
    throw new RangeError(`anchor date must be a real date written yyyy-mm-dd, got "${text}"`);
  }
  return time;
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);
