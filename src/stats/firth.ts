/**
 * Firth's penalized likelihood logistic regression (Firth 1993, Biometrika 80:27–38;
 * Heinze & Schemper 2002, Stat Med 21:2409–2419), the standard remedy for separation: its
 * estimates are always finite and their small-sample bias is O(n⁻²) instead of O(n⁻¹).
 * The algorithm is that of R's logistf package (Heinze, Ploner et al.).
 */
import jStat from 'jstat';
import { choleskyFactorFlat, choleskyFactorRows, choleskyInverse, choleskyInverseFlat, choleskyLogDetFlat, choleskySolveFlat } from './cholesky-factor.ts';
import { findAliasedColumns } from './design-matrix.ts';
import { distinctRows, linearPredictor, sparseRows, weightedCross, type Matrix, type SparseRows } from './logistic-regression.ts';

/** Iteration control. */
export interface FirthOptions {
  /** Largest number of Newton–Raphson iterations (default 100). */
  readonly maxIterations?: number;
  /** Largest number of step-halvings in one iteration (default 25). */
  readonly maxHalvings?: number;
  /** Largest absolute change of a coefficient in one step (default 5, as logistf's maxstep). */
  readonly maxStep?: number;
  /** Convergence when every |step| ≤ xtol and every |modified score| ≤ gtol (defaults 1e-10 and 1e-8). */
  readonly xtol?: number;
  readonly gtol?: number;
  /** Coefficient names, carried into the result. */
  readonly names?: readonly string[];
}

/** A Firth fit. Coefficients are log odds (ratios). */
export interface FirthFit {
  readonly method: 'firth';
  readonly names: string[] | null;
  readonly coefficients: number[];
  /** Wald standard errors √diag(I(β̂)⁻¹), I = XᵀWX the Fisher information at the solution (as logistf's vcov). */
  readonly se: number[];
  readonly covariance: number[][];
  /** Penalized log-likelihood l(β̂) + ½ log det I(β̂) (logistf's loglik). */
  readonly penalizedLogLik: number;
  /** The ordinary log-likelihood l(β̂) at the Firth estimate. */
  readonly logLik: number;
  readonly fitted: number[];
  readonly linearPredictor: number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly nobs: number;
}

/** log(1 + e^x) without overflow or loss of precision. */
function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** 1/(1 + e^−η) without clamping (Firth's estimates are finite). */
function sigmoid(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

/**
 * The data of a fit: rows `rows` of x (null: all x.n rows in order; a row may occur several
 * times, as in a bootstrap resample), y by row of x. Per-observation quantities are kept by
 * row and computed once per distinct row (rs[0 … d − 1]); sums run over the observations in
 * order, with the operations of the dense loops, so the results are the same to the bit.
 */
interface Design {
  readonly x: SparseRows;
  readonly rows: Int32Array | null;
  readonly count: number;
  readonly rs: Int32Array;
  readonly d: number;
  readonly y: Float64Array;
  /** Scratch: weights by row, zeros by row, k × k, k. */
  readonly w: Float64Array;
  readonly zeros: Float64Array;
  readonly inverse: Float64Array;
  readonly work: Float64Array;
  readonly score: Float64Array;
}

function makeDesign(x: SparseRows, rows: Int32Array | null, y: Float64Array): Design {
  const count = rows ? rows.length : x.n;
  const rs = new Int32Array(x.n);
  let d = x.n;
  if (rows) d = distinctRows(rows, count, new Uint8Array(x.n), rs);
  else for (let i = 0; i < d; i++) rs[i] = i;
  const k = x.k;
  return {
    x,
    rows,
    count,
    rs,
    d,
    y,
    w: new Float64Array(x.n),
    zeros: new Float64Array(x.n),
    inverse: new Float64Array(k * k),
    work: new Float64Array(k * k),
    score: new Float64Array(k),
  };
}

interface State {
  beta: number[];
  /** η and π by row of x. */
  eta: Float64Array;
  pi: Float64Array;
  /** I(β) = XᵀWX, flat k × k (both triangles), and its Cholesky factor. */
  info: Float64Array;
  factor: Float64Array;
  logLik: number;
  penalized: number;
}

function evaluate(ds: Design, beta: number[]): State | null {
  const { x, rows, count, rs, d, y, w } = ds;
  const k = beta.length;
  const eta = new Float64Array(x.n);
  const pi = new Float64Array(x.n);
  const ll = new Float64Array(x.n);
  linearPredictor(x, rs, d, beta, eta);
  for (let u = 0; u < d; u++) {
    const i = rs[u]!;
    const e = eta[i]!;
    const p = sigmoid(e);
    pi[i] = p;
    w[i] = p * (1 - p);
    // log π = −log(1 + e^−η), log(1 − π) = −log(1 + e^η)
    ll[i] = y[i] === 1 ? log1pExp(-e) : log1pExp(e);
  }
  let logLik = 0;
  for (let m = 0; m < count; m++) logLik -= ll[rows ? rows[m]! : m]!;
  const info = new Float64Array(k * k);
  weightedCross(x, rows, count, w, ds.zeros, info, ds.score);
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) info[a * k + b] = info[b * k + a]!;
  const factor = new Float64Array(k * k);
  if (!choleskyFactorFlat(info, k, factor)) return null;
  return { beta, eta, pi, info, factor, logLik, penalized: logLik + 0.5 * choleskyLogDetFlat(factor, k) };
}

/** Modified score U*(β) = Xᵀ(y − π + h(½ − π)), h the diagonal of the hat matrix W^½X(XᵀWX)⁻¹XᵀW^½. */
function modifiedScore(ds: Design, s: State): number[] {
  const { x, rows, count, rs, d, y, w, inverse: inv } = ds;
  const { start, col, val } = x;
  const k = s.beta.length;
  choleskyInverseFlat(s.factor, k, inv, ds.work);
  // the residual y − π + h(½ − π) of each distinct row, into w
  for (let u = 0; u < d; u++) {
    const i = rs[u]!;
    const p = s.pi[i]!;
    const p0 = start[i]!;
    const p1 = start[i + 1]!;
    let q = 0; // x_iᵀ I⁻¹ x_i, over the nonzero entries (the others add ±0)
    for (let pa = p0; pa < p1; pa++) {
      const ra = col[pa]! * k;
      let t = 0;
      for (let pb = p0; pb < p1; pb++) t += inv[ra + col[pb]!]! * val[pb]!;
      q += val[pa]! * t;
    }
    const h = p * (1 - p) * q;
    w[i] = y[i]! - p + h * (0.5 - p);
  }
  const uArr = new Array<number>(k).fill(0);
  for (let m = 0; m < count; m++) {
    const i = rows ? rows[m]! : m;
    const r = w[i]!;
    for (let pa = start[i]!, end = start[i + 1]!; pa < end; pa++) {
      const a = col[pa]!;
      uArr[a] = uArr[a]! + val[pa]! * r;
    }
  }
  return uArr;
}

/**
 * Newton–Raphson with step-halving for the penalized log-likelihood, over the coefficients
 * in `free` (the others stay at their values in `start`). Shared by the fit and the profile.
 *
 * The step is I_ff⁻¹ U*_f, I the Fisher information (logistf's update, not the exact Hessian
 * of l*). That step can overshoot: for an observation with leverage h near 1 (alone in a
 * cell of the design) the curvature of l* is about twice the information, and the plain
 * iteration then oscillates around the maximum without converging. The step is therefore
 * halved until l* increases by more than its rounding error, or, when l* is flat within
 * rounding, until the scaled score U*ᵀI⁻¹U* (the Newton decrement) decreases.
 */
function maximize(ds: Design, start: number[], free: readonly number[], o: Required<Omit<FirthOptions, 'names'>>) {
  const kf = free.length;
  const all = kf === start.length;
  const sub = new Float64Array(kf * kf);
  const subFactor = new Float64Array(kf * kf);
  const uf = new Float64Array(kf);
  const work = new Float64Array(kf);
  const freeFactor = (st: State): Float64Array | null => {
    if (all) return st.factor;
    const k = st.beta.length;
    for (let a = 0; a < kf; a++) for (let b = 0; b < kf; b++) sub[a * kf + b] = st.info[free[a]! * k + free[b]!]!;
    return choleskyFactorFlat(sub, kf, subFactor) ? subFactor : null;
  };
  // step and Newton decrement of a state
  const direction = (st: State) => {
    const lf = freeFactor(st);
    if (!lf) return null;
    const u = modifiedScore(ds, st);
    for (let j = 0; j < kf; j++) uf[j] = u[free[j]!]!;
    const solved = new Float64Array(kf);
    choleskySolveFlat(lf, kf, uf, solved, work);
    const delta = Array.from(solved);
    let decrement = 0;
    for (let j = 0; j < kf; j++) decrement += uf[j]! * delta[j]!;
    let maxScore = 0;
    for (let j = 0; j < kf; j++) maxScore = Math.max(maxScore, Math.abs(uf[j]!));
    return { delta, decrement, maxScore };
  };
  let s = evaluate(ds, start);
  if (!s) throw new RangeError('fitFirth: the information matrix is singular at the start');
  let dir = direction(s);
  let iterations = 0;
  let converged = false;
  for (let iter = 1; iter <= o.maxIterations && dir; iter++) {
    iterations = iter;
    let delta = dir.delta;
    const maxAbs = Math.max(0, ...delta.map(Math.abs));
    if (maxAbs <= o.xtol && dir.maxScore <= o.gtol) {
      converged = true;
      break;
    }
    if (maxAbs > o.maxStep) delta = delta.map((d) => (d * o.maxStep) / maxAbs);
    const tol = 1e-12 * (1 + Math.abs(s.penalized));
    let accepted: { state: State; dir: NonNullable<typeof dir> } | null = null;
    for (let h = 0; h <= o.maxHalvings && !accepted; h++, delta = delta.map((d) => d / 2)) {
      const beta = [...s.beta];
      free.forEach((a, j) => {
        beta[a] = beta[a]! + delta[j]!;
      });
      const cand = evaluate(ds, beta);
      if (!cand || cand.penalized < s.penalized - tol) continue;
      const candDir = direction(cand);
      if (!candDir) continue;
      if (cand.penalized > s.penalized + tol || candDir.decrement < dir.decrement) accepted = { state: cand, dir: candDir };
    }
    if (!accepted) break;
    s = accepted.state;
    dir = accepted.dir;
  }
  return { state: s, iterations, converged };
}

function resolveOptions(options: FirthOptions): Required<Omit<FirthOptions, 'names'>> {
  return {
    maxIterations: options.maxIterations ?? 100,
    maxHalvings: options.maxHalvings ?? 25,
    maxStep: options.maxStep ?? 5,
    xtol: options.xtol ?? 1e-10,
    gtol: options.gtol ?? 1e-8,
  };
}

function checkInputs(x: Matrix, y: readonly number[], fn: string): void {
  if (x.length !== y.length) throw new RangeError(`${fn}: X has ${x.length} rows but y has ${y.length} values`);
  if (y.length === 0) throw new RangeError(`${fn}: no observations`);
  const k = x[0]!.length;
  if (k === 0) throw new RangeError(`${fn}: X has no columns`);
  for (const row of x) {
    if (row.length !== k || !row.every(Number.isFinite)) throw new RangeError(`${fn}: X rows must be finite and of one length`);
  }
  if (!y.every((v) => v === 0 || v === 1)) throw new RangeError(`${fn}: y must be 0 or 1`);
  if (findAliasedColumns(x, k).length > 0) throw new RangeError(`${fn}: X is rank deficient; drop aliased columns first (designMatrix does)`);
}

/**
 * Firth's bias-reduced logistic regression: maximizes the penalized log-likelihood
 * l*(β) = l(β) + ½ log det I(β), I(β) = XᵀW(β)X (Jeffreys prior as penalty), by solving the
 * modified score equations U*(β) = Xᵀ(y − π + h(½ − π)) = 0, h_i the diagonal of the hat
 * matrix W^½X(XᵀWX)⁻¹XᵀW^½ (Heinze & Schemper 2002, eq. 2). Newton–Raphson with the Fisher
 * information as Hessian, steps capped at 5 per coefficient and halved while l* does not
 * increase (as logistf), from β = 0, until every |step| ≤ 1e-10 and every |U*_j| ≤ 1e-8.
 * The estimates exist and are finite for any full-rank X, separated or not (Kosmidis &
 * Firth 2021, Biometrika 108:71–82), and are shrunk towards 0 relative to maximum
 * likelihood. Standard errors are Wald, from I(β̂)⁻¹; for intervals Heinze & Schemper
 * recommend the profile penalized likelihood (firthProfileInterval) because the penalized
 * likelihood can be far from quadratic.
 */
export function fitFirth(x: Matrix, y: readonly number[], options: FirthOptions = {}): FirthFit {
  checkInputs(x, y, 'fitFirth');
  const k = x[0]!.length;
  if (options.names && options.names.length !== k) throw new RangeError('fitFirth: names must match the columns of X');
  const o = resolveOptions(options);
  const all = Array.from({ length: k }, (_, j) => j);
  const { state, iterations, converged } = maximize(makeDesign(sparseRows(x, k), null, Float64Array.from(y)), new Array<number>(k).fill(0), all, o);
  const covariance = choleskyInverse(choleskyFactorRows(state.factor, k));
  return {
    method: 'firth',
    names: options.names ? [...options.names] : null,
    coefficients: state.beta,
    se: covariance.map((row, j) => Math.sqrt(row[j]!)),
    covariance,
    penalizedLogLik: state.penalized,
    logLik: state.logLik,
    fitted: Array.from(state.pi),
    linearPredictor: Array.from(state.eta),
    iterations,
    converged,
    nobs: y.length,
  };
}

/**
 * fitFirth's coefficients and convergence for rows `rows` of x (null: all rows; a row may
 * occur several times, as in a bootstrap resample), y by row of x, with the same operations
 * in the same order as fitFirth on those rows, and without its checks: x must be finite with
 * full column rank over these rows, y 0/1. @internal
 */
export function fitFirthRows(x: SparseRows, rows: Int32Array | null, y: Uint8Array): { coefficients: number[]; converged: boolean } {
  const all = Array.from({ length: x.k }, (_, j) => j);
  const { state, converged } = maximize(makeDesign(x, rows, Float64Array.from(y)), new Array<number>(x.k).fill(0), all, resolveOptions({}));
  return { coefficients: state.beta, converged };
}

/** A profile penalized likelihood interval for one coefficient (log-odds scale). */
export interface ProfileInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
}

/**
 * Profile penalized likelihood confidence interval for coefficient `index` of a Firth fit
 * (Heinze & Schemper 2002, §2.2; logistf's default interval): the set of values b with
 * 2(l*(β̂) − max_{β: β_index = b} l*(β)) ≤ χ²₁ quantile at `confidence`. The penalty in the
 * constrained maximization is that of the full model, as in logistf. Each limit is found by
 * bracketing outward from β̂ in steps of the Wald standard error and bisecting to 1e-9.
 * On the log-odds scale; exponentiate for odds ratios.
 */
export function firthProfileInterval(x: Matrix, y: readonly number[], fit: FirthFit, index: number, confidence = 0.95, options: FirthOptions = {}): ProfileInterval {
  const k = fit.coefficients.length;
  if (!(index >= 0 && index < k)) throw new RangeError(`firthProfileInterval: no coefficient ${index}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('firthProfileInterval: confidence must lie in (0, 1)');
  const o = resolveOptions(options);
  const ds = makeDesign(sparseRows(x, k), null, Float64Array.from(y));
  const q = jStat.chisquare.inv(confidence, 1) as number;
  const free = Array.from({ length: k }, (_, j) => j).filter((j) => j !== index);
  const bHat = fit.coefficients[index]!;
  let warm = [...fit.coefficients];
  // D(b) − q, D the penalized likelihood-ratio statistic at β_index = b
  const f = (b: number): number => {
    const start = [...warm];
    start[index] = b;
    const { state } = free.length > 0 ? maximize(ds, start, free, o) : { state: evaluate(ds, start)! };
    warm = state.beta;
    return 2 * (fit.penalizedLogLik - state.penalized) - q;
  };
  const limit = (direction: 1 | -1): number => {
    const stepSize = fit.se[index]!;
    let inner = bHat;
    let outer = bHat + direction * stepSize;
    warm = [...fit.coefficients];
    for (let tries = 0; f(outer) < 0; tries++) {
      if (tries > 60) throw new RangeError('firthProfileInterval: could not bracket the limit');
      inner = outer;
      outer = bHat + direction * stepSize * 2 ** (tries + 1);
    }
    // bisection: f(inner) < 0 ≤ f(outer)
    while (Math.abs(outer - inner) > 1e-9 * (1 + Math.abs(inner))) {
      const mid = (inner + outer) / 2;
      if (f(mid) < 0) inner = mid;
      else outer = mid;
    }
    return (inner + outer) / 2;
  };
  return { estimate: bHat, lower: limit(-1), upper: limit(1), confidence };
}
