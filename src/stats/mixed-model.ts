/**
 * Linear mixed model with one random intercept per group, y = Xβ + u[group] + ε with
 * u ~ N(0, σ²_u) and ε ~ N(0, σ²) independent, fitted by REML as R's
 * `lme4::lmer(y ~ … + (1 | group), REML = TRUE)`, with t tests of contrasts on
 * Satterthwaite degrees of freedom as `lmerTest`.
 *
 * Estimation follows lme4 (Bates, Mächler, Bolker & Walker 2015, "Fitting linear
 * mixed-effects models using lme4", J Stat Softw 67(1), section 3.4): write
 * V = σ² H(θ) with H = I + θ² Z Zᵀ and θ = σ_u / σ, profile β and σ² out of the REML
 * criterion, and minimise what is left over θ ≥ 0 alone. With a single random intercept
 * H is block diagonal with one compound-symmetry block I + θ² J per group, whose
 * eigenvalues are 1 (on contrasts within the group) and 1 + kθ² (on the group mean), so
 * everything the criterion needs reduces to the pooled within-group cross-products and
 * the group means. Groups of the same size share that eigenvalue, so the group means enter
 * only through per-size sums (Σ x̄x̄ᵀ over the groups of each size), gathered once: an
 * evaluation of the criterion in the search for θ then costs O(S p² + p³) for S distinct
 * group sizes (in a trial, the number of waves), not O(n p), and no n × n object is ever
 * formed. The estimates at the optimum are taken from the rows themselves.
 *
 * Degrees of freedom follow Kuznetsova, Brockhoff & Christensen (2017), "lmerTest
 * package: tests in linear mixed effects models", J Stat Softw 82(13), section 3.2, with
 * the derivatives taken analytically instead of by numDeriv.
 */
import jStat from 'jstat';
import { choleskyFactor, choleskyInverse, choleskyLogDet, choleskySolve, type CholeskyFactor } from './cholesky-factor.ts';
import { tTwoSidedP } from './t-distribution.ts';

/** What a fitted random-intercept model gives. */
export interface RandomInterceptFit {
  /** Fixed-effect estimates, in X's column order. */
  coefficients: number[];
  /** Covariance matrix of the fixed effects (p × p), as vcov(fit) in R. */
  vcov: number[][];
  /** Random-intercept variance (σ²_u) and residual variance (σ²), REML estimates, as VarCorr(). */
  groupVariance: number;
  residualVariance: number;
  /** REML criterion at the optimum, as lme4's REMLcrit(fit) (= −2 × restricted log-likelihood). */
  remlCriterion: number;
  nObservations: number;
  nGroups: number;
  /** The optimizer met its tolerance. */
  converged: boolean;
  /** Lβ for a contrast vector L (length p), its SE, Satterthwaite df, t statistic, two-sided p. */
  contrast(L: readonly number[]): { estimate: number; se: number; df: number; statistic: number; p: number };
}

/** Data reduced to what the criterion needs: group sizes and means, and the within-group deviations. */
interface Grouped {
  n: number;
  p: number;
  nGroups: number;
  size: Float64Array;
  /** Group means of X (nGroups × p, row-major) and of y. */
  xBar: Float64Array;
  yBar: Float64Array;
  /** The columns that vary within some group (the others' deviations from their group means are all 0). */
  within: Int32Array;
  /** Deviations from the group means of those columns (n × within.length, row-major) and of y. */
  xWithin: Float64Array;
  yWithin: Float64Array;
  /** Pooled within-group cross-products of X and of X with y. */
  wxx: number[][];
  wxy: number[];
  /** X's constant (intercept) column, or −1, and the multiples of it taken from the other columns. */
  intercept: number;
  shift: number[];
  /** The distinct group sizes, how many groups have each, and each group's size class. */
  classSize: Float64Array;
  classCount: Float64Array;
  classOf: Int32Array;
  /** Σ x̄_g x̄_gᵀ over the groups of each size class (S × p × p, full). */
  classXx: Float64Array;
}

/**
 * The residuals e = y − Xβ₀ of a reference fit (θ = 0, i.e. lm), reduced as the criterion
 * needs them: the criterion at any θ is then a small correction in d = β − β₀, without the
 * cancellation of forming yᵀH⁻¹y − bᵀβ from raw sums.
 */
interface Reference {
  beta: number[];
  /** Σ xWithin · eWithin and Σ eWithin². */
  wxe: number[];
  wee: number;
  /** Per size class: Σ x̄_g ē_g (S × p) and Σ ē_g². */
  classXe: Float64Array;
  classEe: Float64Array;
}

/** The profiled criterion at one θ from the size-class sums (see Reference). */
interface FastPoint {
  theta: number;
  deviance: number;
  factor: ScaledFactor;
  /** β − β₀. */
  d: number[];
  pwrss: number;
  /** k · 1/(1 + kθ²) per size class. */
  weight: Float64Array;
}

/** A positive definite matrix factored after scaling to unit diagonal. */
interface ScaledFactor {
  l: CholeskyFactor;
  scale: number[];
}

/** The profiled REML criterion and its by-products at one θ. */
interface ProfilePoint {
  theta: number;
  deviance: number;
  /** 1 / (1 + kθ²) per group: H⁻¹'s eigenvalue on the group mean. */
  lambda: Float64Array;
  factor: ScaledFactor;
  beta: number[];
  /** Penalised residual sum of squares (y − Xβ)ᵀH⁻¹(y − Xβ), split into within and between parts. */
  pwrss: number;
  residualWithin: Float64Array;
  residualMean: Float64Array;
}

// The grid that brackets the optimum of θ = σ_u / σ: zero, then 10^-4 … 10^4 in steps
// of 10^0.2. Ratios outside it are not met in practice; a profile still falling at 10^4
// is extended (and reported as not converged if it never turns).
const GRID_LOW = -4;
const GRID_HIGH = 4;
const GRID_STEP = 0.2;
const GRID_EXTEND_TO = 8;
// A pivot of X'X scaled to unit diagonal (1 − R² of a column on the earlier ones, after
// centring on the intercept) below this is treated as rank deficiency: past it the
// normal equations used here cannot be trusted for 6 digits.
const RANK_TOL = 1e-10;
// Eigenvalues of the variance-parameter Hessian at or below this fraction of the largest
// are dropped from its inverse, as lmerTest drops eigenvalues below 1e-8 (it uses an
// absolute bound on the (θ, σ) scale; a relative one on the scale-free (θ, log σ) does
// not depend on the units of y).
const HESSIAN_TOL = 1e-8;

/**
 * REML fit of y = Xβ + u[group] + ε as `lmerTest::lmer(y ~ X - 1 + (1 | group), REML = TRUE)`.
 *
 * X is n × p row-major with full column rank (include an intercept column if wanted; the
 * caller removes aliased columns); y has n values; group holds an integer id per row (any
 * integers, rows of a group need not be adjacent). Throws RangeError when lengths differ,
 * a value is not finite, an id is not an integer, n ≤ p, there are fewer than 2 groups,
 * X'X is (numerically) singular, or X fits y exactly.
 *
 * θ = σ_u / σ is found by evaluating the profiled criterion on a grid and then solving for
 * a zero of its derivative in the bracketing interval (Brent's zeroin), so the optimum is
 * located to rounding error rather than to an optimizer's tolerance.
 *
 * Boundary: when the criterion does not decrease as θ leaves 0 (its derivative in σ²_u at
 * 0 is ≥ 0), θ = 0 is taken exactly: groupVariance is 0 and the estimates are lm's, like
 * lme4's singular fit. When no group has more than one observation σ²_u and σ² cannot be
 * told apart (the criterion is flat in θ); θ = 0 is then taken too, so all variance is
 * residual and the fit is lm's (lme4 refuses such data unless its checks are switched off,
 * and then stops wherever its optimizer happens to).
 *
 * `converged` is false only when the criterion still falls at θ = 10⁸ (σ² vanishing next to
 * σ²_u) or XᵀH⁻¹X cannot be factored at the optimum; the fit is then the best point found.
 * Contrast p values use the t distribution at full double precision (tTwoSidedP); the df
 * is Infinity (normal p) only if the contrast's variance does not move with the variance
 * parameters, which a non-zero L cannot do at a proper fit.
 *
 * @example fitRandomIntercept(X, y, ids).contrast([0, 1, 0, 0, 1]) // arm effect at wave 2
 */
export function fitRandomIntercept(X: readonly (readonly number[])[], y: readonly number[], group: readonly number[]): RandomInterceptFit {
  const n = X.length;
  const p = n > 0 ? X[0]!.length : 0;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    if (row.length !== p) throw new RangeError(`fitRandomIntercept: row ${i + 1} of X has ${row.length} values, row 1 has ${p}`);
    for (let j = 0; j < p; j++) x[i * p + j] = row[j]!;
  }
  return fitRandomInterceptRows(x, p, Float64Array.from(y), group);
}

/**
 * fitRandomIntercept on flat storage: X row-major in `x` (n × p, entry (i, j) at i·p + j),
 * y and the group ids of its n rows. Neither array is changed. Same model, checks and result.
 */
export function fitRandomInterceptRows(x: Float64Array, p: number, y: Float64Array, group: ArrayLike<number>): RandomInterceptFit {
  if (x.length !== y.length * p) throw new RangeError(`fitRandomIntercept: X has ${p > 0 ? x.length / p : x.length} rows but y has ${y.length} values`);
  return fitRandomInterceptBy((i, out) => {
    for (let j = 0; j < p; j++) out[j] = x[i * p + j]!;
  }, y.length, p, y, group);
}

/**
 * fitRandomIntercept with X given row by row: `rowAt(i, out)` writes row i (p values) into
 * `out`, and is called a few times per row, so a large X built from smaller parts (a
 * participant's columns and a wave's) never has to be stored whole. Same model, checks and
 * result.
 */
export function fitRandomInterceptBy(rowAt: DesignRows, n: number, p: number, y: Float64Array, group: ArrayLike<number>): RandomInterceptFit {
  const data = groupData(rowAt, n, p, y, group);
  const { nGroups } = data;

  const xtx = data.wxx.map((row) => row.slice());
  for (let c = 0; c < data.classSize.length; c++) addMatrix(xtx, data.classXx, c * p * p, p, data.classSize[c]!);
  if (scaledFactor(xtx, RANK_TOL) === null) throw new RangeError("fitRandomIntercept: X'X is singular (a column of X is, or nearly is, a combination of the others)");

  const atZero = profileAt(data, 0);
  if (atZero === null) throw new RangeError("fitRandomIntercept: X'X is singular");
  if (!(atZero.pwrss > 0)) throw new RangeError('fitRandomIntercept: X fits y exactly, so there is no residual variance to split');

  let maxSize = 0;
  for (let g = 0; g < nGroups; g++) maxSize = Math.max(maxSize, data.size[g]!);
  const { point, converged } = maxSize < 2 ? { point: atZero, converged: true } : optimizeTheta(data, atZero);

  const s = point.pwrss / (n - p);
  const aInv = scaledInverse(point.factor);
  let vcov = aInv.map((row) => row.map((v) => s * v));
  const sat = satterthwaiteSetup(data, point, vcov, s);
  // Back from the centred parameterisation to X's own: β = Tβ̃ and C = T C̃ Tᵀ, T = I − e_c shiftᵀ.
  const beta = point.beta.slice();
  if (data.intercept >= 0) {
    for (let j = 0; j < p; j++) beta[data.intercept]! -= data.shift[j]! * point.beta[j]!;
    vcov = uncentre(vcov, data.intercept, data.shift);
    sat.jacobian = sat.jacobian.map((m) => uncentre(m, data.intercept, data.shift));
  }

  return {
    coefficients: beta.slice(),
    vcov: vcov.map((row) => row.slice()),
    groupVariance: point.theta * point.theta * s,
    residualVariance: s,
    remlCriterion: point.deviance,
    nObservations: n,
    nGroups,
    converged,
    contrast(L) {
      if (L.length !== p) throw new RangeError(`contrast: L has ${L.length} entries but the model has ${p} coefficients`);
      if (!L.every(Number.isFinite)) throw new RangeError('contrast: L has a non-finite entry');
      if (L.every((v) => v === 0)) throw new RangeError('contrast: L is all zeros');
      let estimate = 0;
      for (let j = 0; j < p; j++) estimate += L[j]! * beta[j]!;
      const variance = quadForm(L, vcov);
      const grad = sat.jacobian.map((m) => quadForm(L, m));
      const denom = quadForm(grad, sat.paramCov);
      // A contrast whose variance does not move with the variance parameters has no
      // estimation error in its variance: infinite df (the normal limit).
      const df = denom > 0 ? (2 * variance * variance) / denom : Infinity;
      const se = Math.sqrt(variance);
      const statistic = estimate / se;
      const pValue = Number.isFinite(df) ? tTwoSidedP(statistic, df) : 2 * (jStat.normal.cdf(-Math.abs(statistic), 0, 1) as number);
      return { estimate, se, df, statistic, p: pValue };
    },
  };
}

/** Row i of X (p values) written into `out`: how groupData reads X, so that X need not exist as one n × p array. */
export type DesignRows = (i: number, out: Float64Array) => void;

/** Validates the input and reduces it to group sizes, group means, within-group deviations and size-class sums. */
function groupData(rowAt: DesignRows, n: number, p: number, y: Float64Array, group: ArrayLike<number>): Grouped {
  if (y.length !== n) throw new RangeError(`fitRandomIntercept: X has ${n} rows but y has ${y.length} values`);
  if (group.length !== n) throw new RangeError(`fitRandomIntercept: X has ${n} rows but group has ${group.length} ids`);
  if (p === 0) throw new RangeError('fitRandomIntercept: X has no columns');
  if (n <= p) throw new RangeError(`fitRandomIntercept: ${n} observations cannot estimate ${p} coefficients and the variances`);

  let minId = Infinity;
  let maxId = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`fitRandomIntercept: y[${i + 1}] is ${y[i]}, not a finite number`);
    const id = group[i]!;
    if (!Number.isInteger(id)) throw new RangeError(`fitRandomIntercept: group[${i + 1}] is ${id}, not an integer id`);
    if (id < minId) minId = id;
    if (id > maxId) maxId = id;
  }
  // Groups numbered in order of first appearance; ids in a compact range are looked up in an array.
  const groupOf = new Int32Array(n);
  let nGroups = 0;
  if (n > 0 && maxId - minId < 4 * n + 1024) {
    const slot = new Int32Array(maxId - minId + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const at = group[i]! - minId;
      if (slot[at] === -1) slot[at] = nGroups++;
      groupOf[i] = slot[at]!;
    }
  } else {
    const index = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      let g = index.get(group[i]!);
      if (g === undefined) {
        g = index.size;
        index.set(group[i]!, g);
      }
      groupOf[i] = g;
    }
    nGroups = index.size;
  }
  if (nGroups < 2) throw new RangeError('fitRandomIntercept: a random intercept needs at least 2 groups');

  // First pass over X: finiteness, column sums, which columns are constant overall (an
  // intercept) and which vary within some group; xBar holds each group's first row meanwhile.
  const row = new Float64Array(p);
  const first = new Float64Array(p);
  const xBar = new Float64Array(nGroups * p);
  const seen = new Uint8Array(nGroups);
  const size = new Float64Array(nGroups);
  const yBar = new Float64Array(nGroups);
  const sums = new Float64Array(p);
  const constant = new Uint8Array(p).fill(1);
  const varies = new Uint8Array(p);
  for (let i = 0; i < n; i++) {
    rowAt(i, row);
    for (let j = 0; j < p; j++) if (!Number.isFinite(row[j])) throw new RangeError(`fitRandomIntercept: X[${i + 1}][${j + 1}] is ${row[j]}, not a finite number`);
    if (i === 0) first.set(row);
    const g = groupOf[i]!;
    size[g]! += 1;
    yBar[g]! += y[i]!;
    if (!seen[g]) {
      seen[g] = 1;
      for (let j = 0; j < p; j++) xBar[g * p + j] = row[j]!;
    }
    for (let j = 0; j < p; j++) {
      const v = row[j]!;
      sums[j]! += v;
      if (v !== first[j]) constant[j] = 0;
      if (v !== xBar[g * p + j]) varies[j] = 1;
    }
  }

  // With an intercept column c, the fit runs on X̃_j = X_j − (mean_j / x_c) X_c, the other
  // columns centred: the same model reparameterised (β̃_c = β_c + Σ shift_j β_j), but a
  // covariate far from 0 (a year, an income) no longer makes the normal equations nearly
  // singular, which costs digits as the square of X's condition number.
  let intercept = -1;
  for (let j = 0; j < p && intercept < 0; j++) if (constant[j] && first[j] !== 0) intercept = j;
  const shift = new Array<number>(p).fill(0);
  if (intercept >= 0) for (let j = 0; j < p; j++) if (j !== intercept) shift[j] = sums[j]! / n / first[intercept]!;
  const centre = (out: Float64Array) => {
    if (intercept < 0) return;
    const c = out[intercept]!;
    for (let j = 0; j < p; j++) out[j] = out[j]! - shift[j]! * c;
  };

  // Columns constant within every group (in a trial: arm, baseline, covariates) have no
  // within-group part at all: their group mean is the first row's value, and only the
  // others (the wave's) are kept row by row.
  const within = Int32Array.from({ length: p }, (_, j) => j).filter((j) => varies[j] === 1);
  const pw = within.length;
  for (let g = 0; g < nGroups; g++) {
    yBar[g] = yBar[g]! / size[g]!;
    const at = g * p;
    if (intercept >= 0) {
      const c = xBar[at + intercept]!;
      for (let j = 0; j < p; j++) xBar[at + j] = xBar[at + j]! - shift[j]! * c;
    }
    for (let a = 0; a < pw; a++) xBar[at + within[a]!] = 0;
  }
  for (let i = 0; i < n; i++) {
    rowAt(i, row);
    centre(row);
    const g = groupOf[i]!;
    for (let a = 0; a < pw; a++) {
      const j = within[a]!;
      xBar[g * p + j]! += row[j]! / size[g]!;
    }
  }
  // Deviations from group means are formed once, so the within-group parts of every
  // cross-product are sums of squares rather than differences of large sums.
  const xWithin = new Float64Array(n * pw);
  const yWithin = new Float64Array(n);
  const wxx: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const wxy = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    const dy = y[i]! - yBar[g]!;
    yWithin[i] = dy;
    if (pw === 0) continue;
    rowAt(i, row);
    centre(row);
    for (let a = 0; a < pw; a++) xWithin[i * pw + a] = row[within[a]!]! - xBar[g * p + within[a]!]!;
    for (let a = 0; a < pw; a++) {
      const j = within[a]!;
      const dj = xWithin[i * pw + a]!;
      if (dj === 0) continue;
      wxy[j]! += dj * dy;
      const wrow = wxx[j]!;
      for (let b = 0; b <= a; b++) wrow[within[b]!]! += dj * xWithin[i * pw + b]!;
    }
  }

  // Size classes: H's eigenvalue on a group mean depends on the group's size alone.
  const classIndex = new Map<number, number>();
  const classOf = new Int32Array(nGroups);
  for (let g = 0; g < nGroups; g++) {
    let c = classIndex.get(size[g]!);
    if (c === undefined) {
      c = classIndex.size;
      classIndex.set(size[g]!, c);
    }
    classOf[g] = c;
  }
  const nClasses = classIndex.size;
  const classSize = new Float64Array(nClasses);
  for (const [k, c] of classIndex) classSize[c] = k;
  const classCount = new Float64Array(nClasses);
  const classXx = new Float64Array(nClasses * p * p);
  for (let g = 0; g < nGroups; g++) {
    const c = classOf[g]!;
    classCount[c]! += 1;
    const base = c * p * p;
    for (let i = 0; i < p; i++) {
      const xi = xBar[g * p + i]!;
      if (xi === 0) continue;
      for (let j = 0; j <= i; j++) classXx[base + i * p + j]! += xi * xBar[g * p + j]!;
    }
  }
  for (let c = 0; c < nClasses; c++) {
    const base = c * p * p;
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) classXx[base + j * p + i] = classXx[base + i * p + j]!;
  }
  return { n, p, nGroups, size, xBar, yBar, within, xWithin, yWithin, wxx, wxy, intercept, shift, classSize, classCount, classOf, classXx };
}

/** The reference fit's residuals, reduced by size class (see Reference). */
function referenceAt(d: Grouped, pt: ProfilePoint): Reference {
  const { n, p, nGroups } = d;
  const wxe = new Array<number>(p).fill(0);
  let wee = 0;
  for (let i = 0; i < n; i++) {
    const r = pt.residualWithin[i]!;
    wee += r * r;
    for (let a = 0, pw = d.within.length; a < pw; a++) wxe[d.within[a]!]! += d.xWithin[i * pw + a]! * r;
  }
  const classXe = new Float64Array(d.classSize.length * p);
  const classEe = new Float64Array(d.classSize.length);
  for (let g = 0; g < nGroups; g++) {
    const c = d.classOf[g]!;
    const e = pt.residualMean[g]!;
    classEe[c]! += e * e;
    for (let j = 0; j < p; j++) classXe[c * p + j]! += d.xBar[g * p + j]! * e;
  }
  return { beta: pt.beta.slice(), wxe, wee, classXe, classEe };
}

/** a += c · M on the lower triangle, M = m[offset … offset + p²) (full, row-major). */
function addMatrix(a: number[][], m: Float64Array, offset: number, p: number, c: number): void {
  for (let i = 0; i < p; i++) {
    const row = a[i]!;
    for (let j = 0; j <= i; j++) row[j]! += c * m[offset + i * p + j]!;
  }
}

/** vᵀMv for M = m[offset … offset + p²) (full, row-major). */
function flatQuadForm(v: readonly number[], m: Float64Array, offset: number, p: number): number {
  let s = 0;
  for (let i = 0; i < p; i++) {
    let t = 0;
    for (let j = 0; j < p; j++) t += m[offset + i * p + j]! * v[j]!;
    s += v[i]! * t;
  }
  return s;
}

/**
 * The profiled REML criterion at θ from the size-class sums and the reference residuals
 * (Bates et al. 2015, eq. 42, as profileAt): β = β₀ + d with (XᵀH⁻¹X) d = XᵀH⁻¹e₀, and
 * r² = eWᵀeW − 2dᵀXWᵀeW + dᵀXWᵀXW d + Σ_groups kλ(ē − x̄ᵀd)². O(S p² + p³). Null when XᵀH⁻¹X
 * cannot be factored.
 */
function fastProfileAt(d: Grouped, ref: Reference, theta: number): FastPoint | null {
  const { n, p } = d;
  const nClasses = d.classSize.length;
  const t2 = theta * theta;
  const a = d.wxx.map((row) => row.slice());
  const rhs = ref.wxe.slice();
  const weight = new Float64Array(nClasses);
  let logDetH = 0;
  for (let c = 0; c < nClasses; c++) {
    const k = d.classSize[c]!;
    const w = k / (1 + k * t2);
    weight[c] = w;
    logDetH += d.classCount[c]! * Math.log1p(k * t2);
    addMatrix(a, d.classXx, c * p * p, p, w);
    for (let j = 0; j < p; j++) rhs[j]! += w * ref.classXe[c * p + j]!;
  }
  const factor = scaledFactor(a, 1e-14);
  if (factor === null) return null;
  const delta = scaledSolve(factor, rhs);
  let within = ref.wee;
  for (let j = 0; j < p; j++) within -= 2 * delta[j]! * ref.wxe[j]!;
  within += quadFormLower(delta, d.wxx);
  let between = 0;
  for (let c = 0; c < nClasses; c++) {
    let cross = 0;
    for (let j = 0; j < p; j++) cross += delta[j]! * ref.classXe[c * p + j]!;
    between += weight[c]! * (ref.classEe[c]! - 2 * cross + flatQuadForm(delta, d.classXx, c * p * p, p));
  }
  const pwrss = within + between;
  if (!(pwrss > 0)) return null;
  const deviance = logDetH + scaledLogDet(factor) + (n - p) * (1 + Math.log((2 * Math.PI * pwrss) / (n - p)));
  return { theta, deviance, factor, d: delta, pwrss, weight };
}

/** slopeAt from the size-class sums: Σ_c w_c count_c − Σ_c w_c² tr(A⁻¹M_c) − Σ_c w_c² Σ_g r̄_g² / σ̂². */
function fastSlopeAt(d: Grouped, ref: Reference, pt: FastPoint): number {
  const { p } = d;
  const s = pt.pwrss / (d.n - p);
  const aInv = scaledInverse(pt.factor);
  let trace = 0;
  let quad = 0;
  for (let c = 0; c < d.classSize.length; c++) {
    const w = pt.weight[c]!;
    const base = c * p * p;
    let tr = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) tr += aInv[i]![j]! * d.classXx[base + j * p + i]!;
    trace += w * d.classCount[c]! - w * w * tr;
    let cross = 0;
    for (let j = 0; j < p; j++) cross += pt.d[j]! * ref.classXe[c * p + j]!;
    const rr = ref.classEe[c]! - 2 * cross + flatQuadForm(pt.d, d.classXx, base, p);
    quad += w * w * rr;
  }
  return trace - quad / s;
}

/** vᵀAv for a symmetric A of which only the lower triangle is filled. */
function quadFormLower(v: readonly number[], a: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const row = a[i]!;
    s += v[i]! * v[i]! * row[i]!;
    for (let j = 0; j < i; j++) s += 2 * v[i]! * v[j]! * row[j]!;
  }
  return s;
}

/** T M Tᵀ for T = I − e_c shiftᵀ: a covariance (or its derivative) in the centred parameterisation taken back to X's. */
function uncentre(m: readonly (readonly number[])[], c: number, shift: readonly number[]): number[][] {
  const out = m.map((row) => row.slice());
  for (let j = 0; j < out.length; j++) {
    let t = 0;
    for (let k = 0; k < out.length; k++) t += shift[k]! * m[k]![j]!;
    out[c]![j] = out[c]![j]! - t;
  }
  const rows = out.map((row) => row.slice());
  for (let i = 0; i < out.length; i++) {
    let t = 0;
    for (let k = 0; k < out.length; k++) t += shift[k]! * rows[i]![k]!;
    out[i]![c] = rows[i]![c]! - t;
  }
  return out;
}

/**
 * Cholesky factor of the symmetric matrix `a` (lower triangle read) after scaling it to unit
 * diagonal, so that the pivot test reads as 1 − R² whatever the units of X's columns.
 */
function scaledFactor(a: readonly (readonly number[])[], relTol: number): ScaledFactor | null {
  const k = a.length;
  const scale = Array.from({ length: k }, (_, i) => Math.sqrt(a[i]![i]!));
  if (!scale.every((v) => v > 0 && Number.isFinite(v))) return null;
  const s = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (j <= i ? a[i]![j]! / (scale[i]! * scale[j]!) : 0)));
  const l = choleskyFactor(s, relTol);
  return l === null ? null : { l, scale };
}

function scaledSolve(f: ScaledFactor, b: readonly number[]): number[] {
  const x = choleskySolve(f.l, b.map((v, i) => v / f.scale[i]!));
  return x.map((v, i) => v / f.scale[i]!);
}

function scaledInverse(f: ScaledFactor): number[][] {
  return choleskyInverse(f.l).map((row, i) => row.map((v, j) => v / (f.scale[i]! * f.scale[j]!)));
}

function scaledLogDet(f: ScaledFactor): number {
  let s = choleskyLogDet(f.l);
  for (const v of f.scale) s += 2 * Math.log(v);
  return s;
}

/** vᵀA⁻¹v for v = x[offset … offset + p), as the squared length of L⁻¹v (forward substitution only). */
function inverseQuadForm(f: ScaledFactor, x: Float64Array, offset: number, work: Float64Array): number {
  const { l, scale } = f;
  let sum = 0;
  for (let i = 0; i < l.length; i++) {
    const li = l[i]!;
    let s = x[offset + i]! / scale[i]!;
    for (let m = 0; m < i; m++) s -= li[m]! * work[m]!;
    const z = s / li[i]!;
    work[i] = z;
    sum += z * z;
  }
  return sum;
}

/**
 * The REML criterion profiled over β and σ² at θ (Bates et al. 2015, eq. 42):
 * log|H| + log|XᵀH⁻¹X| + (n − p)(1 + log(2π r² / (n − p))), r² the penalised residual
 * sum of squares. Null when XᵀH⁻¹X cannot be factored (only at extreme θ).
 */
function profileAt(d: Grouped, theta: number): ProfilePoint | null {
  const { n, p, nGroups, size, xBar, yBar } = d;
  const t2 = theta * theta;
  const a = d.wxx.map((row) => row.slice());
  const b = d.wxy.slice();
  const lambda = new Float64Array(nGroups);
  let logDetH = 0;
  for (let c = 0; c < d.classSize.length; c++) {
    const k = d.classSize[c]!;
    addMatrix(a, d.classXx, c * p * p, p, k / (1 + k * t2));
  }
  for (let g = 0; g < nGroups; g++) {
    const k = size[g]!;
    const lam = 1 / (1 + k * t2);
    lambda[g] = lam;
    logDetH += Math.log1p(k * t2);
    const c = k * lam * yBar[g]!;
    for (let j = 0; j < p; j++) b[j] = b[j]! + c * xBar[g * p + j]!;
  }
  const factor = scaledFactor(a, 1e-14);
  if (factor === null) return null;
  const beta = scaledSolve(factor, b);
  // r² from the residuals themselves, not as yᵀH⁻¹y − bᵀβ, which cancels when the fit is good.
  const residualWithin = new Float64Array(n);
  let pwrss = 0;
  for (let i = 0; i < n; i++) {
    let r = d.yWithin[i]!;
    for (let a = 0, pw = d.within.length; a < pw; a++) r -= d.xWithin[i * pw + a]! * beta[d.within[a]!]!;
    residualWithin[i] = r;
    pwrss += r * r;
  }
  const residualMean = new Float64Array(nGroups);
  for (let g = 0; g < nGroups; g++) {
    let r = yBar[g]!;
    for (let j = 0; j < p; j++) r -= xBar[g * p + j]! * beta[j]!;
    residualMean[g] = r;
    pwrss += size[g]! * lambda[g]! * r * r;
  }
  const deviance = logDetH + scaledLogDet(factor) + (n - p) * (1 + Math.log((2 * Math.PI * pwrss) / (n - p)));
  return { theta, deviance, lambda, factor, beta, pwrss, residualWithin, residualMean };
}

/**
 * σ² × ∂(REML deviance)/∂σ²_u at the profiled σ², i.e. tr(P_H ZZᵀ) − e_HᵀZZᵀe_H / σ̂², with
 * P_H = H⁻¹ − H⁻¹X(XᵀH⁻¹X)⁻¹XᵀH⁻¹ and e_H = H⁻¹(y − Xβ̂). Its sign is that of the profiled
 * criterion's slope in θ (for θ > 0), and at θ = 0 it decides the boundary.
 */
function slopeAt(d: Grouped, pt: ProfilePoint): number {
  const { p, nGroups, size } = d;
  const s = pt.pwrss / (d.n - p);
  const work = new Float64Array(p);
  let trace = 0;
  let quad = 0;
  for (let g = 0; g < nGroups; g++) {
    const kl = size[g]! * pt.lambda[g]!;
    trace += kl * (1 - kl * inverseQuadForm(pt.factor, d.xBar, g * p, work));
    const e = kl * pt.residualMean[g]!;
    quad += e * e;
  }
  return trace - quad / s;
}

/**
 * Minimises the profiled criterion over θ ≥ 0: grid, then a zero of the slope in the bracket,
 * both on the size-class sums (fastProfileAt); the point returned is evaluated on the rows.
 */
function optimizeTheta(d: Grouped, atZero: ProfilePoint): { point: ProfilePoint; converged: boolean } {
  const ref = referenceAt(d, atZero);
  const zero = fastProfileAt(d, ref, 0);
  const exactAt = (theta: number, converged: boolean) => {
    const point = profileAt(d, theta);
    return point === null ? { point: atZero, converged: false } : { point, converged };
  };
  if (zero === null) return { point: atZero, converged: false };
  // At θ = 0 the rows' own criterion, so the boundary comparisons below see the exact value.
  const points: FastPoint[] = [{ ...zero, deviance: atZero.deviance }];
  const tryAt = (theta: number): FastPoint => fastProfileAt(d, ref, theta) ?? { ...zero, theta, deviance: Infinity };
  for (let e = GRID_LOW; e <= GRID_HIGH + 1e-9; e += GRID_STEP) points.push(tryAt(10 ** e));
  let best = 0;
  for (let j = 1; j < points.length; j++) if (points[j]!.deviance < points[best]!.deviance) best = j;
  // Still falling at the top of the grid: carry on upwards while it falls.
  if (best === points.length - 1) {
    for (let e = GRID_HIGH + GRID_STEP; e <= GRID_EXTEND_TO + 1e-9; e += GRID_STEP) {
      points.push(tryAt(10 ** e));
      if (points[points.length - 1]!.deviance >= points[best]!.deviance) break;
      best = points.length - 1;
    }
    if (best === points.length - 1) return exactAt(points[best]!.theta, false);
  }

  const slope = (theta: number): number => {
    const pt = fastProfileAt(d, ref, theta);
    return pt === null ? Infinity : fastSlopeAt(d, ref, pt);
  };
  let lo: number;
  let hi: number;
  if (best === 0) {
    // Not rising as θ leaves 0: the optimum is on the boundary, σ²_u = 0.
    if (slopeAt(d, atZero) >= 0) return { point: atZero, converged: true };
    lo = 0;
    hi = points[1]!.theta;
  } else {
    const mid = points[best]!.theta;
    const slopeMid = slope(mid);
    if (slopeMid === 0) return exactAt(mid, true);
    if (slopeMid > 0) {
      lo = points[best - 1]!.theta;
      hi = mid;
    } else {
      lo = mid;
      hi = points[best + 1]!.theta;
    }
  }
  const fLo = lo === 0 ? slopeAt(d, atZero) : slope(lo);
  const fHi = slope(hi);
  const theta = fLo < 0 && fHi > 0 ? zeroin(slope, lo, hi, fLo, fHi, 1e-14 * hi) : goldenSection(d, ref, points[Math.max(0, best - 1)]!.theta, points[best + 1]!.theta);
  const point = profileAt(d, theta);
  if (point === null) return exactAt(points[best]!.theta, false);
  // The boundary can still win if the bracket's interior minimum is not below it.
  if (atZero.deviance <= point.deviance && slopeAt(d, atZero) >= 0) return { point: atZero, converged: true };
  return { point, converged: true };
}

/** Brent's root finder (Brent 1973, Algorithms for Minimization without Derivatives, ch. 4) for f(a) < 0 < f(b). */
function zeroin(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tol: number): number {
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : Math.sign(xm) * tol1;
    fb = f(b);
  }
  return b;
}

/** Golden-section search on the criterion itself: the fallback when the slope does not bracket a zero. */
function goldenSection(d: Grouped, ref: Reference, lo: number, hi: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  const dev = (t: number) => fastProfileAt(d, ref, t)?.deviance ?? Infinity;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let f1 = dev(x1);
  let f2 = dev(x2);
  for (let iter = 0; iter < 200 && hi - lo > 1e-12 * hi; iter++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = dev(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = dev(x2);
    }
  }
  return (lo + hi) / 2;
}

/**
 * What every contrast's Satterthwaite df needs (Kuznetsova et al. 2017, eqs. 6–7): the
 * derivatives of C = cov(β̂) in the variance parameters, and their asymptotic covariance
 * 2 × (Hessian of the REML deviance)⁻¹.
 *
 * The derivatives are analytic in φ = (σ²_u, σ²), where V is linear:
 * ∂C/∂φᵢ = C XᵀV⁻¹VᵢV⁻¹X C, and the observed Hessian is
 * −tr(PVᵢPVⱼ) + 2 yᵀPVᵢPVⱼPy (V_σ²_u = ZZᵀ, V_σ² = I). Both are then carried by the chain
 * rule, including the gradient term, to η = (θ, log σ): lmerTest's (θ, σ) up to the
 * scale-free log σ, which leaves the df unchanged. Doing it on θ is what makes the boundary
 * come out as lmerTest's: at θ = 0, C does not move with θ (it depends on θ²), so only σ
 * counts and the df is n − p, as for lm.
 *
 * Every block operator met here is a polynomial in J, so it acts on a group by two
 * eigenvalues (one on within-group contrasts, one on the group mean) and all the n × n
 * traces and quadratic forms reduce to pooled within-group sums plus sums over groups.
 */
function satterthwaiteSetup(d: Grouped, pt: ProfilePoint, C: number[][], s: number): { jacobian: number[][][]; paramCov: number[][] } {
  const { n, p, nGroups, xBar } = d;
  const nClasses = d.classSize.length;
  const theta = pt.theta;
  const tau = theta * theta * s;
  const rm = pt.residualMean;
  const xr = new Array<number>(p).fill(0);
  let rr = 0;
  for (let i = 0; i < n; i++) {
    const r = pt.residualWithin[i]!;
    rr += r * r;
    for (let a = 0, pw = d.within.length; a < pw; a++) xr[d.within[a]!]! += d.xWithin[i * pw + a]! * r;
  }
  // The group-mean residuals summed by size class: Σ r̄_g x̄_g and Σ r̄_g².
  const classXr = new Float64Array(nClasses * p);
  const classRr = new Float64Array(nClasses);
  for (let g = 0; g < nGroups; g++) {
    const c = d.classOf[g]!;
    const r = rm[g]!;
    classRr[c]! += r * r;
    for (let j = 0; j < p; j++) classXr[c * p + j]! += r * xBar[g * p + j]!;
  }
  const lam = Array.from(d.classSize, (k) => 1 / (1 + k * theta * theta));
  // An operator acting as `within` on within-group contrasts and as mu(c) on the mean of a
  // group of size class c (its eigenvalues depend on the group's size alone).
  type Op = { within: number; mu: (c: number) => number };
  const xOx = (o: Op): number[][] => {
    const a = d.wxx.map((row) => row.map((v) => o.within * v));
    for (let c = 0; c < nClasses; c++) addMatrix(a, d.classXx, c * p * p, p, d.classSize[c]! * o.mu(c));
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) a[i]![j] = a[j]![i]!;
    return a;
  };
  const xOr = (o: Op): number[] => {
    const v = xr.map((x) => o.within * x);
    for (let c = 0; c < nClasses; c++) {
      const f = d.classSize[c]! * o.mu(c);
      for (let j = 0; j < p; j++) v[j] = v[j]! + f * classXr[c * p + j]!;
    }
    return v;
  };
  const rOr = (o: Op): number => {
    let v = o.within * rr;
    for (let c = 0; c < nClasses; c++) v += d.classSize[c]! * o.mu(c) * classRr[c]!;
    return v;
  };
  const trace = (o: Op): number => {
    let v = o.within * (n - nGroups);
    for (let c = 0; c < nClasses; c++) v += d.classCount[c]! * o.mu(c);
    return v;
  };
  // Index 0 is σ²_u (Vᵢ = ZZᵀ: eigenvalues 0 and k), index 1 is σ² (Vᵢ = I: 1 and 1).
  // V⁻¹ has eigenvalues 1/σ² and λ/σ²; products multiply eigenvalues.
  const kPow = (i: number, j: number, c: number) => d.classSize[c]! ** ((i === 0 ? 1 : 0) + (j === 0 ? 1 : 0));
  const w = (i: number, j: number) => (i === 1 && j === 1 ? 1 : 0);
  const vi = [0, 1].map((i): Op => ({ within: w(i, 1) / s, mu: (c) => (kPow(i, 1, c) * lam[c]!) / s }));
  const viv = [0, 1].map((i): Op => ({ within: w(i, 1) / s ** 2, mu: (c) => (kPow(i, 1, c) * lam[c]! ** 2) / s ** 2 }));
  const vivj = (i: number, j: number): Op => ({ within: w(i, j) / s ** 2, mu: (c) => (kPow(i, j, c) * lam[c]! ** 2) / s ** 2 });
  const vivjv = (i: number, j: number): Op => ({ within: w(i, j) / s ** 3, mu: (c) => (kPow(i, j, c) * lam[c]! ** 3) / s ** 3 });

  const K = viv.map(xOx);
  const q = viv.map(xOr);
  const CKC = K.map((k) => matMul(matMul(C, k), C));
  const grad = [0, 1].map((i) => trace(vi[i]!) - traceProduct(C, K[i]!) - rOr(viv[i]!));
  const hess = [0, 1].map((i) =>
    [0, 1].map((j) => {
      const trPVPV = trace(vivj(i, j)) - 2 * traceProduct(C, xOx(vivjv(i, j))) + traceProduct(matMul(C, K[i]!), matMul(C, K[j]!));
      return -trPVPV + 2 * (rOr(vivjv(i, j)) - bilinear(q[i]!, C, q[j]!));
    }),
  );

  // η = (θ, ℓ = log σ): σ²_u = θ² e^{2ℓ}, σ² = e^{2ℓ}. jac[a][b] = ∂φ_a/∂η_b.
  const jac = [
    [2 * theta * s, 2 * tau],
    [0, 2 * s],
  ];
  const second = [
    [
      [2 * s, 4 * theta * s],
      [4 * theta * s, 4 * tau],
    ],
    [
      [0, 0],
      [0, 4 * s],
    ],
  ];
  const hEta = [0, 1].map((a) =>
    [0, 1].map((b) => {
      let v = grad[0]! * second[0]![a]![b]! + grad[1]! * second[1]![a]![b]!;
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) v += jac[i]![a]! * hess[i]![j]! * jac[j]![b]!;
      return v;
    }),
  );
  const jacobian = [0, 1].map((b) => CKC[0]!.map((row, r) => row.map((v, c) => jac[0]![b]! * v + jac[1]![b]! * CKC[1]![r]![c]!)));
  return { jacobian, paramCov: pseudoInverse2(hEta).map((row) => row.map((v) => 2 * v)) };
}

/** Moore–Penrose inverse of a symmetric 2 × 2 matrix over its clearly positive eigenvalues, as lmerTest's. */
function pseudoInverse2(h: number[][]): number[][] {
  const a = h[0]![0]!;
  const b = 0.5 * (h[0]![1]! + h[1]![0]!);
  const c = h[1]![1]!;
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  const values = [mean + radius, mean - radius];
  // Eigenvector of the larger eigenvalue, from whichever row is better conditioned.
  let v: [number, number];
  if (radius === 0) v = [1, 0];
  else if (a >= c) v = [values[0]! - c, b];
  else v = [b, values[0]! - a];
  const norm = Math.hypot(v[0], v[1]);
  const vectors: [number, number][] = [
    [v[0] / norm, v[1] / norm],
    [-v[1] / norm, v[0] / norm],
  ];
  const top = Math.max(Math.abs(values[0]!), Math.abs(values[1]!));
  const out = [
    [0, 0],
    [0, 0],
  ];
  for (let k = 0; k < 2; k++) {
    const value = values[k]!;
    if (!(value > HESSIAN_TOL * top)) continue;
    const u = vectors[k]!;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) out[i]![j] = out[i]![j]! + (u[i]! * u[j]!) / value;
  }
  return out;
}

function matMul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = b.length;
  const q = b[0]!.length;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(q).fill(0));
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    const oi = out[i]!;
    for (let k = 0; k < m; k++) {
      const v = ai[k]!;
      const bk = b[k]!;
      for (let j = 0; j < q; j++) oi[j] = oi[j]! + v * bk[j]!;
    }
  }
  return out;
}

/** tr(AB) for p × p matrices. */
function traceProduct(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) s += a[i]![j]! * b[j]![i]!;
  return s;
}

function bilinear(u: readonly number[], a: readonly (readonly number[])[], v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) for (let j = 0; j < v.length; j++) s += u[i]! * a[i]![j]! * v[j]!;
  return s;
}

function quadForm(u: readonly number[], a: readonly (readonly number[])[]): number {
  return bilinear(u, a, u);
}
