/**
 * Ordinary least squares as R's `lm`: coefficients, their covariance, and t-based
 * inference for a contrast. Solved by Householder QR of X (Golub & Van Loan, Matrix
 * Computations, 4th ed., Algorithm 5.2.1), like R's LINPACK dqrdc2, so the normal
 * equations' squared condition number never enters.
 */
import { tQuantile, tTwoSidedP } from './t-distribution.ts';

/** A fitted linear model. */
export interface LinearFit {
  /** Estimates in X's column order. */
  coefficients: number[];
  /** Covariance matrix of the estimates, σ̂² (XᵀX)⁻¹, as R's vcov(fit). */
  vcov: number[][];
  /** (XᵀX)⁻¹, the covariance before scaling by σ̂² (exists even for a perfect fit). */
  unscaledCovariance: number[][];
  /** Residual sum of squares. */
  rss: number;
  /** Residual variance σ̂² = RSS / (n − p), as summary(fit)$sigma². */
  residualVariance: number;
  /** Residual degrees of freedom n − p. */
  dfResidual: number;
  n: number;
}

/** A linear combination of coefficients with its t-based interval and two-sided p. */
export interface LinearContrast {
  estimate: number;
  se: number;
  df: number;
  /** Null when se is 0 (a perfect fit): no interval or test means anything then. */
  ci: [number, number] | null;
  statistic: number | null;
  p: number | null;
}

/**
 * Fits y = Xβ + ε by least squares. X is n × p row-major with full column rank (the caller
 * removes aliased columns, e.g. with designMatrix); a rank-deficient X, n ≤ p, unequal
 * lengths or a non-finite value throw RangeError.
 *
 * @example fitLinear([[1, 0], [1, 1], [1, 2]], [1, 3, 4]).coefficients // [1.1666…, 1.5]
 */
export function fitLinear(X: readonly (readonly number[])[], y: readonly number[]): LinearFit {
  const n = X.length;
  const p = n > 0 ? X[0]!.length : 0;
  if (y.length !== n) throw new RangeError('fitLinear: X and y differ in length');
  if (n <= p) throw new RangeError(`fitLinear: ${n} observations cannot estimate ${p} coefficients with residual variance`);
  // Column-major copy: Householder reflections work down columns.
  const a: Float64Array[] = Array.from({ length: p }, () => new Float64Array(n));
  const qty = new Float64Array(n);
  const originalNorm = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    if (row.length !== p) throw new RangeError('fitLinear: rows of X differ in length');
    for (let j = 0; j < p; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) throw new RangeError('fitLinear: X has a non-finite value');
      a[j]![i] = v;
      originalNorm[j] = originalNorm[j]! + v * v;
    }
    if (!Number.isFinite(y[i]!)) throw new RangeError('fitLinear: y has a non-finite value');
    qty[i] = y[i]!;
  }

  const r: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let k = 0; k < p; k++) {
    const v = a[k]!;
    let norm = 0;
    for (let i = k; i < n; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    // R's lm tolerance (qr tol 1e-7) relative to the column's own length.
    if (!(norm > 1e-7 * Math.sqrt(originalNorm[k]!))) throw new RangeError(`fitLinear: column ${k + 1} of X is (nearly) a combination of earlier columns`);
    const alpha = v[k]! > 0 ? -norm : norm;
    v[k] = v[k]! - alpha;
    let vnorm2 = 0;
    for (let i = k; i < n; i++) vnorm2 += v[i]! * v[i]!;
    const reflect = (w: Float64Array) => {
      let s = 0;
      for (let i = k; i < n; i++) s += v[i]! * w[i]!;
      const f = (2 * s) / vnorm2;
      for (let i = k; i < n; i++) w[i] = w[i]! - f * v[i]!;
    };
    for (let j = k + 1; j < p; j++) reflect(a[j]!);
    reflect(qty);
    r[k]![k] = alpha;
    for (let j = k + 1; j < p; j++) r[k]![j] = a[j]![k]!;
  }

  const coefficients = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i]!;
    for (let j = i + 1; j < p; j++) s -= r[i]![j]! * coefficients[j]!;
    coefficients[i] = s / r[i]![i]!;
  }
  let rss = 0;
  for (let i = p; i < n; i++) rss += qty[i]! * qty[i]!;
  const dfResidual = n - p;
  const residualVariance = rss / dfResidual;

  // (XᵀX)⁻¹ = R⁻¹ R⁻ᵀ, with R⁻¹ upper triangular by back substitution.
  const rinv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    rinv[j]![j] = 1 / r[j]![j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += r[i]![m]! * rinv[m]![j]!;
      rinv[i]![j] = -s / r[i]![i]!;
    }
  }
  const unscaledCovariance: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < p; m++) s += rinv[i]![m]! * rinv[j]![m]!;
      unscaledCovariance[i]![j] = s;
      unscaledCovariance[j]![i] = s;
    }
  }
  const vcov = unscaledCovariance.map((row) => row.map((v) => v * residualVariance));
  return { coefficients, vcov, unscaledCovariance, rss, residualVariance, dfResidual, n };
}

/**
 * Lβ̂ with SE √(L V Lᵀ), the t interval at `level` on the residual df and the two-sided
 * t-test p, as R's `summary(lm)` for a single coefficient and `confint`.
 */
export function linearContrast(fit: LinearFit, L: readonly number[], level: number): LinearContrast {
  const p = fit.coefficients.length;
  if (L.length !== p) throw new RangeError('linearContrast: L has the wrong length');
  let estimate = 0;
  let variance = 0;
  for (let i = 0; i < p; i++) {
    estimate += L[i]! * fit.coefficients[i]!;
    for (let j = 0; j < p; j++) variance += L[i]! * fit.vcov[i]![j]! * L[j]!;
  }
  const se = Math.sqrt(Math.max(0, variance));
  return tInference(estimate, se, fit.dfResidual, level);
}

/** Interval estimate ± t(df, (1 + level)/2) · se and two-sided p for a t statistic; nulls when se is 0. */
export function tInference(estimate: number, se: number, df: number, level: number): LinearContrast {
  if (!(se > 0) || !(df > 0)) return { estimate, se, df, ci: null, statistic: null, p: null };
  const q = tQuantile((1 + level) / 2, df);
  const statistic = estimate / se;
  const p = tTwoSidedP(statistic, df);
  return { estimate, se, df, ci: [estimate - q * se, estimate + q * se], statistic, p };
}
