/**
 * Unconstrained minimisation: BFGS (with an analytic or a numeric gradient) and Nelder–Mead.
 * Fit positive parameters by optimising their logarithms: minimise θ ↦ f(exp θ) and report exp θ̂.
 * Non-finite objective values are treated as +∞ (the step is shortened), so a likelihood may return NaN or
 * Infinity outside its domain without derailing the search.
 */

/**
 * An objective with its gradient: returns f(x) and writes ∂f/∂xᵢ into `gradient`.
 * The callee must not keep `point` or `gradient` (the optimiser reuses them).
 */
export type ObjectiveWithGradient = (point: Float64Array, gradient: Float64Array) => number;

/** What a minimiser found. */
export interface MinimizeResult {
  /** The best point found. */
  point: Float64Array;
  /** f at that point. */
  value: number;
  /** Iterations taken. */
  iterations: number;
  /** Objective evaluations (with gradient, for BFGS). */
  evaluations: number;
  /** Whether the convergence test passed (false: iteration limit reached or no further progress possible). */
  converged: boolean;
}

/** Options for {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Converged when every |∂f/∂xᵢ| ≤ this. Default 1e-8 (scale your objective to order 1, e.g. a mean log-likelihood). */
  gradientTolerance?: number;
  /**
   * Converged when an iteration lowers f by at most this fraction of max(|f|, 1) — the objective's rounding noise
   * (as scipy's L-BFGS-B `ftol`). Default 1e-13; raise it for objectives summed over millions of terms.
   */
  valueTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest;
}

function safeValue(value: number): number {
  return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search.
 * The inverse-Hessian approximation starts as the identity scaled after the first step (Nocedal & Wright eq. 6.20);
 * updates that would lose positive definiteness (sᵀy ≤ 0) are skipped.
 * Reference: Nocedal, J. & Wright, S. J. (2006), Numerical Optimization, 2nd ed., Algorithm 6.1.
 * Cost: O(d²) per iteration plus the objective evaluations (typically 1–2 per iteration).
 * @throws RangeError when the objective is not finite at the start.
 * @example
 * const result = minimizeBfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, [0]);
 * result.point[0] // 3
 */
export function minimizeBfgs(objective: ObjectiveWithGradient, start: ArrayLike<number>, options: BfgsOptions = {}): MinimizeResult {
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const valueTolerance = options.valueTolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 500;
  const d = start.length;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(d);
  let value = safeValue(objective(x, gradient));
  let evaluations = 1;
  if (!Number.isFinite(value) || !Number.isFinite(maxAbs(gradient))) {
    throw new RangeError("minimisation needs an objective and gradient that are finite at the starting point");
  }
  const inverseHessian = new Float64Array(d * d);
  for (let i = 0; i < d; i++) inverseHessian[i * d + i] = 1;
  const direction = new Float64Array(d);
  let candidate = new Float64Array(d);
  let candidateGradient = new Float64Array(d);
  const s = new Float64Array(d);
  const y = new Float64Array(d);
  const hy = new Float64Array(d);
  let isFirstStep = true;

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (maxAbs(gradient) <= gradientTolerance) {
      return { point: x, value, iterations: iteration - 1, evaluations, converged: true };
    }
    for (let i = 0; i < d; i++) {
      let total = 0;
      for (let j = 0; j < d; j++) total -= inverseHessian[i * d + j] * gradient[j];
      direction[i] = total;
    }
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (the approximation went stale): restart from steepest descent.
      inverseHessian.fill(0);
      for (let i = 0; i < d; i++) {
        inverseHessian[i * d + i] = 1;
        direction[i] = -gradient[i];
      }
      slope = dot(direction, gradient);
      isFirstStep = true;
    }
    // The first step has no curvature information: cap its length so a large gradient cannot fling x away.
    let step = isFirstStep ? Math.min(1, 1 / Math.max(maxAbs(direction), 1e-300)) : 1;
    let candidateValue = Number.POSITIVE_INFINITY;
    let accepted = false;
    const smallestStep = (1e-12 * Math.max(1, maxAbs(x))) / Math.max(maxAbs(direction), 1e-300);
    for (let halving = 0; halving < 60 && step >= smallestStep; halving++) {
      for (let i = 0; i < d; i++) candidate[i] = x[i] + step * direction[i];
      candidateValue = safeValue(objective(candidate, candidateGradient));
      evaluations++;
      // A full quasi-Newton step that moves f by no more than its rounding noise: f cannot resolve any better point.
      if (!isFirstStep && halving === 0 && Math.abs(candidateValue - value) <= valueTolerance * Math.max(1, Math.abs(value))) {
        const isBetter = candidateValue < value;
        return {
          point: isBetter ? candidate : x,
          value: isBetter ? candidateValue : value,
          iterations: iteration,
          evaluations,
          converged: maxAbs(isBetter ? candidateGradient : gradient) <= gradientTolerance * 1e3,
        };
      }
      if (candidateValue <= value + 1e-4 * step * slope && Number.isFinite(maxAbs(candidateGradient))) {
        accepted = true;
        break;
      }
      step *= candidateValue === Number.POSITIVE_INFINITY ? 0.1 : 0.5;
    }
    // No step lowers f: at the optimum up to f's rounding noise if the gradient is nearly zero, stuck otherwise.
    if (!accepted) return { point: x, value, iterations: iteration, evaluations, converged: maxAbs(gradient) <= gradientTolerance * 1e3 };

    for (let i = 0; i < d; i++) {
      s[i] = candidate[i] - x[i];
      y[i] = candidateGradient[i] - gradient[i];
    }
    const change = Math.abs(value - candidateValue);
    [x, candidate] = [candidate, x];
    [gradient, candidateGradient] = [candidateGradient, gradient];
    value = candidateValue;
    if (change <= valueTolerance * Math.max(1, Math.abs(value))) {
      return { point: x, value, iterations: iteration, evaluations, converged: true };
    }

    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (isFirstStep) {
        const scale = sy / dot(y, y);
        inverseHessian.fill(0);
        for (let i = 0; i < d; i++) inverseHessian[i * d + i] = scale;
        isFirstStep = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded.
      const rho = 1 / sy;
      for (let i = 0; i < d; i++) {
        let total = 0;
        for (let j = 0; j < d; j++) total += inverseHessian[i * d + j] * y[j];
        hy[i] = total;
      }
      const yhy = dot(y, hy);
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          inverseHessian[i * d + j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
        }
      }
    }
  }
  return { point: x, value, iterations: maxIterations, evaluations, converged: maxAbs(gradient) <= gradientTolerance };
}

/**
 * Wraps a plain objective f(x) with a central-difference gradient, for {@link minimizeBfgs}.
 * Step hᵢ = relativeStep · max(1, |xᵢ|). Costs 2d + 1 evaluations of f per call.
 * Reference: Nocedal & Wright (2006) §8.1. Cost: O(d) evaluations of f.
 * @example minimizeBfgs(withNumericGradient((x) => (x[0] - 3) ** 2), [0]).point[0] // ≈ 3
 */
export function withNumericGradient(objective: (point: Float64Array) => number, relativeStep = 1e-6): ObjectiveWithGradient {
  return (point, gradient) => {
    const shifted = Float64Array.from(point);
    for (let i = 0; i < point.length; i++) {
      const h = relativeStep * Math.max(1, Math.abs(point[i]));
      shifted[i] = point[i] + h;
      const above = objective(shifted);
      shifted[i] = point[i] - h;
      const below = objective(shifted);
      shifted[i] = point[i];
      gradient[i] = (above - below) / (2 * h);
    }
    return objective(point);
  };
}

/** Options for {@link minimizeNelderMead}. */
export interface NelderMeadOptions {
  /** Converged when the simplex's f values span less than this (absolute). Default 1e-10. */
  valueTolerance?: number;
  /** Converged when the simplex's vertices lie within this of the best one, per coordinate. Default 1e-10. */
  pointTolerance?: number;
  /** Initial simplex edge (added to each coordinate in turn). Default 0.1 (≈ 10 % for log-parameters). */
  initialStep?: number;
  /** Default 200 · dimension. */
  maxIterations?: number;
}

/**
 * Nelder–Mead downhill simplex, with the standard coefficients (reflect 1, expand 2, contract ½, shrink ½).
 * Needs no gradient; slower than BFGS on smooth objectives but robust to kinks and noise.
 * Reference: Nelder, J. A. & Mead, R. (1965), The Computer Journal 7(4); Lagarias et al. (1998), SIAM J. Optim. 9(1).
 * Cost: 1–2 evaluations per iteration (d + 1 on a shrink), O(d²) bookkeeping.
 * @throws RangeError when the objective is not finite at the start.
 * @example minimizeNelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).point // ≈ [1, −2]
 */
export function minimizeNelderMead(
  objective: (point: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimizeResult {
  const d = start.length;
  const valueTolerance = options.valueTolerance ?? 1e-10;
  const pointTolerance = options.pointTolerance ?? 1e-10;
  const initialStep = options.initialStep ?? 0.1;
  const maxIterations = options.maxIterations ?? 200 * d;
  const evaluate = (point: Float64Array): number => {
    evaluations++;
    return safeValue(objective(point));
  };
  let evaluations = 0;
  const simplex: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < d; i++) {
    const vertex = Float64Array.from(start);
    vertex[i] += initialStep;
    simplex.push(vertex);
  }
  const values = simplex.map(evaluate);
  if (!Number.isFinite(values[0])) throw new RangeError("minimisation needs an objective that is finite at the starting point");
  const centroid = new Float64Array(d);
  const along = (coefficient: number): Float64Array => {
    const worst = simplex[d];
    const point = new Float64Array(d);
    for (let j = 0; j < d; j++) point[j] = centroid[j] + coefficient * (worst[j] - centroid[j]);
    return point;
  };

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const sortedSimplex = order.map((i) => simplex[i]);
    const sortedValues = order.map((i) => values[i]);
    for (let i = 0; i <= d; i++) {
      simplex[i] = sortedSimplex[i];
      values[i] = sortedValues[i];
    }
    let spread = 0;
    for (let i = 1; i <= d; i++) for (let j = 0; j < d; j++) spread = Math.max(spread, Math.abs(simplex[i][j] - simplex[0][j]));
    if (values[d] - values[0] <= valueTolerance && spread <= pointTolerance) {
      return { point: simplex[0], value: values[0], iterations: iteration - 1, evaluations, converged: true };
    }
    centroid.fill(0);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) centroid[j] += simplex[i][j] / d;

    const reflected = along(-1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[0]) {
      const expanded = along(-2);
      const expandedValue = evaluate(expanded);
      [simplex[d], values[d]] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < values[d - 1]) {
      [simplex[d], values[d]] = [reflected, reflectedValue];
    } else {
      const isOutside = reflectedValue < values[d];
      const contracted = along(isOutside ? -0.5 : 0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < (isOutside ? reflectedValue : values[d])) {
        [simplex[d], values[d]] = [contracted, contractedValue];
      } else {
        for (let i = 1; i <= d; i++) {
          for (let j = 0; j < d; j++) simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
          values[i] = evaluate(simplex[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= d; i++) if (values[i] < values[best]) best = i;
  return { point: simplex[best], value: values[best], iterations: maxIterations, evaluations, converged: false };
}
