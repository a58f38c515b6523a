/**
 * Dense linear algebra for small and tall matrices, in plain Float64Arrays.
 *
 * Layouts: a data matrix of `rows × columns` is stored column-major (column j occupies
 * `[j·rows, (j+1)·rows)`), so one variable is one contiguous slice. Square matrices (correlations,
 * cross-products, Cholesky factors) are `size × size`, symmetric ones stored in full, row-major
 * (for a symmetric matrix the two layouts coincide). Nothing here allocates more than its result.
 */

/** Rows copied per block when forming cross-products: small enough for the block to stay in cache. */
const BLOCK_ROWS = 1024;

function requireSquare(matrix: ArrayLike<number>, size: number, what: string): void {
  if (matrix.length !== size * size) {
    throw new RangeError(`${what} expects a ${size}×${size} matrix (${size * size} numbers), got ${matrix.length}`);
  }
}

/**
 * Column means of a column-major data matrix, optionally with a frequency weight per row
 * (a bootstrap resample is a vector of counts).
 * Cost: O(rows · columns).
 * @throws RangeError when the weights do not sum to a positive number.
 * @example columnMeans(Float64Array.of(1, 2, 3, 10, 20, 30), 3, 2) // Float64Array [2, 20]
 */
export function columnMeans(
  data: Float64Array,
  rows: number,
  columns: number,
  rowWeights?: ArrayLike<number>,
): Float64Array {
  const means = new Float64Array(columns);
  let total = rows;
  if (rowWeights) {
    total = 0;
    for (let i = 0; i < rows; i++) total += rowWeights[i];
  }
  if (!(total > 0)) throw new RangeError("column means require at least one row with a positive weight");
  for (let j = 0; j < columns; j++) {
    const offset = j * rows;
    let s = 0;
    if (rowWeights) for (let i = 0; i < rows; i++) s += rowWeights[i] * data[offset + i];
    else for (let i = 0; i < rows; i++) s += data[offset + i];
    means[j] = s / total;
  }
  return means;
}

/**
 * Centred cross-product matrix Σᵢ wᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ of a column-major data matrix (the scatter matrix;
 * divide by n − 1 for the covariance). Rows are processed in cache-sized blocks, so a million rows by
 * two dozen columns costs one streaming pass plus the arithmetic.
 * Cost: O(rows · columns²) arithmetic, one pass over memory.
 * @example centredCrossProducts(Float64Array.of(1, 2, 3), 3, 1, Float64Array.of(2)) // Float64Array [2]
 */
export function centredCrossProducts(
  data: Float64Array,
  rows: number,
  columns: number,
  means: ArrayLike<number>,
  rowWeights?: ArrayLike<number>,
): Float64Array {
  const p = columns;
  const result = new Float64Array(p * p);
  const blockRows = Math.min(BLOCK_ROWS, rows);
  const block = new Float64Array(blockRows * p);
  const weights = new Float64Array(blockRows);
  for (let start = 0; start < rows; start += blockRows) {
    const size = Math.min(blockRows, rows - start);
    for (let i = 0; i < size; i++) weights[i] = rowWeights ? rowWeights[start + i] : 1;
    for (let j = 0; j < p; j++) {
      const source = j * rows + start;
      const target = j * blockRows;
      const m = means[j];
      for (let i = 0; i < size; i++) block[target + i] = data[source + i] - m;
    }
    for (let a = 0; a < p; a++) {
      const oa = a * blockRows;
      for (let b = a; b < p; b++) {
        const ob = b * blockRows;
        let s = 0;
        if (rowWeights) for (let i = 0; i < size; i++) s += weights[i] * block[oa + i] * block[ob + i];
        else for (let i = 0; i < size; i++) s += block[oa + i] * block[ob + i];
        result[a * p + b] += s;
      }
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) result[a * p + b] = result[b * p + a];
  return result;
}

/**
 * Pearson correlation matrix of the columns of a column-major data matrix, optionally with frequency
 * weights per row. A constant column has no correlation: its row and column are 0 except a 1 on the diagonal.
 * Cost: O(rows · columns²).
 * @throws RangeError with fewer than two rows.
 * @example correlationMatrix(Float64Array.of(1, 2, 3, 2, 4, 7), 3, 2) // ≈ [1, 0.99339, 0.99339, 1]
 */
export function correlationMatrix(
  data: Float64Array,
  rows: number,
  columns: number,
  rowWeights?: ArrayLike<number>,
): Float64Array {
  if (rows < 2) throw new RangeError("a correlation matrix requires at least two rows");
  const means = columnMeans(data, rows, columns, rowWeights);
  const scatter = centredCrossProducts(data, rows, columns, means, rowWeights);
  return scatterToCorrelation(scatter, columns);
}

/**
 * Turns a scatter (or covariance) matrix into a correlation matrix, in place, and returns it.
 * Cost: O(size²).
 * @example scatterToCorrelation(Float64Array.of(4, 2, 2, 9), 2) // [1, 1/3, 1/3, 1]
 */
export function scatterToCorrelation(scatter: Float64Array, size: number): Float64Array {
  requireSquare(scatter, size, "scatterToCorrelation");
  const scale = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    const d = scatter[j * size + j];
    scale[j] = d > 0 ? 1 / Math.sqrt(d) : 0;
  }
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) {
      scatter[a * size + b] = a === b ? 1 : scatter[a * size + b] * scale[a] * scale[b];
    }
  }
  return scatter;
}

/**
 * Cholesky factor L (lower triangular, row-major) of a symmetric positive-definite matrix, A = L·Lᵀ.
 * Reference: Golub & Van Loan, Matrix Computations, §4.2. Cost: O(size³ / 3).
 * @throws RangeError when the matrix is not positive definite (its variables are collinear).
 * @example choleskyDecomposition(Float64Array.of(4, 2, 2, 5), 2) // [2, 0, 1, 2]
 */
export function choleskyDecomposition(matrix: ArrayLike<number>, size: number): Float64Array {
  requireSquare(matrix, size, "choleskyDecomposition");
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * size + j];
      for (let k = 0; k < j; k++) s -= lower[i * size + k] * lower[j * size + k];
      if (i === j) {
        // A pivot this small relative to the diagonal means the column is (numerically) a combination of others.
        if (!(s > 1e-12 * Math.max(1, Math.abs(matrix[i * size + i])))) {
          throw new RangeError(
            `matrix is not positive definite (variable ${i + 1} is a linear combination of the others)`,
          );
        }
        lower[i * size + i] = Math.sqrt(s);
      } else {
        lower[i * size + j] = s / lower[j * size + j];
      }
    }
  }
  return lower;
}

/**
 * Solves A·x = b given the Cholesky factor L of A (forward then back substitution).
 * Cost: O(size²).
 * @example choleskySolve(choleskyDecomposition(Float64Array.of(4, 2, 2, 5), 2), Float64Array.of(6, 7), 2) // [1, 1]
 */
export function choleskySolve(lower: ArrayLike<number>, b: ArrayLike<number>, size: number): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < size; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= lower[i * size + k] * x[k];
    x[i] = s / lower[i * size + i];
  }
  for (let i = size - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < size; k++) s -= lower[k * size + i] * x[k];
    x[i] = s / lower[i * size + i];
  }
  return x;
}

/**
 * Solves A·x = b for a symmetric positive-definite A.
 * Cost: O(size³).
 * @throws RangeError when A is not positive definite.
 * @example solveSymmetric(Float64Array.of(2, 0, 0, 4), Float64Array.of(2, 2), 2) // [1, 0.5]
 */
export function solveSymmetric(matrix: ArrayLike<number>, b: ArrayLike<number>, size: number): Float64Array {
  return choleskySolve(choleskyDecomposition(matrix, size), b, size);
}

/**
 * Inverse of a symmetric positive-definite matrix (row-major).
 * Cost: O(size³).
 * @throws RangeError when the matrix is not positive definite.
 * @example invertSymmetric(Float64Array.of(2, 0, 0, 4), 2) // [0.5, 0, 0, 0.25]
 */
export function invertSymmetric(matrix: ArrayLike<number>, size: number): Float64Array {
  const lower = choleskyDecomposition(matrix, size);
  const inverse = new Float64Array(size * size);
  const unit = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(lower, unit, size);
    for (let i = 0; i < size; i++) inverse[i * size + j] = column[i];
  }
  return inverse;
}

/**
 * Sub-matrix of a square row-major matrix picking the given rows and columns.
 * Cost: O(rows · columns).
 * @example subMatrix(Float64Array.of(1, 2, 3, 4), 2, [1], [0, 1]) // [3, 4]
 */
export function subMatrix(
  matrix: ArrayLike<number>,
  size: number,
  rowIndices: readonly number[],
  columnIndices: readonly number[],
): Float64Array {
  const out = new Float64Array(rowIndices.length * columnIndices.length);
  for (let a = 0; a < rowIndices.length; a++) {
    for (let b = 0; b < columnIndices.length; b++) {
      out[a * columnIndices.length + b] = matrix[rowIndices[a] * size + columnIndices[b]];
    }
  }
  return out;
}

/** Coefficients and fit of a regression solved from a correlation (or covariance) matrix. */
export interface MomentRegression {
  /** One coefficient per predictor, in the order given. */
  coefficients: Float64Array;
  /** Share of the target's variance explained, βᵀ·r (equals R² when the matrix is a correlation matrix). */
  rSquared: number;
}

/**
 * Ordinary least squares from second moments: β = R_xx⁻¹ · r_xy, for standardised variables whose
 * correlation matrix is given. This is OLS on the data without touching the data again.
 * Reference: any regression text, e.g. Cohen et al. (2003) §3.5. Cost: O(k³) for k predictors.
 * @throws RangeError when the predictors are perfectly collinear.
 * @example regressionFromCorrelation(Float64Array.of(1, 0, .5, 0, 1, .3, .5, .3, 1), 3, [0, 1], 2)
 * // coefficients [0.5, 0.3], rSquared 0.34
 */
export function regressionFromCorrelation(
  correlation: ArrayLike<number>,
  size: number,
  predictors: readonly number[],
  target: number,
): MomentRegression {
  const k = predictors.length;
  if (k === 0) return { coefficients: new Float64Array(0), rSquared: 0 };
  const rxx = subMatrix(correlation, size, predictors, predictors);
  const rxy = new Float64Array(k);
  for (let a = 0; a < k; a++) rxy[a] = correlation[predictors[a] * size + target];
  const coefficients = solveSymmetric(rxx, rxy, k);
  let rSquared = 0;
  for (let a = 0; a < k; a++) rSquared += coefficients[a] * rxy[a];
  return { coefficients, rSquared };
}

/**
 * Ordinary least squares y ≈ X·β on raw data by Householder QR (numerically safer than the normal equations).
 * X is column-major `rows × columns`; include a column of ones for an intercept.
 * Reference: Golub & Van Loan, Matrix Computations, §5.3. Cost: O(rows · columns²).
 * @throws RangeError when rows < columns or X does not have full column rank.
 * @example ordinaryLeastSquares(Float64Array.of(1, 1, 1, 1, 2, 3), Float64Array.of(3, 5, 7), 3, 2) // [1, 2]
 */
export function ordinaryLeastSquares(
  design: Float64Array,
  response: ArrayLike<number>,
  rows: number,
  columns: number,
): Float64Array {
  if (rows < columns) throw new RangeError(`least squares needs at least ${columns} rows, got ${rows}`);
  const a = Float64Array.from(design);
  const y = Float64Array.from(response);
  const diagonal = new Float64Array(columns);
  for (let j = 0; j < columns; j++) {
    const oj = j * rows;
    let norm = 0;
    for (let i = j; i < rows; i++) norm += a[oj + i] * a[oj + i];
    norm = Math.sqrt(norm);
    let scale = 0;
    for (let i = 0; i < rows; i++) scale = Math.max(scale, Math.abs(design[oj + i]));
    if (!(norm > 1e-12 * Math.max(1, scale))) {
      throw new RangeError(`least squares design column ${j + 1} is a linear combination of the others`);
    }
    const alpha = a[oj + j] > 0 ? -norm : norm;
    diagonal[j] = alpha;
    a[oj + j] -= alpha; // column j below the diagonal now holds the Householder vector v
    let vv = 0;
    for (let i = j; i < rows; i++) vv += a[oj + i] * a[oj + i];
    const reflect = (target: Float64Array, offset: number): void => {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += a[oj + i] * target[offset + i];
      const f = (2 * dot) / vv;
      for (let i = j; i < rows; i++) target[offset + i] -= f * a[oj + i];
    };
    for (let k = j + 1; k < columns; k++) reflect(a, k * rows);
    reflect(y, 0);
  }
  const beta = new Float64Array(columns);
  for (let j = columns - 1; j >= 0; j--) {
    let s = y[j];
    for (let k = j + 1; k < columns; k++) s -= a[k * rows + j] * beta[k];
    beta[j] = s / diagonal[j];
  }
  return beta;
}
