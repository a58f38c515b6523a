/**
 * Seeded randomness. Analytics never call Math.random: callers pass a generator so results repeat.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32: a small, fast 32-bit generator, good enough for resampling and simulation.
 * Cost: O(1) per draw.
 * @example const random = seededRandom(42); random() // same value on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw by the Box–Muller transform. Cost: O(1). */
export function normalDraw(random: Random, mean = 0, sd = 1): number {
  let u = 0;
  while (u === 0) u = random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Gamma(shape, rate) draw by Marsaglia & Tsang (2000), with the shape < 1 boost.
 * Reference: Marsaglia, G. & Tsang, W. W. (2000), ACM TOMS 26(3). Cost: O(1) expected.
 * @throws RangeError when shape or rate is not positive.
 */
export function gammaDraw(random: Random, shape: number, rate = 1): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError("gamma draw requires a positive shape and rate");
  if (shape < 1) return gammaDraw(random, shape + 1, rate) * Math.pow(random() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalDraw(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** Beta(a, b) draw from two gamma draws. Cost: O(1) expected. */
export function betaDraw(random: Random, a: number, b: number): number {
  const x = gammaDraw(random, a);
  const y = gammaDraw(random, b);
  return x / (x + y);
}

/** Exponential draw with the given rate. Cost: O(1). */
export function exponentialDraw(random: Random, rate: number): number {
  return -Math.log(1 - random()) / rate;
}
