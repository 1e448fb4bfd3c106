/**
 * Imputation by Bayesian linear regression, as R's `mice.impute.norm` and
 * `mice:::.norm.draw` (mice 3.15): Rubin (1987), Multiple Imputation for Nonresponse in
 * Surveys, p. 167; van Buuren (2018), Flexible Imputation of Missing Data, 2nd ed.,
 * Algorithm 3.1. One call draws the regression parameters from their posterior under the
 * standard noninformative prior and then the missing values from the predictive
 * distribution, so that m calls with independent streams give m proper imputations.
 *
 * Least squares follows mice's default (`ls.meth = "qr"` in `mice:::estimice`): β̂ by QR,
 * V = (XᵀX)⁻¹, and mice's ridge, V = (XᵀX + 1e-5·diag(XᵀX))⁻¹, only when XᵀX cannot be
 * inverted. One deliberate difference: in that (near-)singular case mice keeps the QR β̂
 * with aliased coefficients set to 0 and a V in QR-pivoted column order; here β̂ and the
 * residuals come from the same ridge system as V, which is mice's `ls.meth = "ridge"`.
 * Inside mice() the case rarely arises, since its sampler first removes collinear
 * predictors; callers here should do the same (e.g. with designMatrix).
 */
import { chiSquareDraw } from '../random/chi-square-draw.ts';
import type { Rng } from '../random/rng.ts';
import { choleskyFactor, choleskyFactorFlat, choleskyFactorRows, choleskyInverse, choleskyInverseFlat, type CholeskyFactor } from './cholesky-factor.ts';
import type { ShiftedSums } from './cross-products.ts';
import { fitLinear, MIN_CROSS_PRODUCT_RESIDUAL_SHARE, type LinearFit } from './linear-model.ts';

/** mice's ridge constant (`estimice(…, ridge = 1e-05)`), relative to XᵀX's diagonal. */
export const NORM_RIDGE = 1e-5;

/** The least-squares summary that the posterior draw starts from (mice's `estimice` value). */
export interface NormModelFit {
  /** β̂ in X's column order (ridge estimate when `ridge`). */
  coef: number[];
  /** Residual sum of squares Σ (y − Xβ̂)², in y's units squared. */
  sse: number;
  /** Degrees of freedom of the σ² posterior, n_obs − p. */
  df: number;
  /** Lower-triangular L with L Lᵀ = V, V = (XᵀX)⁻¹, or (XᵀX + ridge)⁻¹ when `ridge` (R's t(chol(v))). */
  covarianceFactor: CholeskyFactor;
  /** True when XᵀX was (numerically) singular and mice's ridge was applied. */
  ridge: boolean;
}

/** One draw of the regression parameters (mice's `.norm.draw` value). */
export interface NormParameterDraw {
  /** β̂, the least-squares estimate the draw is centred on. */
  coef: number[];
  /** β̇ = β̂ + σ̇ L z, the drawn coefficients. */
  beta: number[];
  /** σ̇ = √(SSE / g), g ~ χ²(n_obs − p): the drawn residual standard deviation, in y's units. */
  sigma: number;
  /** True when mice's ridge was applied (see NormModelFit). */
  ridge: boolean;
}

/**
 * Least squares for the Bayesian regression draw, as `mice:::estimice` with its default
 * `ls.meth = "qr"`: β̂ by Householder QR of X (as R's lm.fit), SSE from the QR, and
 * V = (XᵀX)⁻¹ = R⁻¹R⁻ᵀ. When a column of X is (nearly) a combination of earlier ones (lm's
 * QR tolerance 1e-7) or XᵀX's reciprocal 1-norm condition number is below machine epsilon
 * (where R's solve() fails), uses mice's ridge: V = (XᵀX + 1e-5·diag(XᵀX))⁻¹, β̂ = V Xᵀy.
 *
 * @param xObserved n_obs × p design rows for the observed cases (include a column of 1s
 *   for an intercept).
 * @param yObserved The n_obs observed outcomes.
 * @throws RangeError when n_obs ≤ p, p = 0, rows or lengths differ, a value is not
 *   finite, or a column of X is all zero (no ridge can help then).
 */
export function fitNormModel(xObserved: readonly (readonly number[])[], yObserved: readonly number[]): NormModelFit {
  const n = xObserved.length;
  const p = n > 0 ? xObserved[0]!.length : 0;
  checkDesign('xObserved', xObserved, p);
  if (yObserved.length !== n) throw new RangeError(`fitNormModel: ${n} rows of xObserved but ${yObserved.length} observed outcomes`);
  yObserved.forEach((y, i) => {
    if (!Number.isFinite(y)) throw new RangeError(`fitNormModel: observed outcome ${i + 1} is ${y}`);
  });
  if (p === 0) throw new RangeError(n === 0 ? 'fitNormModel: there are no observed cases' : 'fitNormModel: X has no columns');
  if (n <= p) throw new RangeError(`fitNormModel: ${n} observed cases cannot estimate ${p} coefficients and a residual variance (need more than ${p})`);
  const df = n - p;

  const xtx: number[][] = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => {
    let s = 0;
    for (const row of xObserved) s += row[i]! * row[j]!;
    return s;
  }));

  const qr = leastSquaresOrNull(xObserved, yObserved);
  if (qr) {
    const v = qr.unscaledCovariance;
    // R's solve() refuses a matrix whose reciprocal condition number is below machine
    // epsilon; mice then switches to the ridge.
    if (norm1(xtx) * norm1(v) < 1 / Number.EPSILON) {
      const covarianceFactor = choleskyFactor(v, 0);
      if (covarianceFactor) return { coef: qr.coefficients, sse: qr.rss, df, covarianceFactor, ridge: false };
    }
  }

  const penalized = xtx.map((row, i) => row.map((value, j) => (i === j ? value + NORM_RIDGE * value : value)));
  const factor = choleskyFactor(penalized, 0);
  if (!factor) {
    const zero = xtx.findIndex((row, i) => !(row[i]! > 0));
    throw new RangeError(zero >= 0 ? `fitNormModel: column ${zero + 1} of X is all zero` : 'fitNormModel: XᵀX is singular even with the ridge');
  }
  const v = choleskyInverse(factor);
  const xty = Array.from({ length: p }, (_, j) => xObserved.reduce((s, row, i) => s + row[j]! * yObserved[i]!, 0));
  const coef = v.map((row) => row.reduce((s, vij, j) => s + vij * xty[j]!, 0));
  let sse = 0;
  xObserved.forEach((row, i) => {
    sse += (yObserved[i]! - dot(row, coef)) ** 2;
  });
  const covarianceFactor = choleskyFactor(v, 0);
  if (!covarianceFactor) throw new RangeError('fitNormModel: XᵀX is singular even with the ridge');
  return { coef, sse, df, covarianceFactor, ridge: true };
}

/**
 * Scratch arrays for normFitFromSums, for models of up to `maxP` coefficients: chained
 * equations refit the same small model thousands of times, and reuse them.
 */
export interface NormScratch {
  maxP: number;
  /** After a successful normFitFromSums: β̂ (intercept first) and the lower-triangular factor L of V (p × p, row-major). */
  coef: Float64Array;
  factor: Float64Array;
  /** Working space. */
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  v: Float64Array;
  means: Float64Array;
  scale: Float64Array;
  xy: Float64Array;
}

/** Scratch for models of up to maxP coefficients. */
export function normScratch(maxP: number): NormScratch {
  const sq = () => new Float64Array(maxP * maxP);
  const vec = () => new Float64Array(maxP);
  return { maxP, coef: vec(), factor: sq(), a: sq(), b: sq(), c: sq(), v: sq(), means: vec(), scale: vec(), xy: vec() };
}

/**
 * fitNormModel from running sums of the columns instead of the rows (for chained equations,
 * which refit the same rows many times): the same β̂, SSE, df and V = (XᵀX)⁻¹ in X's own
 * parameterisation (intercept first, then `columns`), up to rounding, with V's factor from
 * the same Cholesky. The normal equations are solved on the centred cross-products scaled to
 * unit diagonal. Writes β̂ and L into `scratch` and returns SSE and df, or null wherever
 * fitNormModel's answer could differ in kind or in digits, and the caller then fits the rows
 * with fitNormModel: when the scaled normal equations are not positive definite or their
 * 1-norm condition number exceeds `maxCondition`, when the fit leaves less than
 * MIN_CROSS_PRODUCT_RESIDUAL_SHARE of y's variation, and whenever fitNormModel would switch
 * to mice's ridge (R's solve() condition test fails, or V cannot be factored).
 *
 * @param s Sums over the observed rows holding the predictors and the response.
 * @param columns The predictors' column numbers in s, in model order (the intercept is implicit and first).
 * @param response The response's column number in s.
 * @throws RangeError when n_obs ≤ p, or p exceeds the scratch.
 */
export function normFitFromSums(s: ShiftedSums, columns: readonly number[], response: number, maxCondition: number, scratch: NormScratch): { sse: number; df: number } | null {
  const q = columns.length;
  const p = q + 1;
  const n = s.n;
  const k = s.k;
  if (p > scratch.maxP) throw new RangeError(`normFitFromSums: ${p} coefficients, scratch for ${scratch.maxP}`);
  if (n <= p) throw new RangeError(`fitNormModel: ${n} observed cases cannot estimate ${p} coefficients and a residual variance (need more than ${p})`);
  const { a: scaled, b: inv, c: work, v, means, scale, xy, coef, factor } = scratch;
  const { cross, sum } = s;
  // The centred cross-products of the predictors (lower triangle into v for now) and with y.
  for (let a = 0; a < q; a++) {
    const ca = columns[a]!;
    means[a] = s.shift[ca]! + sum[ca]! / n;
    for (let b = 0; b <= a; b++) {
      const cb = columns[b]!;
      v[a * q + b] = (ca >= cb ? cross[ca * k + cb]! : cross[cb * k + ca]!) - (sum[ca]! * sum[cb]!) / n;
    }
    xy[a] = (response >= ca ? cross[response * k + ca]! : cross[ca * k + response]!) - (sum[ca]! * sum[response]!) / n;
    const d = v[a * q + a]!;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    scale[a] = Math.sqrt(d);
  }
  const yy = cross[response * k + response]! - (sum[response]! * sum[response]!) / n;
  for (let a = 0; a < q; a++) {
    for (let b = 0; b <= a; b++) scaled[a * q + b] = v[a * q + b]! / (scale[a]! * scale[b]!);
  }
  if (!choleskyFactorFlat(scaled, q, work, 1e-12)) return null;
  choleskyInverseFlat(work, q, inv, v);
  for (let a = 0; a < q; a++) for (let b = a + 1; b < q; b++) scaled[a * q + b] = scaled[b * q + a]!;
  if (!(flatNorm1(scaled, q) * flatNorm1(inv, q) <= maxCondition)) return null;
  // C⁻¹ (unscaled) into inv; slopes, SSE and the intercept.
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) inv[a * q + b] = inv[a * q + b]! / (scale[a]! * scale[b]!);
  let explained = 0;
  let intercept = s.shift[response]! + s.sum[response]! / n;
  for (let a = 0; a < q; a++) {
    let t = 0;
    for (let b = 0; b < q; b++) t += inv[a * q + b]! * xy[b]!;
    coef[a + 1] = t;
    explained += t * xy[a]!;
    intercept -= t * means[a]!;
  }
  coef[0] = intercept;
  const sse = yy - explained;
  if (!(sse > MIN_CROSS_PRODUCT_RESIDUAL_SHARE * yy)) return null;
  // V = (XᵀX)⁻¹ of [1, X]: [[1/n + mᵀC⁻¹m, −(C⁻¹m)ᵀ], [−C⁻¹m, C⁻¹]], and XᵀX beside it for R's solve() test.
  let corner = 1 / n;
  for (let a = 0; a < q; a++) {
    let t = 0;
    for (let b = 0; b < q; b++) t += inv[a * q + b]! * means[b]!;
    corner += means[a]! * t;
    v[(a + 1) * p] = -t;
    v[a + 1] = -t;
    for (let b = 0; b < q; b++) v[(a + 1) * p + b + 1] = inv[a * q + b]!;
  }
  v[0] = corner;
  // (the centred cross-products again, from `scaled`, whose lower triangle still holds them scaled)
  work[0] = n;
  for (let a = 0; a < q; a++) {
    work[a + 1] = n * means[a]!;
    work[(a + 1) * p] = n * means[a]!;
    for (let b = 0; b < q; b++) {
      const c = (a >= b ? scaled[a * q + b]! : scaled[b * q + a]!) * scale[a]! * scale[b]!;
      work[(a + 1) * p + b + 1] = c + n * means[a]! * means[b]!;
    }
  }
  if (!(flatNorm1(work, p) * flatNorm1(v, p) < 1 / Number.EPSILON)) return null;
  if (!choleskyFactorFlat(v, p, factor, 0)) return null;
  return { sse, df: n - p };
}

/**
 * normFitFromSums as a NormModelFit (allocating; see normFitFromSums for when it is null).
 */
export function normModelFromSums(s: ShiftedSums, columns: readonly number[], response: number, maxCondition: number): NormModelFit | null {
  const p = columns.length + 1;
  const scratch = normScratch(p);
  const fit = normFitFromSums(s, columns, response, maxCondition, scratch);
  if (fit === null) return null;
  return { coef: Array.from(scratch.coef.subarray(0, p)), sse: fit.sse, df: fit.df, covarianceFactor: choleskyFactorRows(scratch.factor, p), ridge: false };
}

/**
 * The draw of normParametersFromVariates from a normFitFromSums fit in `scratch` (p
 * coefficients): σ̇ = √(SSE / chiSquare) and β̇ = β̂ + σ̇ L z into `beta`. Returns σ̇.
 */
export function normDrawFromScratch(scratch: NormScratch, p: number, sse: number, chiSquare: number, z: Float64Array, beta: Float64Array): number {
  if (!(chiSquare > 0) || !Number.isFinite(chiSquare)) throw new RangeError(`normDrawFromScratch: the chi-square variate must be finite and > 0, got ${chiSquare}`);
  const sigma = Math.sqrt(sse / chiSquare);
  for (let i = 0; i < p; i++) {
    let t = 0;
    for (let m = 0; m <= i; m++) t += scratch.factor[i * p + m]! * z[m]!;
    beta[i] = scratch.coef[i]! + sigma * t;
  }
  return sigma;
}

function flatNorm1(a: Float64Array, p: number): number {
  let best = 0;
  for (let j = 0; j < p; j++) {
    let t = 0;
    for (let i = 0; i < p; i++) t += Math.abs(a[i * p + j]!);
    best = Math.max(best, t);
  }
  return best;
}

/**
 * The parameter draw of `mice:::.norm.draw` from given variates: σ̇ = √(SSE / chiSquare),
 * β̇ = β̂ + σ̇ L z. Exposed so the arithmetic can be checked against mice with R's own
 * rchisq/rnorm values; drawNormParameters supplies the variates from a seeded Rng.
 *
 * @param chiSquare A χ²(fit.df) variate, > 0.
 * @param z p standard normal variates.
 */
export function normParametersFromVariates(fit: NormModelFit, chiSquare: number, z: readonly number[]): NormParameterDraw {
  const p = fit.coef.length;
  if (z.length !== p) throw new RangeError(`normParametersFromVariates: ${z.length} normal variates for ${p} coefficients`);
  if (!(chiSquare > 0) || !Number.isFinite(chiSquare)) throw new RangeError(`normParametersFromVariates: the chi-square variate must be finite and > 0, got ${chiSquare}`);
  const sigma = Math.sqrt(fit.sse / chiSquare);
  const l = fit.covarianceFactor;
  const beta = fit.coef.map((c, i) => {
    let s = 0;
    for (let k = 0; k <= i; k++) s += l[i]![k]! * z[k]!;
    return c + sigma * s;
  });
  return { coef: fit.coef.slice(), beta, sigma, ridge: fit.ridge };
}

/**
 * One posterior draw (σ̇, β̇) of the normal linear regression of y on X under the prior
 * p(β, σ²) ∝ 1/σ², as `mice:::.norm.draw`: σ̇² = SSE / g with g ~ χ²(n_obs − p), then
 * β̇ ~ N(β̂, σ̇² V). Draws g first, then p normals, in mice's order.
 *
 * @throws RangeError as fitNormModel.
 */
export function drawNormParameters(xObserved: readonly (readonly number[])[], yObserved: readonly number[], rng: Rng): NormParameterDraw {
  return drawFromFit(fitNormModel(xObserved, yObserved), rng);
}

function drawFromFit(fit: NormModelFit, rng: Rng): NormParameterDraw {
  const g = chiSquareDraw(rng, fit.df);
  const z = fit.coef.map(() => rng.normal());
  return normParametersFromVariates(fit, g, z);
}

/**
 * Imputations from a parameter draw and given standard normal variates z (one per
 * missing row): xᵢβ̇ + σ̇ zᵢ, the last line of `mice.impute.norm`.
 */
export function normImputationsFromDraw(draw: NormParameterDraw, xMissing: readonly (readonly number[])[], z: readonly number[]): number[] {
  checkDesign('xMissing', xMissing, draw.beta.length);
  if (z.length !== xMissing.length) throw new RangeError(`normImputationsFromDraw: ${z.length} normal variates for ${xMissing.length} missing rows`);
  return xMissing.map((row, i) => dot(row, draw.beta) + draw.sigma * z[i]!);
}

/**
 * One set of imputations for the missing outcomes by Bayesian linear regression, as R's
 * `mice.impute.norm` (but X is taken as given: include a column of 1s for an intercept,
 * where mice.impute.norm adds one itself). Draws σ̇ and β̇ as drawNormParameters, then
 * returns xMissing β̇ + σ̇ z with z standard normal, one value per row of xMissing, in y's
 * units. The random stream is consumed as mice consumes R's: one chi-square, p normals for
 * β̇, one normal per missing row. Call with independent streams (e.g. subSeed) for the m
 * imputations.
 *
 * @param xObserved n_obs × p design rows of the cases with y observed.
 * @param yObserved Their outcomes.
 * @param xMissing Design rows (p columns) of the cases whose y is to be imputed; may be empty.
 * @throws RangeError when n_obs ≤ p, row lengths or counts differ, a value is not finite,
 *   or a column of X is all zero.
 */
export function drawNormImputation(
  xObserved: readonly (readonly number[])[], yObserved: readonly number[],
  xMissing: readonly (readonly number[])[], rng: Rng,
): number[] {
  const fit = fitNormModel(xObserved, yObserved);
  // Checked before any draw so that bad input cannot leave the stream half-consumed.
  checkDesign('xMissing', xMissing, fit.coef.length);
  const draw = drawFromFit(fit, rng);
  const z = xMissing.map(() => rng.normal());
  return normImputationsFromDraw(draw, xMissing, z);
}

function checkDesign(name: string, x: readonly (readonly number[])[], p: number): void {
  x.forEach((row, i) => {
    if (row.length !== p) throw new RangeError(`${name}: row ${i + 1} has ${row.length} columns, expected ${p}`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`${name}: row ${i + 1}, column ${j + 1} is ${v}`);
    });
  });
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Maximum absolute column sum, the 1-norm that R's solve() uses for its condition test. */
function norm1(a: readonly (readonly number[])[]): number {
  let best = 0;
  for (let j = 0; j < a.length; j++) {
    let s = 0;
    for (const row of a) s += Math.abs(row[j]!);
    best = Math.max(best, s);
  }
  return best;
}

/** The least-squares fit as lm.fit gives it, or null when lm would drop a column as aliased. */
function leastSquaresOrNull(x: readonly (readonly number[])[], y: readonly number[]): LinearFit | null {
  try {
    return fitLinear(x, y);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
