/**
 * Maximum likelihood logistic regression for a binary outcome, fitted as R's
 * `glm(y ~ …, family = binomial)` fits it (iteratively reweighted least squares, i.e.
 * Fisher scoring; McCullagh & Nelder 1989, Generalized Linear Models, 2nd ed., §2.5 and
 * §4.4), with a check for separation, Wald intervals and likelihood-ratio tests.
 */
import jStat from 'jstat';
import { choleskyFactor, choleskyInverse, choleskySolve } from './cholesky-factor.ts';
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

/** dμ/dη as R's binomial()$mu.eta (C logit_mu_eta): DBL_EPSILON beyond ±30. */
function muEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < MTHRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
}

/** Binomial deviance residual for one 0/1 outcome, as R's binomial()$dev.resids. */
function devResid(y: number, mu: number): number {
  return y === 1 ? -2 * Math.log(mu) : -2 * Math.log(1 - mu);
}

function deviance(y: readonly number[], mu: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += devResid(y[i]!, mu[i]!);
  return s;
}

function multiply(x: Matrix, beta: readonly number[]): number[] {
  return x.map((row) => {
    let s = 0;
    for (let j = 0; j < beta.length; j++) s += row[j]! * beta[j]!;
    return s;
  });
}

/** XᵀWX and XᵀWz for weights w (squared working weights). */
function weightedCross(x: Matrix, w: readonly number[], z: readonly number[] | null): { xtwx: number[][]; xtwz: number[] } {
  const k = x[0]?.length ?? 0;
  const xtwx: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xtwz = new Array<number>(k).fill(0);
  for (let i = 0; i < x.length; i++) {
    const row = x[i]!;
    const wi = w[i]!;
    for (let a = 0; a < k; a++) {
      const wa = wi * row[a]!;
      if (z) xtwz[a] = xtwz[a]! + wa * z[i]!;
      const ra = xtwx[a]!;
      for (let b = 0; b <= a; b++) ra[b] = ra[b]! + wa * row[b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) xtwx[a]![b] = xtwx[b]![a]!;
  return { xtwx, xtwz };
}

/** One Fisher scoring (IRLS) step from η, as in R's glm.fit: returns β, the squared working weights used, and XᵀWX's factor. */
function irlsStep(x: Matrix, y: readonly number[], eta: readonly number[]) {
  const n = y.length;
  const z = new Array<number>(n);
  const w = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const mu = expit(eta[i]!);
    const me = muEta(eta[i]!);
    z[i] = eta[i]! + (y[i]! - mu) / me;
    w[i] = (me * me) / (mu * (1 - mu));
  }
  const { xtwx, xtwz } = weightedCross(x, w, z);
  const l = choleskyFactor(xtwx);
  if (!l) return null;
  return { beta: choleskySolve(l, xtwz), weights: w, factor: l };
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

/** Number of further Fisher scoring steps of the divergence check. */
const DIVERGENCE_STEPS = 5;
/** Change of a linear predictor over those steps (log-odds units) that counts as diverging. */
const DIVERGENCE_THRESHOLD = 1;

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
 *    them by about 5. The gap between the two makes the threshold uncritical;
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

  let eta = y.map((v) => Math.log((v + 0.5) / 2 / (1 - (v + 0.5) / 2)));
  let mu = eta.map(expit);
  let devOld = deviance(y, mu);
  let beta = new Array<number>(k).fill(0);
  let lastFactor: number[][] | null = null;
  let converged = false;
  let iterations = 0;
  let singular = false;
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    const step = irlsStep(x, y, eta);
    if (!step) {
      singular = true;
      break;
    }
    let newBeta = step.beta;
    let newEta = multiply(x, newBeta);
    let newMu = newEta.map(expit);
    let dev = deviance(y, newMu);
    // R halves the step towards the previous coefficients while the deviance is not finite
    for (let halvings = 0; !Number.isFinite(dev) && halvings < 100 && lastFactor; halvings++) {
      newBeta = newBeta.map((b, j) => (b + beta[j]!) / 2);
      newEta = multiply(x, newBeta);
      newMu = newEta.map(expit);
      dev = deviance(y, newMu);
    }
    beta = newBeta;
    eta = newEta;
    mu = newMu;
    lastFactor = step.factor;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      devOld = dev;
      break;
    }
    devOld = dev;
  }

  let covariance: number[][];
  if (lastFactor) covariance = choleskyInverse(lastFactor);
  else {
    // singular at the first step: cannot happen for a full-rank X with weights ¼ at the start
    covariance = Array.from({ length: k }, () => new Array<number>(k).fill(Infinity));
  }

  // Separation check
  let separationSign: SeparationSign | null = null;
  const eps10 = 10 * DBL_EPSILON;
  if (singular) separationSign = 'singular_information';
  else if (mu.some((m) => m < eps10 || m > 1 - eps10)) separationSign = 'fitted_0_or_1';
  else {
    let probe = eta;
    for (let s = 0; s < DIVERGENCE_STEPS; s++) {
      const step = irlsStep(x, y, probe);
      if (!step) {
        separationSign = 'singular_information';
        break;
      }
      probe = multiply(x, step.beta);
    }
    if (separationSign === null && probe.some((e, i) => Math.abs(e - eta[i]!) > DIVERGENCE_THRESHOLD)) separationSign = 'diverging';
  }

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
    coefficients: beta,
    se: covariance.map((row, j) => Math.sqrt(row[j]!)),
    covariance,
    deviance: devOld,
    nullDeviance,
    logLik: -devOld / 2,
    fitted: mu,
    linearPredictor: eta,
    iterations,
    converged,
    separation: separationSign !== null,
    separationSign,
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
