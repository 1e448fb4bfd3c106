/**
 * Ordinary least squares as R's `lm`: coefficients, their covariance, and t-based
 * inference for a contrast. Solved by Householder QR of X (Golub & Van Loan, Matrix
 * Computations, 4th ed., Algorithm 5.2.1), like R's LINPACK dqrdc2, so the normal
 * equations' squared condition number never enters; or, where the rows are many and the
 * fit is repeated, from centred cross-products when their conditioning shows that the
 * normal equations keep the same digits (fitLinearCrossProducts), with QR as the fallback.
 */
import { choleskyFactorFlat, choleskyInverseFlat } from './cholesky-factor.ts';
import type { CrossProducts } from './cross-products.ts';
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
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    if (row.length !== p) throw new RangeError('fitLinear: rows of X differ in length');
    for (let j = 0; j < p; j++) a[j * n + i] = row[j]!;
  }
  return fitLinearColumns(a, n, p, Float64Array.from(y));
}

/**
 * fitLinear on flat storage: X column-major in `x` (entry (i, j) at j·n + i), n × p, y of
 * length n. Neither array is changed. Same algorithm, errors and result as fitLinear.
 */
export function fitLinearColumns(x: Float64Array, n: number, p: number, y: Float64Array): LinearFit {
  if (x.length !== n * p) throw new RangeError('fitLinear: X has the wrong size');
  if (y.length !== n) throw new RangeError('fitLinear: X and y differ in length');
  if (n <= p) throw new RangeError(`fitLinear: ${n} observations cannot estimate ${p} coefficients with residual variance`);
  // Householder reflections work down columns: a column-major working copy.
  const a = x.slice();
  const qty = y.slice();
  const originalNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = j * n, end = i + n; i < end; i++) {
      const v = a[i]!;
      if (!Number.isFinite(v)) throw new RangeError('fitLinear: X has a non-finite value');
      s += v * v;
    }
    originalNorm[j] = s;
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(qty[i]!)) throw new RangeError('fitLinear: y has a non-finite value');

  const r: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const reflect = (v: number, k: number, w: Float64Array, wOffset: number, vnorm2: number) => {
    let s = 0;
    for (let i = k; i < n; i++) s += a[v + i]! * w[wOffset + i]!;
    const f = (2 * s) / vnorm2;
    for (let i = k; i < n; i++) w[wOffset + i] = w[wOffset + i]! - f * a[v + i]!;
  };
  for (let k = 0; k < p; k++) {
    const v = k * n;
    let norm = 0;
    for (let i = k; i < n; i++) norm += a[v + i]! * a[v + i]!;
    norm = Math.sqrt(norm);
    // R's lm tolerance (qr tol 1e-7) relative to the column's own length.
    if (!(norm > 1e-7 * Math.sqrt(originalNorm[k]!))) throw new RangeError(`fitLinear: column ${k + 1} of X is (nearly) a combination of earlier columns`);
    const alpha = a[v + k]! > 0 ? -norm : norm;
    a[v + k] = a[v + k]! - alpha;
    let vnorm2 = 0;
    for (let i = k; i < n; i++) vnorm2 += a[v + i]! * a[v + i]!;
    for (let j = k + 1; j < p; j++) reflect(v, k, a, j * n, vnorm2);
    reflect(v, k, qty, 0, vnorm2);
    r[k]![k] = alpha;
    for (let j = k + 1; j < p; j++) r[k]![j] = a[j * n + k]!;
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
 * Above this 1-norm condition number of the centred cross-products scaled to unit diagonal,
 * fitLinearCrossProducts declines: the normal equations lose about log10(κ) digits, and past
 * 1e5 that could reach the 10th, where results are checked against R's QR.
 */
export const MAX_CROSS_PRODUCT_CONDITION = 1e5;

/**
 * Below this share of the centred total sum of squares left as residual, fitLinearCrossProducts
 * declines: RSS = Σ(y − ȳ)² − β̂ᵀXᵀy would cancel more than 3 digits.
 */
export const MIN_CROSS_PRODUCT_RESIDUAL_SHARE = 1e-3;

/**
 * Least squares y ~ 1 + X from centred cross-products (the normal equations, scaled to unit
 * diagonal and solved by Cholesky), when that is as accurate as the QR of fitLinear to about
 * 10 digits; otherwise null, and the caller fits the rows by fitLinearColumns. It declines
 * when the scaled cross-product matrix is not positive definite or its condition number
 * exceeds MAX_CROSS_PRODUCT_CONDITION, or when the fit leaves less than
 * MIN_CROSS_PRODUCT_RESIDUAL_SHARE of y's variation unexplained (a constant y included).
 *
 * @param cp Cross-products holding the predictors and the response (crossProducts).
 * @param columns The predictors, by column number in cp, in model order (the intercept is implicit and first).
 * @param response The response's column number in cp.
 * @returns The fit in the order [intercept, …columns], as fitLinear would give it.
 * @throws RangeError when n ≤ p (no residual df).
 */
export function fitLinearCrossProducts(cp: CrossProducts, columns: readonly number[], response: number): LinearFit | null {
  const q = columns.length;
  const p = q + 1;
  const n = cp.n;
  if (n <= p) throw new RangeError(`fitLinear: ${n} observations cannot estimate ${p} coefficients with residual variance`);
  const inverse = scaledInverse(cp, columns);
  if (inverse === null) return null;
  const { cinv } = inverse;
  const k = cp.k;
  const xy = columns.map((j) => cp.centred[j * k + response]!);
  const yy = cp.centred[response * k + response]!;
  const slopes = new Array<number>(q).fill(0);
  for (let a = 0; a < q; a++) {
    let s = 0;
    for (let b = 0; b < q; b++) s += cinv[a * q + b]! * xy[b]!;
    slopes[a] = s;
  }
  let explained = 0;
  for (let a = 0; a < q; a++) explained += slopes[a]! * xy[a]!;
  const rss = yy - explained;
  if (!(rss > MIN_CROSS_PRODUCT_RESIDUAL_SHARE * yy)) return null;
  const means = columns.map((j) => cp.mean[j]!);
  let intercept = cp.mean[response]!;
  for (let a = 0; a < q; a++) intercept -= slopes[a]! * means[a]!;
  const unscaledCovariance = uncentredInverse(cinv, means, n);
  const dfResidual = n - p;
  const residualVariance = rss / dfResidual;
  return {
    coefficients: [intercept, ...slopes],
    vcov: unscaledCovariance.map((row) => row.map((v) => v * residualVariance)),
    unscaledCovariance,
    rss,
    residualVariance,
    dfResidual,
    n,
  };
}

/**
 * The inverse of the centred cross-products of `columns` (q × q row-major), computed after
 * scaling to unit diagonal; null when that matrix is not positive definite or its 1-norm
 * condition number exceeds `maxCondition`.
 */
function scaledInverse(cp: CrossProducts, columns: readonly number[], maxCondition = MAX_CROSS_PRODUCT_CONDITION): { cinv: Float64Array; condition: number } | null {
  const q = columns.length;
  const k = cp.k;
  const scale = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    const d = cp.centred[columns[a]! * k + columns[a]!]!;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    scale[a] = Math.sqrt(d);
  }
  const s = new Float64Array(q * q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) s[a * q + b] = cp.centred[columns[a]! * k + columns[b]!]! / (scale[a]! * scale[b]!);
  }
  const l = new Float64Array(q * q);
  if (!choleskyFactorFlat(s, q, l, 1e-12)) return null;
  const inv = new Float64Array(q * q);
  choleskyInverseFlat(l, q, inv, new Float64Array(q * q));
  const condition = norm1(s, q) * norm1(inv, q);
  if (!(condition <= maxCondition)) return null;
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) inv[a * q + b] = inv[a * q + b]! / (scale[a]! * scale[b]!);
  return { cinv: inv, condition };
}

/**
 * (XᵀX)⁻¹ of [1, X] from C⁻¹ (C the centred cross-products of X, q × q) and X's column
 * means m: [[1/n + mᵀC⁻¹m, −(C⁻¹m)ᵀ], [−C⁻¹m, C⁻¹]].
 */
function uncentredInverse(cinv: Float64Array, means: readonly number[], n: number): number[][] {
  const q = means.length;
  const p = q + 1;
  const out: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const cm = new Array<number>(q).fill(0);
  for (let a = 0; a < q; a++) {
    let s = 0;
    for (let b = 0; b < q; b++) s += cinv[a * q + b]! * means[b]!;
    cm[a] = s;
  }
  let corner = 1 / n;
  for (let a = 0; a < q; a++) corner += means[a]! * cm[a]!;
  out[0]![0] = corner;
  for (let a = 0; a < q; a++) {
    out[0]![a + 1] = -cm[a]!;
    out[a + 1]![0] = -cm[a]!;
    for (let b = 0; b < q; b++) out[a + 1]![b + 1] = cinv[a * q + b]!;
  }
  return out;
}

function norm1(a: Float64Array, q: number): number {
  let best = 0;
  for (let j = 0; j < q; j++) {
    let s = 0;
    for (let i = 0; i < q; i++) s += Math.abs(a[i * q + j]!);
    best = Math.max(best, s);
  }
  return best;
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
