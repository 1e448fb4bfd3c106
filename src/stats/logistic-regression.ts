/**
 * Maximum likelihood logistic regression for a binary outcome, fitted as R's
 * `glm(y ~ …, family = binomial)` fits it (iteratively reweighted least squares, i.e.
 * Fisher scoring; McCullagh & Nelder 1989, Generalized Linear Models, 2nd ed., §2.5 and
 * §4.4), with a check for separation, Wald intervals and likelihood-ratio tests.
 */
import jStat from 'jstat';
import { choleskyFactorFlat, choleskyFactorRows, choleskyInverse, choleskySolveFlat } from './cholesky-factor.ts';
import { chiSquareUpperTail } from './chi-square-tail.ts';
import { findAliasedColumns } from './design-matrix.ts';

/** A model matrix: one row per participant, one column per coefficient. */
export type Matrix = readonly (readonly number[])[];

/** Iteration control, as R's glm.control. */
export interface LogisticOptions {
  /** Largest number of IRLS iterations (default 25, R's glm.control maxit). */
  readonly maxIterations?: number;
  /** Convergence when |dev − dev_old| / (|dev| + 0.1) < epsilon (default 1e-8, R's glm.control epsilon). */
  readonly epsilon?: number;
  /** Coefficient names, carried into the result (for example DesignMatrix.columnNames). */
  readonly names?: readonly string[];
  /** Whether X holds an intercept (default: some column is all ones); decides the null deviance as in R. */
  readonly intercept?: boolean;
}

/** Why a fit is judged separated (see fitLogistic). */
export type SeparationSign = 'fitted_0_or_1' | 'diverging' | 'singular_information';

/** A maximum likelihood logistic regression fit. Coefficients are log odds (ratios). */
export interface LogisticFit {
  readonly method: 'ml';
  readonly names: string[] | null;
  /** β, on the log-odds scale, one per column of X. */
  readonly coefficients: number[];
  /** Standard errors of β from the inverse Fisher information (R's summary.glm). */
  readonly se: number[];
  /** The inverse Fisher information (R's vcov), k × k. */
  readonly covariance: number[][];
  /** Residual deviance −2 log L (binary data: the saturated log-likelihood is 0). */
  readonly deviance: number;
  /** Deviance of the intercept-only model (R's null.deviance; with no intercept, of p = 1/2). */
  readonly nullDeviance: number;
  /** Maximized log-likelihood, −deviance/2. */
  readonly logLik: number;
  /** Fitted probabilities. */
  readonly fitted: number[];
  /** Linear predictors Xβ (log odds). */
  readonly linearPredictor: number[];
  readonly iterations: number;
  /** The deviance criterion was met within maxIterations. */
  readonly converged: boolean;
  /** True when the maximum likelihood estimate does not exist (complete or quasi-complete separation); see fitLogistic. */
  readonly separation: boolean;
  /** The first sign of separation seen, or null. */
  readonly separationSign: SeparationSign | null;
  /** Number of observations. */
  readonly nobs: number;
  /** Residual degrees of freedom n − k. */
  readonly dfResidual: number;
}

const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DBL_EPSILON;

/** Inverse logit as R's binomial()$linkinv (C logit_linkinv): η beyond ±30 is clamped so μ stays inside (0, 1). */
export function expit(eta: number): number {
  const t = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
  return t / (1 + t);
}

/**
 * A model matrix by rows, keeping only the nonzero entries: row i's entries are
 * val[start[i] … start[i + 1] − 1] in the columns col[…], columns ascending. For repeated
 * fits (the bootstrap refits one matrix's rows thousands of times): a row of dummy
 * variables has few nonzero entries. A product of a zero entry and a finite number is ±0,
 * and adding ±0 leaves a sum unchanged (up to the sign of a zero sum), so every sum over
 * the stored entries, taken in column order, equals the dense sum bit for bit.
 * @internal
 */
export interface SparseRows {
  readonly n: number;
  readonly k: number;
  readonly start: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** SparseRows of a dense matrix given by its rows; `columns` (default all) selects and orders the columns kept. @internal */
export function sparseRows(x: Matrix, k: number, columns?: readonly number[]): SparseRows {
  const cols = columns ?? Array.from({ length: k }, (_, j) => j);
  const n = x.length;
  const start = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    for (const j of cols) if (row[j] !== 0) nnz++;
    start[i + 1] = nnz;
  }
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    for (let c = 0; c < cols.length; c++) {
      const v = row[cols[c]!]!;
      if (v !== 0) {
        col[p] = c;
        val[p++] = v;
      }
    }
  }
  return { n, k: cols.length, start, col, val };
}

/**
 * The distinct entries of rows[0 … count − 1], in order of first appearance, into `out`;
 * returns how many. `seen` (one entry per row of the matrix, all 0) is left all 0. @internal
 */
export function distinctRows(rows: Int32Array, count: number, seen: Uint8Array, out: Int32Array): number {
  let d = 0;
  for (let m = 0; m < count; m++) {
    const i = rows[m]!;
    if (seen[i] === 0) {
      seen[i] = 1;
      out[d++] = i;
    }
  }
  for (let u = 0; u < d; u++) seen[out[u]!] = 0;
  return d;
}

/**
 * Buffers of the IRLS fit to rows of a matrix of n rows and up to k columns, reused from
 * fit to fit. The per-observation quantities are kept by row of the matrix: an observation
 * that occurs several times in a resample has one η, μ, weight and working response. @internal
 */
export class IrlsWorkspace {
  eta: Float64Array;
  ex: Float64Array;
  mu: Float64Array;
  dev: Float64Array;
  nEta: Float64Array;
  nEx: Float64Array;
  nMu: Float64Array;
  nDev: Float64Array;
  beta: Float64Array;
  nBeta: Float64Array;
  factor: Float64Array;
  nFactor: Float64Array;
  readonly w: Float64Array;
  readonly z: Float64Array;
  readonly seen: Uint8Array;
  readonly distinct: Int32Array;
  readonly xtwx: Float64Array;
  readonly xtwz: Float64Array;
  readonly work: Float64Array;
  constructor(
    readonly n: number,
    readonly k: number,
  ) {
    this.eta = new Float64Array(n);
    this.ex = new Float64Array(n);
    this.mu = new Float64Array(n);
    this.dev = new Float64Array(n);
    this.nEta = new Float64Array(n);
    this.nEx = new Float64Array(n);
    this.nMu = new Float64Array(n);
    this.nDev = new Float64Array(n);
    this.w = new Float64Array(n);
    this.z = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.distinct = new Int32Array(n);
    this.beta = new Float64Array(k);
    this.nBeta = new Float64Array(k);
    this.xtwz = new Float64Array(k);
    this.work = new Float64Array(k);
    this.factor = new Float64Array(k * k);
    this.nFactor = new Float64Array(k * k);
    this.xtwx = new Float64Array(k * k);
  }
}

/**
 * The result of irlsFit. The arrays are the workspace's, valid until its next fit: beta has
 * the fit's k entries, eta and mu one entry per row of the matrix (set for the rows fitted).
 * @internal
 */
export interface IrlsResult {
  readonly beta: Float64Array;
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  /** The Cholesky factor of XᵀWX of the last step (flat, k × k), or null when the first step was singular. */
  readonly factor: Float64Array | null;
  /** The distinct rows fitted, distinct[0 … distinctCount − 1], in order of first appearance. */
  readonly distinct: Int32Array;
  readonly distinctCount: number;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly separationSign: SeparationSign | null;
}

/** For the rows rs[0 … d − 1]: e^η, μ = expit(η) (the operations of expit, e^η computed once for μ and μ') and the deviance residual. */
function evaluatePoint(rs: Int32Array, d: number, y: Uint8Array, eta: Float64Array, ex: Float64Array, mu: Float64Array, dev: Float64Array): void {
  for (let u = 0; u < d; u++) {
    const i = rs[u]!;
    const e = eta[i]!;
    const x = Math.exp(e);
    ex[i] = x;
    const t = e < MTHRESH ? DBL_EPSILON : e > THRESH ? INVEPS : x;
    const m = t / (1 + t);
    mu[i] = m;
    // binomial deviance residual for a 0/1 outcome, as R's binomial()$dev.resids
    dev[i] = y[i] === 1 ? -2 * Math.log(m) : -2 * Math.log(1 - m);
  }
}

/**
 * η_i = x_iᵀβ for the rows rs[0 … d − 1], summed in column order from 0 as the dense
 * product (0 + t = t: the unrolled sums that start at the first term are the same). @internal
 */
export function linearPredictor(x: SparseRows, rs: Int32Array, d: number, beta: ArrayLike<number>, out: Float64Array): void {
  const { start, col, val } = x;
  for (let u = 0; u < d; u++) {
    const i = rs[u]!;
    const p0 = start[i]!;
    const p1 = start[i + 1]!;
    let s = 0;
    // unrolled for up to 8 nonzero entries: the same sum, left to right
    switch (p1 - p0) {
      case 1:
        s = val[p0]! * beta[col[p0]!]!;
        break;
      case 2:
        s = val[p0]! * beta[col[p0]!]! + val[p0 + 1]! * beta[col[p0 + 1]!]!;
        break;
      case 3:
        s = val[p0]! * beta[col[p0]!]! + val[p0 + 1]! * beta[col[p0 + 1]!]! + val[p0 + 2]! * beta[col[p0 + 2]!]!;
        break;
      case 4:
        s = val[p0]! * beta[col[p0]!]! + val[p0 + 1]! * beta[col[p0 + 1]!]! + val[p0 + 2]! * beta[col[p0 + 2]!]! + val[p0 + 3]! * beta[col[p0 + 3]!]!;
        break;
      case 5:
        s = val[p0]! * beta[col[p0]!]! + val[p0 + 1]! * beta[col[p0 + 1]!]! + val[p0 + 2]! * beta[col[p0 + 2]!]! + val[p0 + 3]! * beta[col[p0 + 3]!]! + val[p0 + 4]! * beta[col[p0 + 4]!]!;
        break;
      case 6:
        s = val[p0]! * beta[col[p0]!]! + val[p0 + 1]! * beta[col[p0 + 1]!]! + val[p0 + 2]! * beta[col[p0 + 2]!]! + val[p0 + 3]! * beta[col[p0 + 3]!]! + val[p0 + 4]! * beta[col[p0 + 4]!]! + val[p0 + 5]! * beta[col[p0 + 5]!]!;
        break;
      case 7:
        s = val[p0]! * beta[col[p0]!]! + val[p0 + 1]! * beta[col[p0 + 1]!]! + val[p0 + 2]! * beta[col[p0 + 2]!]! + val[p0 + 3]! * beta[col[p0 + 3]!]! + val[p0 + 4]! * beta[col[p0 + 4]!]! + val[p0 + 5]! * beta[col[p0 + 5]!]! + val[p0 + 6]! * beta[col[p0 + 6]!]!;
        break;
      case 8:
        s = val[p0]! * beta[col[p0]!]! + val[p0 + 1]! * beta[col[p0 + 1]!]! + val[p0 + 2]! * beta[col[p0 + 2]!]! + val[p0 + 3]! * beta[col[p0 + 3]!]! + val[p0 + 4]! * beta[col[p0 + 4]!]! + val[p0 + 5]! * beta[col[p0 + 5]!]! + val[p0 + 6]! * beta[col[p0 + 6]!]! + val[p0 + 7]! * beta[col[p0 + 7]!]!;
        break;
      default:
        for (let p = p0; p < p1; p++) s += val[p]! * beta[col[p]!]!;
    }
    out[i] = s;
  }
}

/**
 * p_i = expit(x_iᵀβ) for the rows rs[0 … d − 1], with the operations of expit and of
 * standardizedRiskDifference's meanPrediction (η summed in column order from 0). @internal
 */
export function fittedProbabilities(x: SparseRows, rs: Int32Array, d: number, beta: ArrayLike<number>, p: Float64Array): void {
  linearPredictor(x, rs, d, beta, p);
  for (let u = 0; u < d; u++) {
    const i = rs[u]!;
    const e = p[i]!;
    // expit, written out
    const t = e < MTHRESH ? DBL_EPSILON : e > THRESH ? INVEPS : Math.exp(e);
    p[i] = t / (1 + t);
  }
}

/**
 * meanPrediction of standardizedRiskDifference over the rows rows[0 … count − 1] of x (rows
 * null: row m), with the same operations in the same order: the probabilities summed in
 * observation order, each distinct row's (rs[0 … d − 1]) computed once into p. @internal
 */
export function meanProbability(x: SparseRows, rows: Int32Array | null, count: number, rs: Int32Array, d: number, beta: ArrayLike<number>, p: Float64Array): number {
  fittedProbabilities(x, rs, d, beta, p);
  let s = 0;
  for (let m = 0; m < count; m++) s += p[rows ? rows[m]! : m]!;
  return s / count;
}

/** The deviance Σ over the observations, in their order, of the rows' deviance residuals. */
function devianceOf(rows: Int32Array | null, count: number, dev: Float64Array): number {
  let s = 0;
  for (let m = 0; m < count; m++) s += dev[rows ? rows[m]! : m]!;
  return s;
}

/**
 * XᵀWX (lower triangle) and XᵀWz at the point (η, e^η, μ), as R's glm.fit: working
 * response z = η + (y − μ)/μ'(η) and weight μ'(η)²/(μ(1 − μ)) for each distinct row, then
 * the sums over the observations in order (each entry of XᵀWX summed over the observations
 * in the order the dense loop sums it, so with the same bits).
 */
function accumulate(x: SparseRows, rows: Int32Array | null, count: number, rs: Int32Array, d: number, y: Uint8Array, eta: Float64Array, ex: Float64Array, mu: Float64Array, ws: IrlsWorkspace): void {
  const { w, z } = ws;
  for (let u = 0; u < d; u++) {
    const i = rs[u]!;
    const e = eta[i]!;
    const mui = mu[i]!;
    // μ'(η) as R's C logit_mu_eta
    const opexp = 1 + ex[i]!;
    const me = e > THRESH || e < MTHRESH ? DBL_EPSILON : ex[i]! / (opexp * opexp);
    z[i] = e + (y[i]! - mui) / me;
    w[i] = (me * me) / (mui * (1 - mui));
  }
  weightedCross(x, rows, count, w, z, ws.xtwx, ws.xtwz);
}

/**
 * XᵀWX (lower triangle, flat k × k) and XᵀWz over the observations rows[0 … count − 1]
 * (rows null: row m) of x, weights w and responses z given by row: for each observation in
 * order and each nonzero x_a of its row, w·x_a is formed and (w·x_a)·z added to XᵀWz[a] and
 * (w·x_a)·x_b to XᵀWX[a, b] for b ≤ a, the operations of the dense loop
 * `for a: wa = w·x_a; xtwz[a] += wa·z; for b ≤ a: xtwx[a][b] += wa·x_b` less its terms with a
 * zero factor, which change no sum. @internal
 */
export function weightedCross(x: SparseRows, rows: Int32Array | null, count: number, w: Float64Array, z: Float64Array, xtwx: Float64Array, xtwz: Float64Array): void {
  const k = x.k;
  const { start, col, val } = x;
  xtwx.fill(0, 0, k * k);
  xtwz.fill(0, 0, k);
  for (let m = 0; m < count; m++) {
    const i = rows ? rows[m]! : m;
    const wi = w[i]!;
    const zi = z[i]!;
    const p0 = start[i]!;
    const p1 = start[i + 1]!;
    // The loop below unrolled for rows of up to 8 nonzero entries (about twice as fast): the same
    // terms, each entry of XᵀWX and XᵀWz receiving at most one per row, so the order is the same.
    let t: number;
    switch (p1 - p0) {
      case 1: {
        const a0 = col[p0]!, v0 = val[p0]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        continue;
      }
      case 2: {
        const a0 = col[p0]!, v0 = val[p0]!; const a1 = col[p0 + 1]!, v1 = val[p0 + 1]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        const w1 = wi * v1, r1 = a1 * k; xtwz[a1] = xtwz[a1]! + w1 * zi; t = r1 + a0; xtwx[t] = xtwx[t]! + w1 * v0; t = r1 + a1; xtwx[t] = xtwx[t]! + w1 * v1;
        continue;
      }
      case 3: {
        const a0 = col[p0]!, v0 = val[p0]!; const a1 = col[p0 + 1]!, v1 = val[p0 + 1]!; const a2 = col[p0 + 2]!, v2 = val[p0 + 2]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        const w1 = wi * v1, r1 = a1 * k; xtwz[a1] = xtwz[a1]! + w1 * zi; t = r1 + a0; xtwx[t] = xtwx[t]! + w1 * v0; t = r1 + a1; xtwx[t] = xtwx[t]! + w1 * v1;
        const w2 = wi * v2, r2 = a2 * k; xtwz[a2] = xtwz[a2]! + w2 * zi; t = r2 + a0; xtwx[t] = xtwx[t]! + w2 * v0; t = r2 + a1; xtwx[t] = xtwx[t]! + w2 * v1; t = r2 + a2; xtwx[t] = xtwx[t]! + w2 * v2;
        continue;
      }
      case 4: {
        const a0 = col[p0]!, v0 = val[p0]!; const a1 = col[p0 + 1]!, v1 = val[p0 + 1]!; const a2 = col[p0 + 2]!, v2 = val[p0 + 2]!; const a3 = col[p0 + 3]!, v3 = val[p0 + 3]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        const w1 = wi * v1, r1 = a1 * k; xtwz[a1] = xtwz[a1]! + w1 * zi; t = r1 + a0; xtwx[t] = xtwx[t]! + w1 * v0; t = r1 + a1; xtwx[t] = xtwx[t]! + w1 * v1;
        const w2 = wi * v2, r2 = a2 * k; xtwz[a2] = xtwz[a2]! + w2 * zi; t = r2 + a0; xtwx[t] = xtwx[t]! + w2 * v0; t = r2 + a1; xtwx[t] = xtwx[t]! + w2 * v1; t = r2 + a2; xtwx[t] = xtwx[t]! + w2 * v2;
        const w3 = wi * v3, r3 = a3 * k; xtwz[a3] = xtwz[a3]! + w3 * zi; t = r3 + a0; xtwx[t] = xtwx[t]! + w3 * v0; t = r3 + a1; xtwx[t] = xtwx[t]! + w3 * v1; t = r3 + a2; xtwx[t] = xtwx[t]! + w3 * v2; t = r3 + a3; xtwx[t] = xtwx[t]! + w3 * v3;
        continue;
      }
      case 5: {
        const a0 = col[p0]!, v0 = val[p0]!; const a1 = col[p0 + 1]!, v1 = val[p0 + 1]!; const a2 = col[p0 + 2]!, v2 = val[p0 + 2]!; const a3 = col[p0 + 3]!, v3 = val[p0 + 3]!; const a4 = col[p0 + 4]!, v4 = val[p0 + 4]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        const w1 = wi * v1, r1 = a1 * k; xtwz[a1] = xtwz[a1]! + w1 * zi; t = r1 + a0; xtwx[t] = xtwx[t]! + w1 * v0; t = r1 + a1; xtwx[t] = xtwx[t]! + w1 * v1;
        const w2 = wi * v2, r2 = a2 * k; xtwz[a2] = xtwz[a2]! + w2 * zi; t = r2 + a0; xtwx[t] = xtwx[t]! + w2 * v0; t = r2 + a1; xtwx[t] = xtwx[t]! + w2 * v1; t = r2 + a2; xtwx[t] = xtwx[t]! + w2 * v2;
        const w3 = wi * v3, r3 = a3 * k; xtwz[a3] = xtwz[a3]! + w3 * zi; t = r3 + a0; xtwx[t] = xtwx[t]! + w3 * v0; t = r3 + a1; xtwx[t] = xtwx[t]! + w3 * v1; t = r3 + a2; xtwx[t] = xtwx[t]! + w3 * v2; t = r3 + a3; xtwx[t] = xtwx[t]! + w3 * v3;
        const w4 = wi * v4, r4 = a4 * k; xtwz[a4] = xtwz[a4]! + w4 * zi; t = r4 + a0; xtwx[t] = xtwx[t]! + w4 * v0; t = r4 + a1; xtwx[t] = xtwx[t]! + w4 * v1; t = r4 + a2; xtwx[t] = xtwx[t]! + w4 * v2; t = r4 + a3; xtwx[t] = xtwx[t]! + w4 * v3; t = r4 + a4; xtwx[t] = xtwx[t]! + w4 * v4;
        continue;
      }
      case 6: {
        const a0 = col[p0]!, v0 = val[p0]!; const a1 = col[p0 + 1]!, v1 = val[p0 + 1]!; const a2 = col[p0 + 2]!, v2 = val[p0 + 2]!; const a3 = col[p0 + 3]!, v3 = val[p0 + 3]!; const a4 = col[p0 + 4]!, v4 = val[p0 + 4]!; const a5 = col[p0 + 5]!, v5 = val[p0 + 5]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        const w1 = wi * v1, r1 = a1 * k; xtwz[a1] = xtwz[a1]! + w1 * zi; t = r1 + a0; xtwx[t] = xtwx[t]! + w1 * v0; t = r1 + a1; xtwx[t] = xtwx[t]! + w1 * v1;
        const w2 = wi * v2, r2 = a2 * k; xtwz[a2] = xtwz[a2]! + w2 * zi; t = r2 + a0; xtwx[t] = xtwx[t]! + w2 * v0; t = r2 + a1; xtwx[t] = xtwx[t]! + w2 * v1; t = r2 + a2; xtwx[t] = xtwx[t]! + w2 * v2;
        const w3 = wi * v3, r3 = a3 * k; xtwz[a3] = xtwz[a3]! + w3 * zi; t = r3 + a0; xtwx[t] = xtwx[t]! + w3 * v0; t = r3 + a1; xtwx[t] = xtwx[t]! + w3 * v1; t = r3 + a2; xtwx[t] = xtwx[t]! + w3 * v2; t = r3 + a3; xtwx[t] = xtwx[t]! + w3 * v3;
        const w4 = wi * v4, r4 = a4 * k; xtwz[a4] = xtwz[a4]! + w4 * zi; t = r4 + a0; xtwx[t] = xtwx[t]! + w4 * v0; t = r4 + a1; xtwx[t] = xtwx[t]! + w4 * v1; t = r4 + a2; xtwx[t] = xtwx[t]! + w4 * v2; t = r4 + a3; xtwx[t] = xtwx[t]! + w4 * v3; t = r4 + a4; xtwx[t] = xtwx[t]! + w4 * v4;
        const w5 = wi * v5, r5 = a5 * k; xtwz[a5] = xtwz[a5]! + w5 * zi; t = r5 + a0; xtwx[t] = xtwx[t]! + w5 * v0; t = r5 + a1; xtwx[t] = xtwx[t]! + w5 * v1; t = r5 + a2; xtwx[t] = xtwx[t]! + w5 * v2; t = r5 + a3; xtwx[t] = xtwx[t]! + w5 * v3; t = r5 + a4; xtwx[t] = xtwx[t]! + w5 * v4; t = r5 + a5; xtwx[t] = xtwx[t]! + w5 * v5;
        continue;
      }
      case 7: {
        const a0 = col[p0]!, v0 = val[p0]!; const a1 = col[p0 + 1]!, v1 = val[p0 + 1]!; const a2 = col[p0 + 2]!, v2 = val[p0 + 2]!; const a3 = col[p0 + 3]!, v3 = val[p0 + 3]!; const a4 = col[p0 + 4]!, v4 = val[p0 + 4]!; const a5 = col[p0 + 5]!, v5 = val[p0 + 5]!; const a6 = col[p0 + 6]!, v6 = val[p0 + 6]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        const w1 = wi * v1, r1 = a1 * k; xtwz[a1] = xtwz[a1]! + w1 * zi; t = r1 + a0; xtwx[t] = xtwx[t]! + w1 * v0; t = r1 + a1; xtwx[t] = xtwx[t]! + w1 * v1;
        const w2 = wi * v2, r2 = a2 * k; xtwz[a2] = xtwz[a2]! + w2 * zi; t = r2 + a0; xtwx[t] = xtwx[t]! + w2 * v0; t = r2 + a1; xtwx[t] = xtwx[t]! + w2 * v1; t = r2 + a2; xtwx[t] = xtwx[t]! + w2 * v2;
        const w3 = wi * v3, r3 = a3 * k; xtwz[a3] = xtwz[a3]! + w3 * zi; t = r3 + a0; xtwx[t] = xtwx[t]! + w3 * v0; t = r3 + a1; xtwx[t] = xtwx[t]! + w3 * v1; t = r3 + a2; xtwx[t] = xtwx[t]! + w3 * v2; t = r3 + a3; xtwx[t] = xtwx[t]! + w3 * v3;
        const w4 = wi * v4, r4 = a4 * k; xtwz[a4] = xtwz[a4]! + w4 * zi; t = r4 + a0; xtwx[t] = xtwx[t]! + w4 * v0; t = r4 + a1; xtwx[t] = xtwx[t]! + w4 * v1; t = r4 + a2; xtwx[t] = xtwx[t]! + w4 * v2; t = r4 + a3; xtwx[t] = xtwx[t]! + w4 * v3; t = r4 + a4; xtwx[t] = xtwx[t]! + w4 * v4;
        const w5 = wi * v5, r5 = a5 * k; xtwz[a5] = xtwz[a5]! + w5 * zi; t = r5 + a0; xtwx[t] = xtwx[t]! + w5 * v0; t = r5 + a1; xtwx[t] = xtwx[t]! + w5 * v1; t = r5 + a2; xtwx[t] = xtwx[t]! + w5 * v2; t = r5 + a3; xtwx[t] = xtwx[t]! + w5 * v3; t = r5 + a4; xtwx[t] = xtwx[t]! + w5 * v4; t = r5 + a5; xtwx[t] = xtwx[t]! + w5 * v5;
        const w6 = wi * v6, r6 = a6 * k; xtwz[a6] = xtwz[a6]! + w6 * zi; t = r6 + a0; xtwx[t] = xtwx[t]! + w6 * v0; t = r6 + a1; xtwx[t] = xtwx[t]! + w6 * v1; t = r6 + a2; xtwx[t] = xtwx[t]! + w6 * v2; t = r6 + a3; xtwx[t] = xtwx[t]! + w6 * v3; t = r6 + a4; xtwx[t] = xtwx[t]! + w6 * v4; t = r6 + a5; xtwx[t] = xtwx[t]! + w6 * v5; t = r6 + a6; xtwx[t] = xtwx[t]! + w6 * v6;
        continue;
      }
      case 8: {
        const a0 = col[p0]!, v0 = val[p0]!; const a1 = col[p0 + 1]!, v1 = val[p0 + 1]!; const a2 = col[p0 + 2]!, v2 = val[p0 + 2]!; const a3 = col[p0 + 3]!, v3 = val[p0 + 3]!; const a4 = col[p0 + 4]!, v4 = val[p0 + 4]!; const a5 = col[p0 + 5]!, v5 = val[p0 + 5]!; const a6 = col[p0 + 6]!, v6 = val[p0 + 6]!; const a7 = col[p0 + 7]!, v7 = val[p0 + 7]!;
        const w0 = wi * v0, r0 = a0 * k; xtwz[a0] = xtwz[a0]! + w0 * zi; t = r0 + a0; xtwx[t] = xtwx[t]! + w0 * v0;
        const w1 = wi * v1, r1 = a1 * k; xtwz[a1] = xtwz[a1]! + w1 * zi; t = r1 + a0; xtwx[t] = xtwx[t]! + w1 * v0; t = r1 + a1; xtwx[t] = xtwx[t]! + w1 * v1;
        const w2 = wi * v2, r2 = a2 * k; xtwz[a2] = xtwz[a2]! + w2 * zi; t = r2 + a0; xtwx[t] = xtwx[t]! + w2 * v0; t = r2 + a1; xtwx[t] = xtwx[t]! + w2 * v1; t = r2 + a2; xtwx[t] = xtwx[t]! + w2 * v2;
        const w3 = wi * v3, r3 = a3 * k; xtwz[a3] = xtwz[a3]! + w3 * zi; t = r3 + a0; xtwx[t] = xtwx[t]! + w3 * v0; t = r3 + a1; xtwx[t] = xtwx[t]! + w3 * v1; t = r3 + a2; xtwx[t] = xtwx[t]! + w3 * v2; t = r3 + a3; xtwx[t] = xtwx[t]! + w3 * v3;
        const w4 = wi * v4, r4 = a4 * k; xtwz[a4] = xtwz[a4]! + w4 * zi; t = r4 + a0; xtwx[t] = xtwx[t]! + w4 * v0; t = r4 + a1; xtwx[t] = xtwx[t]! + w4 * v1; t = r4 + a2; xtwx[t] = xtwx[t]! + w4 * v2; t = r4 + a3; xtwx[t] = xtwx[t]! + w4 * v3; t = r4 + a4; xtwx[t] = xtwx[t]! + w4 * v4;
        const w5 = wi * v5, r5 = a5 * k; xtwz[a5] = xtwz[a5]! + w5 * zi; t = r5 + a0; xtwx[t] = xtwx[t]! + w5 * v0; t = r5 + a1; xtwx[t] = xtwx[t]! + w5 * v1; t = r5 + a2; xtwx[t] = xtwx[t]! + w5 * v2; t = r5 + a3; xtwx[t] = xtwx[t]! + w5 * v3; t = r5 + a4; xtwx[t] = xtwx[t]! + w5 * v4; t = r5 + a5; xtwx[t] = xtwx[t]! + w5 * v5;
        const w6 = wi * v6, r6 = a6 * k; xtwz[a6] = xtwz[a6]! + w6 * zi; t = r6 + a0; xtwx[t] = xtwx[t]! + w6 * v0; t = r6 + a1; xtwx[t] = xtwx[t]! + w6 * v1; t = r6 + a2; xtwx[t] = xtwx[t]! + w6 * v2; t = r6 + a3; xtwx[t] = xtwx[t]! + w6 * v3; t = r6 + a4; xtwx[t] = xtwx[t]! + w6 * v4; t = r6 + a5; xtwx[t] = xtwx[t]! + w6 * v5; t = r6 + a6; xtwx[t] = xtwx[t]! + w6 * v6;
        const w7 = wi * v7, r7 = a7 * k; xtwz[a7] = xtwz[a7]! + w7 * zi; t = r7 + a0; xtwx[t] = xtwx[t]! + w7 * v0; t = r7 + a1; xtwx[t] = xtwx[t]! + w7 * v1; t = r7 + a2; xtwx[t] = xtwx[t]! + w7 * v2; t = r7 + a3; xtwx[t] = xtwx[t]! + w7 * v3; t = r7 + a4; xtwx[t] = xtwx[t]! + w7 * v4; t = r7 + a5; xtwx[t] = xtwx[t]! + w7 * v5; t = r7 + a6; xtwx[t] = xtwx[t]! + w7 * v6; t = r7 + a7; xtwx[t] = xtwx[t]! + w7 * v7;
        continue;
      }
    }
    for (let p = p0; p < p1; p++) {
      const a = col[p]!;
      const wa = wi * val[p]!;
      xtwz[a] = xtwz[a]! + wa * zi;
      const ra = a * k;
      for (let q = p0; q <= p; q++) {
        const at = ra + col[q]!;
        xtwx[at] = xtwx[at]! + wa * val[q]!;
      }
    }
  }
}

/** β = (XᵀWX)⁻¹XᵀWz into `beta` and the factor into ws.nFactor; false when XᵀWX is numerically singular. */
function solveStep(ws: IrlsWorkspace, k: number, beta: Float64Array): boolean {
  if (!choleskyFactorFlat(ws.xtwx, k, ws.nFactor)) return false;
  choleskySolveFlat(ws.nFactor, k, ws.xtwz, beta, ws.work);
  return true;
}

/** Number of further Fisher scoring steps of the divergence check. */
const DIVERGENCE_STEPS = 5;
/** Change of a linear predictor over those steps (log-odds units) that counts as diverging. */
const DIVERGENCE_THRESHOLD = 1;
/**
 * The divergence probe runs only for a fit that did not converge or has a fitted
 * probability within PROBE_FACTOR · epsilon · (|deviance| + 0.1) of 0 or 1 (see fitLogistic).
 */
const PROBE_FACTOR = 100;
/** R's start, μ = (y + ½)/2, for y = 0 and 1: η, e^η, μ and the deviance residual as evaluatePoint computes them. */
const START = [0, 1].map((v) => {
  const eta = new Float64Array([Math.log((v + 0.5) / 2 / (1 - (v + 0.5) / 2))]);
  const ex = new Float64Array(1);
  const mu = new Float64Array(1);
  const dev = new Float64Array(1);
  evaluatePoint(new Int32Array(1), 1, new Uint8Array([v]), eta, ex, mu, dev);
  return { eta: eta[0]!, ex: ex[0]!, mu: mu[0]!, dev: dev[0]! };
});

/**
 * The computation of fitLogistic (see there), with the same operations in the same order,
 * on rows `rows` of x (null: all x.n rows in order; a row may occur several times, as in a
 * bootstrap resample) with outcomes y (one per row of x, 0/1) and the workspace's buffers.
 * η, μ, the weights and working responses are computed once per distinct row; the sums run
 * over the observations in order. Inputs are not checked: x must be finite with full column
 * rank over these rows.
 *
 * `firstStep`, when given, sees XᵀWX of the first step (lower triangle, flat k × k; at the
 * start every weight is 3/16, so it is 3/16 XᵀX up to rounding); when it returns false the
 * fit stops and irlsFit returns null. @internal
 */
export function irlsFit(
  x: SparseRows,
  rows: Int32Array | null,
  y: Uint8Array,
  ws: IrlsWorkspace,
  maxit = 25,
  epsilon = 1e-8,
  firstStep?: (xtwx: Float64Array, k: number) => boolean,
): IrlsResult | null {
  const k = x.k;
  if (x.n > ws.n || k > ws.k) throw new RangeError('irlsFit: the workspace is too small');
  const count = rows ? rows.length : x.n;
  const rs = ws.distinct;
  let d = x.n;
  if (rows) d = distinctRows(rows, count, ws.seen, rs);
  else for (let i = 0; i < d; i++) rs[i] = i;
  let { eta, ex, mu, dev, nEta, nEx, nMu, nDev, beta, nBeta } = ws;
  // the starting point depends on y alone: evaluatePoint's values for y = 0 and 1, computed once
  for (let u = 0; u < d; u++) {
    const i = rs[u]!;
    const s = START[y[i]!]!;
    eta[i] = s.eta;
    ex[i] = s.ex;
    mu[i] = s.mu;
    dev[i] = s.dev;
  }
  let devOld = devianceOf(rows, count, dev);
  beta.fill(0, 0, k);
  let hasFactor = false;
  let converged = false;
  let iterations = 0;
  let singular = false;
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    accumulate(x, rows, count, rs, d, y, eta, ex, mu, ws);
    if (iter === 1 && firstStep && !firstStep(ws.xtwx, k)) return null;
    if (!solveStep(ws, k, nBeta)) {
      singular = true;
      break;
    }
    linearPredictor(x, rs, d, nBeta, nEta);
    evaluatePoint(rs, d, y, nEta, nEx, nMu, nDev);
    let devNew = devianceOf(rows, count, nDev);
    // R halves the step towards the previous coefficients while the deviance is not finite
    for (let halvings = 0; !Number.isFinite(devNew) && halvings < 100 && hasFactor; halvings++) {
      for (let j = 0; j < k; j++) nBeta[j] = (nBeta[j]! + beta[j]!) / 2;
      linearPredictor(x, rs, d, nBeta, nEta);
      evaluatePoint(rs, d, y, nEta, nEx, nMu, nDev);
      devNew = devianceOf(rows, count, nDev);
    }
    // the new point becomes the current one (buffers swapped, nothing copied)
    let swap = beta;
    beta = nBeta;
    nBeta = swap;
    swap = eta;
    eta = nEta;
    nEta = swap;
    swap = ex;
    ex = nEx;
    nEx = swap;
    swap = mu;
    mu = nMu;
    nMu = swap;
    swap = dev;
    dev = nDev;
    nDev = swap;
    swap = ws.factor;
    ws.factor = ws.nFactor;
    ws.nFactor = swap;
    hasFactor = true;
    if (Math.abs(devNew - devOld) / (Math.abs(devNew) + 0.1) < epsilon) {
      converged = true;
      devOld = devNew;
      break;
    }
    devOld = devNew;
  }
  ws.eta = eta;
  ws.ex = ex;
  ws.mu = mu;
  ws.dev = dev;
  ws.nEta = nEta;
  ws.nEx = nEx;
  ws.nMu = nMu;
  ws.nDev = nDev;
  ws.beta = beta;
  ws.nBeta = nBeta;

  // Separation check (see fitLogistic)
  let separationSign: SeparationSign | null = null;
  const eps10 = 10 * DBL_EPSILON;
  // the divergence probe is needed only when some fitted probability is near 0 or 1
  const near = PROBE_FACTOR * epsilon * (Math.abs(devOld) + 0.1);
  let probe = !converged;
  if (singular) separationSign = 'singular_information';
  else {
    for (let u = 0; u < d; u++) {
      const mi = mu[rs[u]!]!;
      if (mi < eps10 || mi > 1 - eps10) {
        separationSign = 'fitted_0_or_1';
        break;
      }
      if (mi < near || mi > 1 - near) probe = true;
    }
  }
  if (separationSign === null && probe) {
    // Fisher scoring continued from the fit, in the spare buffers (nEta, nEx, nMu, nDev, nBeta)
    for (let u = 0; u < d; u++) {
      const i = rs[u]!;
      nEta[i] = eta[i]!;
      nEx[i] = ex[i]!;
      nMu[i] = mu[i]!;
    }
    for (let s = 0; s < DIVERGENCE_STEPS; s++) {
      if (s > 0) evaluatePoint(rs, d, y, nEta, nEx, nMu, nDev);
      accumulate(x, rows, count, rs, d, y, nEta, nEx, nMu, ws);
      if (!solveStep(ws, k, nBeta)) {
        separationSign = 'singular_information';
        break;
      }
      linearPredictor(x, rs, d, nBeta, nEta);
    }
    if (separationSign === null) {
      for (let u = 0; u < d; u++) {
        const i = rs[u]!;
        if (Math.abs(nEta[i]! - eta[i]!) > DIVERGENCE_THRESHOLD) {
          separationSign = 'diverging';
          break;
        }
      }
    }
  }
  return { beta, eta, mu, factor: hasFactor ? ws.factor : null, distinct: rs, distinctCount: d, deviance: devOld, iterations, converged, separationSign };
}

function checkInputs(x: Matrix, y: readonly number[], fn: string): void {
  const n = y.length;
  if (x.length !== n) throw new RangeError(`${fn}: X has ${x.length} rows but y has ${n} values`);
  if (n === 0) throw new RangeError(`${fn}: no observations`);
  const k = x[0]!.length;
  if (k === 0) throw new RangeError(`${fn}: X has no columns`);
  for (const row of x) {
    if (row.length !== k) throw new RangeError(`${fn}: X rows differ in length`);
    if (!row.every(Number.isFinite)) throw new RangeError(`${fn}: X must be finite`);
  }
  if (!y.every((v) => v === 0 || v === 1)) throw new RangeError(`${fn}: y must be 0 or 1`);
  const aliased = findAliasedColumns(x, k);
  if (aliased.length > 0) {
    throw new RangeError(`${fn}: X is rank deficient (aliased column${aliased.length > 1 ? 's' : ''} ${aliased.join(', ')}); drop them first (designMatrix does)`);
  }
}

/**
 * Fits logit P(y = 1) = Xβ by maximum likelihood with R's glm.fit algorithm, step for step,
 * so that the numbers agree with R's `glm(…, family = binomial)` to rounding:
 * start from μ = (y + ½)/2, then iterate weighted least squares on the working response
 * z = η + (y − μ)/μ'(η) with weights μ'(η)²/(μ(1 − μ)), until
 * |dev − dev_old| / (|dev| + 0.1) < epsilon (1e-8) or maxIterations (25). η beyond ±30 is
 * clamped in μ and μ' as in R's C code. The standard errors are √diag((XᵀWX)⁻¹) with the
 * weights of the last iteration, as summary.glm takes them from the last QR decomposition.
 * X must have full column rank (designMatrix drops aliased columns; a rank-deficient X is
 * an error).
 *
 * Separation (Albert & Anderson 1984, Biometrika 71:1): when a linear combination of the
 * columns separates the outcomes completely or quasi-completely, no maximum likelihood
 * estimate exists: the likelihood keeps rising as some coefficients go to ±∞. R's IRLS then
 * usually still "converges" (the deviance stops changing) at a large coefficient with a
 * huge standard error, and warns only when a fitted probability is within 10·DBL_EPSILON of
 * 0 or 1. `separation` is true when any of these holds:
 *  - 'fitted_0_or_1': a fitted probability is below 10·DBL_EPSILON or above 1 − 10·DBL_EPSILON
 *    (R's warning "fitted probabilities numerically 0 or 1 occurred");
 *  - 'diverging': continuing Fisher scoring for 5 more steps from the final estimate moves
 *    some linear predictor by more than 1 on the log-odds scale. At a genuine maximum the
 *    steps have shrunk quadratically and move η by less than about 1e-6; in a direction of
 *    separation each step adds about 1 to |η| of the separated observations (for small μ the
 *    log-likelihood there is ≈ −Σe^η, whose Newton step is exactly −1), so 5 steps move
 *    them by about 5. The gap between the two makes the threshold uncritical.
 *    The probe is run only when it can find something: when the fit did not converge, or
 *    when some fitted probability μ (or 1 − μ) is below 100·epsilon·(|dev| + 0.1). A fit
 *    that converged in a direction of separation has such a μ: the separated observations'
 *    μ shrink by a factor of about e per step, so the last step lowered the deviance by
 *    about 2(e − 1)μ ≈ 3.4μ (by 0.44μ for an observation moving only 0.2 per step, the
 *    slowest that 5 steps move by more than 1), and convergence means that was below
 *    epsilon·(|dev| + 0.1): μ < 2.3·epsilon·(|dev| + 0.1), well below the bound (on
 *    19 000 simulated fits, the 202 that the probe found diverging after converging had μ
 *    below 0.14·epsilon·(|dev| + 0.1)). Without such a μ, every weight μ(1 − μ) is
 *    bounded away from 0 and the probe's steps, at a genuine maximum, are the vanishing
 *    steps described above, so running it could only confirm 'no separation'. For
 *    n = 400, dev ≈ 500, the bound is μ < 5e-4 (|η| > 7.6);
 *  - 'singular_information': XᵀWX became numerically singular although X has full rank,
 *    which happens only when weights μ(1 − μ) collapse to 0, that is fitted probabilities 0 or 1.
 * All outcomes equal (no events) is the simplest case: the intercept diverges to −∞.
 * A separated fit keeps R's numbers (finite, never NaN); its coefficients and standard
 * errors are meaningless as estimates, though its fitted probabilities approximate their
 * limits. Firth's penalized likelihood (fitFirth) gives finite estimates instead.
 */
export function fitLogistic(x: Matrix, y: readonly number[], options: LogisticOptions = {}): LogisticFit {
  checkInputs(x, y, 'fitLogistic');
  const maxit = options.maxIterations ?? 25;
  const epsilon = options.epsilon ?? 1e-8;
  const n = y.length;
  const k = x[0]!.length;
  if (options.names && options.names.length !== k) throw new RangeError('fitLogistic: names must match the columns of X');

  const fit = irlsFit(sparseRows(x, k), null, Uint8Array.from(y), new IrlsWorkspace(n, k), maxit, epsilon)!;
  const covariance = fit.factor
    ? choleskyInverse(choleskyFactorRows(fit.factor, k))
    : // singular at the first step: cannot happen for a full-rank X with weights ¼ at the start
      Array.from({ length: k }, () => new Array<number>(k).fill(Infinity));

  const hasIntercept = options.intercept ?? Array.from({ length: k }, (_, j) => j).some((j) => x.every((row) => row[j] === 1));
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  const nullMu = hasIntercept ? ybar : 0.5;
  let nullDeviance = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    nullDeviance += yi === 1 ? (nullMu > 0 ? -2 * Math.log(nullMu) : Infinity) : nullMu < 1 ? -2 * Math.log(1 - nullMu) : Infinity;
  }
  // with ȳ = 0 or 1 the saturated and null models coincide: 0, not 0·log 0
  if (hasIntercept && (ybar === 0 || ybar === 1)) nullDeviance = 0;

  return {
    method: 'ml',
    names: options.names ? [...options.names] : null,
    coefficients: Array.from(fit.beta.subarray(0, k)),
    se: covariance.map((row, j) => Math.sqrt(row[j]!)),
    covariance,
    deviance: fit.deviance,
    nullDeviance,
    logLik: -fit.deviance / 2,
    fitted: Array.from(fit.mu.subarray(0, n)),
    linearPredictor: Array.from(fit.eta.subarray(0, n)),
    iterations: fit.iterations,
    converged: fit.converged,
    separation: fit.separationSign !== null,
    separationSign: fit.separationSign,
    nobs: n,
    dfResidual: n - k,
  };
}

/** A Wald interval for one coefficient. */
export interface WaldInterval {
  /** β̂ (log odds ratio) and its standard error. */
  readonly logOdds: number;
  readonly se: number;
  /** exp(β̂), the odds ratio. */
  readonly oddsRatio: number;
  /** exp(β̂ ∓ z·se), z the (1 + confidence)/2 normal quantile. */
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  /** Wald z = β̂/se and its two-sided p-value 2Φ(−|z|), as summary.glm. */
  readonly z: number;
  readonly p: number;
}

/**
 * Wald interval for coefficient `index` on the odds-ratio scale: exp(β̂ ± z_{(1+c)/2}·se),
 * as R's `exp(confint.default(fit)[index, ])`, with the Wald test of β = 0 (Agresti 2013,
 * Categorical Data Analysis, 3rd ed., §5.2). Under separation the interval is meaningless
 * (the fit says so: fit.separation).
 */
export function waldInterval(fit: { readonly coefficients: readonly number[]; readonly se: readonly number[] }, index: number, confidence = 0.95): WaldInterval {
  const b = fit.coefficients[index];
  const se = fit.se[index];
  if (b === undefined || se === undefined) throw new RangeError(`waldInterval: no coefficient ${index}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('waldInterval: confidence must lie in (0, 1)');
  const zq = jStat.normal.inv((1 + confidence) / 2, 0, 1) as number;
  const z = b / se;
  return {
    logOdds: b,
    se,
    oddsRatio: Math.exp(b),
    lower: Math.exp(b - zq * se),
    upper: Math.exp(b + zq * se),
    confidence,
    z,
    p: 2 * (jStat.normal.cdf(-Math.abs(z), 0, 1) as number),
  };
}

/** A likelihood-ratio test of nested models. */
export interface LrTest {
  /** deviance(reduced) − deviance(full), ≥ 0. */
  readonly statistic: number;
  /** Difference in the number of coefficients. */
  readonly df: number;
  /** P(χ²_df ≥ statistic). */
  readonly p: number;
}

/**
 * Likelihood-ratio test of `reduced` against `full` (Wilks 1938), as R's
 * `anova(reduced, full, test = "LRT")`: statistic = deviance(reduced) − deviance(full),
 * df = number of coefficients of full − of reduced, p = P(χ²_df ≥ statistic). The models
 * must be fitted to the same observations and `reduced` must be nested in `full` (its
 * columns spanned by full's); only the numbers of observations and coefficients can be
 * checked here. For an interaction test, full has arm × subgroup and reduced only the main
 * effects. Meaningless when either fit is separated.
 */
export function lrTest(full: LogisticFit, reduced: LogisticFit): LrTest {
  if (full.nobs !== reduced.nobs) throw new RangeError('lrTest: the fits use different numbers of observations');
  const df = full.coefficients.length - reduced.coefficients.length;
  if (df < 1) throw new RangeError('lrTest: the full model must have more coefficients than the reduced one');
  // a tiny negative difference is rounding: the models fit equally well
  const statistic = Math.max(0, reduced.deviance - full.deviance);
  return { statistic, df, p: chiSquareUpperTail(statistic, df) };
}
