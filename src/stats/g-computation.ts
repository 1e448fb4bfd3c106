/**
 * Covariate-adjusted risk difference by g-computation (standardization over the trial
 * sample) from a logistic regression, with a seeded bootstrap percentile interval.
 * Snowden, Rose & Mortimer 2011, Am J Epidemiol 173:731–738; Austin 2010, Stat Med
 * 29:2137 ("absolute risk reductions from logistic regression"); for trials, FDA 2023
 * guidance "Adjusting for Covariates in Randomized Clinical Trials for Drugs and Biological
 * Products" and Benkeser et al. 2021, Biometrics 77:1467.
 */
import { createRng } from '../random/rng.ts';
import { percentileInterval } from './bootstrap.ts';
import { findAliasedColumns } from './design-matrix.ts';
import { fitFirth, fitFirthRows, type FirthFit } from './firth.ts';
import { choleskyFactorFlat } from './cholesky-factor.ts';
import { expit, fitLogistic, fittedProbabilities, irlsFit, IrlsWorkspace, meanProbability, sparseRows, type IrlsResult, type LogisticFit, type Matrix, type SparseRows } from './logistic-regression.ts';

/**
 * The model matrix of the participants with everyone set to the intervention (`treated`)
 * and with everyone set to control (`control`); same rows and columns as X. For a model
 * with an arm × subgroup interaction get them from DesignMatrix.counterfactual, which
 * recomputes the interaction columns; for a model where the arm is one 0/1 column,
 * counterfactualsFromColumn suffices.
 */
export interface Counterfactuals {
  readonly treated: Matrix;
  readonly control: Matrix;
}

/** X with column `column` set to 1 (treated) and to 0 (control) for everyone. Only right when no other column depends on the arm (no interaction). */
export function counterfactualsFromColumn(x: Matrix, column: number): Counterfactuals {
  if (!x.every((row) => row[column] === 0 || row[column] === 1)) throw new RangeError(`counterfactualsFromColumn: column ${column} must be a 0/1 arm indicator`);
  const set = (v: number) => x.map((row) => row.map((e, j) => (j === column ? v : e)));
  return { treated: set(1), control: set(0) };
}

/** The g-computation estimate. Risks are proportions (0–1); the difference is in proportion units (× 100 for percentage points). */
export interface StandardizedRiskDifference {
  /** Mean predicted probability with everyone in the intervention arm. */
  readonly riskTreated: number;
  /** Mean predicted probability with everyone in the control arm. */
  readonly riskControl: number;
  /** riskTreated − riskControl. */
  readonly difference: number;
  /** The model behind it: 'ml', 'firth', or 'none' when all outcomes are equal and no model is needed. */
  readonly method: 'ml' | 'firth' | 'none';
  /** The maximum likelihood fit separated (only for method 'ml'; its fitted probabilities are then at their limits). */
  readonly separation: boolean;
  /** 'no_events' / 'all_events' when every outcome is 0 / 1: both risks are then 0 / 1 and the difference 0 exactly. */
  readonly note: 'no_events' | 'all_events' | null;
}

function meanPrediction(x: Matrix, beta: readonly number[]): number {
  let s = 0;
  for (const row of x) {
    let eta = 0;
    for (let j = 0; j < beta.length; j++) eta += row[j]! * beta[j]!;
    s += expit(eta);
  }
  return s / x.length;
}

function resolveCounterfactuals(x: Matrix, arm: number | Counterfactuals): Counterfactuals {
  const cf = typeof arm === 'number' ? counterfactualsFromColumn(x, arm) : arm;
  if (cf.treated.length !== x.length || cf.control.length !== x.length) throw new RangeError('standardizedRiskDifference: counterfactual matrices must have the rows of X');
  return cf;
}

function allEqualNote(y: readonly number[]): 'no_events' | 'all_events' | null {
  if (y.every((v) => v === 0)) return 'no_events';
  if (y.every((v) => v === 1)) return 'all_events';
  return null;
}

/**
 * Standardized (marginal) risk difference by g-computation: with β̂ from the logistic
 * model fitted to everyone,
 *
 *   risk₁ = (1/n) Σ_i expit(x_i⁽¹⁾ᵀ β̂),   risk₀ = (1/n) Σ_i expit(x_i⁽⁰⁾ᵀ β̂),   RD = risk₁ − risk₀,
 *
 * x_i⁽¹⁾ / x_i⁽⁰⁾ participant i's covariates with the arm set to intervention / control,
 * as R's `mean(predict(fit, within(d, arm <- "IPS"), type = "response")) −
 * mean(predict(fit, within(d, arm <- "TVR"), type = "response"))`. Averaging over the
 * whole sample targets the population-average effect of the trial population, which the
 * conditional odds ratio does not (non-collapsibility).
 *
 * `arm` is the index of a 0/1 arm column of X (model without interaction) or the two
 * counterfactual matrices. `fit` is the fit to use (ML or Firth, to X and y); without it
 * fitLogistic(X, y) is fitted. When every outcome is 0 (or 1) the risks are 0 (or 1) and
 * the difference exactly 0, with a note, whatever the model would say near its limit.
 */
export function standardizedRiskDifference(x: Matrix, y: readonly number[], arm: number | Counterfactuals, fit?: LogisticFit | FirthFit): StandardizedRiskDifference {
  if (x.length !== y.length) throw new RangeError('standardizedRiskDifference: X and y differ in length');
  if (x.length === 0) throw new RangeError('standardizedRiskDifference: no observations');
  const cf = resolveCounterfactuals(x, arm);
  const note = allEqualNote(y);
  if (note !== null) {
    const r = note === 'no_events' ? 0 : 1;
    return { riskTreated: r, riskControl: r, difference: 0, method: 'none', separation: false, note };
  }
  const model = fit ?? fitLogistic(x, y);
  if (model.coefficients.length !== (x[0]?.length ?? 0)) throw new RangeError('standardizedRiskDifference: the fit does not match the columns of X');
  const riskTreated = meanPrediction(cf.treated, model.coefficients);
  const riskControl = meanPrediction(cf.control, model.coefficients);
  return {
    riskTreated,
    riskControl,
    difference: riskTreated - riskControl,
    method: model.method,
    separation: model.method === 'ml' ? model.separation : false,
    note: null,
  };
}

/** Options of the bootstrap. */
export interface BootstrapGComputationOptions {
  /** Number of bootstrap resamples (e.g. 2000). */
  readonly resamples: number;
  /** 32-bit seed of the generator (src/random/rng.ts), e.g. subSeed(plan seed, stream). */
  readonly seed: number;
  /** Interval confidence level (default 0.95). */
  readonly confidence?: number;
  /**
   * What to do with a resample whose maximum likelihood fit separates: 'firth' refits it
   * with Firth's method (default), 'keep' keeps the ML fit, whose fitted probabilities are
   * then at their limits. Either way the resamples are counted.
   */
  readonly onSeparation?: 'firth' | 'keep';
}

/** The bootstrap result. */
export interface BootstrapStandardizedRiskDifference {
  /** The estimate on the full data, fitted by the same rule as each resample. */
  readonly estimate: StandardizedRiskDifference;
  /** Percentile interval of the replicate differences (R's quantile type 7). */
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly interval: 'percentile';
  /** Resampling stratified by arm: each arm resampled to its own size. */
  readonly stratified: true;
  readonly seed: number;
  /** Resamples requested. */
  readonly resamples: number;
  /** Replicates that entered the interval (resamples − failed). */
  readonly used: number;
  /** Resamples whose ML fit separated and were refitted with Firth (onSeparation 'firth'). */
  readonly firthRefits: number;
  /** Resamples whose ML fit separated and were kept (onSeparation 'keep'). */
  readonly separatedKept: number;
  /** Resamples whose ML fit did not converge without separation, refitted with Firth. */
  readonly nonConvergedRefits: number;
  /** Resamples in which some columns of X were aliased (a level or cell absent) and were left out of that fit, as R gives NA coefficients. */
  readonly rankDeficient: number;
  /** Resamples with every outcome equal (difference 0 exactly; included). */
  readonly allOutcomesEqual: number;
  /** Resamples that could not be fitted even with Firth, left out of the interval. */
  readonly failed: number;
  /** The replicate differences that entered the interval, in resample order. */
  readonly replicates: number[];
}

type Outcome = { rd: StandardizedRiskDifference; refit: 'firth_separation' | 'firth_nonconvergence' | 'kept_separation' | null };

/** Fits ML, falling back on Firth per the policy; computes the standardized risk difference. */
function estimateWithPolicy(x: Matrix, y: readonly number[], cf: Counterfactuals, onSeparation: 'firth' | 'keep'): Outcome {
  if (allEqualNote(y) !== null) return { rd: standardizedRiskDifference(x, y, cf), refit: null };
  const ml = fitLogistic(x, y);
  const firth = () => {
    const f = fitFirth(x, y);
    if (!f.converged) throw new RangeError('Firth fit did not converge');
    return f;
  };
  if (ml.separation) {
    if (onSeparation === 'keep') return { rd: standardizedRiskDifference(x, y, cf, ml), refit: 'kept_separation' };
    return { rd: standardizedRiskDifference(x, y, cf, firth()), refit: 'firth_separation' };
  }
  if (!ml.converged) return { rd: standardizedRiskDifference(x, y, cf, firth()), refit: 'firth_nonconvergence' };
  return { rd: standardizedRiskDifference(x, y, cf, ml), refit: null };
}

function rowsEqual(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, j) => v === b[j]);
}

/** Relative pivot of the unit-diagonal Gram matrix below which fullRankQuick leaves the decision to findAliasedColumns. */
const QUICK_RANK_PIVOT = 1e-6;

/**
 * A quick sufficient test that a resample's columns have full rank, so that
 * findAliasedColumns (modified Gram–Schmidt over the n × k resample, costlier than a fit)
 * need not run. `gram` (lower triangle, flat k × k; not modified) is XᵀDX for the resample's
 * X and a positive diagonal D (XᵀX, or XᵀWX of the fit's first step, whose weights are all
 * 3/16 up to rounding). The test: the Cholesky factorization of gram scaled to unit
 * diagonal has every pivot above 1e-6. Pivot j is the squared relative residual of column j
 * after projection on the earlier columns (in the D inner product), the quantity that
 * findAliasedColumns compares with its tolerance squared, 1e-14; the factorization computes
 * it with an error of order k·DBL_EPSILON·(1 + ‖α‖₁)², α the coefficients of the nearest
 * combination of the earlier (unit-norm) columns, far below the margin between 1e-6 and
 * 1e-14, which also covers a D of rounding-level unevenness. When the test fails (a column
 * drawn all 0, a dependence, or only a small pivot) findAliasedColumns decides, as it did
 * for every resample, so the columns left out are always its.
 */
function fullRankQuick(gram: Float64Array, k: number, scaled: Float64Array, factor: Float64Array, scale: Float64Array): boolean {
  for (let a = 0; a < k; a++) {
    const v = gram[a * k + a]!;
    if (!(v > 0 && v < Infinity)) return false;
    scale[a] = 1 / Math.sqrt(v);
  }
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) scaled[a * k + b] = gram[a * k + b]! * scale[a]! * scale[b]!;
  return choleskyFactorFlat(scaled, k, factor, QUICK_RANK_PIVOT);
}

/** XᵀX (lower triangle) of the rows rows[0 … count − 1] of x into gram. */
function gramOf(x: SparseRows, rows: Int32Array, count: number, gram: Float64Array): void {
  const k = x.k;
  const { start, col, val } = x;
  gram.fill(0, 0, k * k);
  for (let m = 0; m < count; m++) {
    const i = rows[m]!;
    const p0 = start[i]!;
    const p1 = start[i + 1]!;
    for (let p = p0; p < p1; p++) {
      const ra = col[p]! * k;
      const va = val[p]!;
      for (let q = p0; q <= p; q++) {
        const at = ra + col[q]!;
        gram[at] = gram[at]! + va * val[q]!;
      }
    }
  }
}

/** The Firth refit of estimateWithPolicy (fitFirth on the resample's rows), its coefficients; throws when it does not converge. */
function firthCoefficients(x: SparseRows, rows: Int32Array | null, y: Uint8Array): number[] {
  const f = fitFirthRows(x, rows, y);
  if (!f.converged) throw new RangeError('Firth fit did not converge');
  return f.coefficients;
}

/**
 * riskTreated − riskControl of a resample for the maximum likelihood fit `ml` of its rows
 * (rows[m] of the fitted matrix; null: row m), as standardizedRiskDifference computes it,
 * in fewer operations: a participant's row of X is its row of the counterfactual matrix of
 * its own arm (armOf[i] = 1: treated), stored alike, so its probability there is the fit's
 * μ_i, the same operations on the same numbers; only the other arm's is computed. The fit
 * must have converged without separation (its η is then Xβ).
 */
function mlRiskDifference(ml: IrlsResult, rows: Int32Array | null, count: number, treated: SparseRows, control: SparseRows, armOf: Uint8Array, pT: Float64Array, pC: Float64Array, list: Int32Array): number {
  const { distinct, distinctCount: d, mu, beta } = ml;
  // probabilities under the arm not received
  let c = 0;
  for (let u = 0; u < d; u++) if (armOf[distinct[u]!] === 0) list[c++] = distinct[u]!;
  fittedProbabilities(treated, list, c, beta, pT);
  c = 0;
  for (let u = 0; u < d; u++) if (armOf[distinct[u]!] === 1) list[c++] = distinct[u]!;
  fittedProbabilities(control, list, c, beta, pC);
  let sT = 0;
  let sC = 0;
  for (let m = 0; m < count; m++) {
    const i = rows ? rows[m]! : m;
    if (armOf[i] === 1) {
      sT += mu[i]!;
      sC += pC[i]!;
    } else {
      sT += pT[i]!;
      sC += mu[i]!;
    }
  }
  return sT / count - sC / count;
}

/**
 * Seeded nonparametric bootstrap of the g-computation risk difference (Efron & Tibshirani
 * 1993, ch. 13; Austin 2010 for this use). Each resample draws, within each arm, as many
 * participants as the arm has, with replacement (stratified by arm, as the arm sizes are
 * fixed by the randomization), refits the logistic model to the resample and recomputes
 * the standardized risk difference over the resample. The interval is the percentile
 * interval of the replicates.
 *
 * Resamples that cannot be fitted by maximum likelihood as they stand are handled and
 * counted, never silently dropped:
 *  - columns aliased in the resample (a site or a site × arm cell drawn empty) are left out
 *    of that fit, as R's glm gives them NA coefficients (rankDeficient);
 *  - a separated ML fit is refitted with Firth's penalized likelihood (firthRefits), or
 *    kept with onSeparation 'keep' (separatedKept); the full-data estimate follows the same
 *    rule, so estimate and replicates come from the same estimator;
 *  - an ML fit that does not converge without separating is refitted with Firth (nonConvergedRefits);
 *  - all outcomes equal gives a difference of exactly 0 (allOutcomesEqual);
 *  - a resample where even Firth fails is left out and counted (failed).
 *
 * The observed arm of each participant is read from X: row i is in the intervention arm
 * when it equals its row of the treated counterfactual matrix, in control when it equals
 * the control one.
 *
 * Each resample's fit is the computation of fitLogistic (and of standardizedRiskDifference)
 * on the resampled rows, done in place: the rows are read by index from X stored once, with
 * its zero entries left out, and the buffers are reused, so a resample costs a few passes
 * over its nonzero entries. Every sum is taken in the same order as fitLogistic takes it,
 * so the replicates are bit for bit those of fitting each resample's rows with
 * fitLogistic, fitFirth and standardizedRiskDifference.
 */
export function bootstrapStandardizedRiskDifference(
  x: Matrix,
  y: readonly number[],
  arm: number | Counterfactuals,
  options: BootstrapGComputationOptions,
): BootstrapStandardizedRiskDifference {
  const { resamples, seed } = options;
  const confidence = options.confidence ?? 0.95;
  const onSeparation = options.onSeparation ?? 'firth';
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError('bootstrapStandardizedRiskDifference: resamples must be a positive whole number');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('bootstrapStandardizedRiskDifference: confidence must lie in (0, 1)');
  if (x.length !== y.length || x.length === 0) throw new RangeError('bootstrapStandardizedRiskDifference: X and y must have the same, positive, length');
  const cf = resolveCounterfactuals(x, arm);
  const treatedRows: number[] = [];
  const controlRows: number[] = [];
  x.forEach((row, i) => {
    if (rowsEqual(row, cf.treated[i]!)) treatedRows.push(i);
    else if (rowsEqual(row, cf.control[i]!)) controlRows.push(i);
    else throw new RangeError(`bootstrapStandardizedRiskDifference: row ${i} matches neither counterfactual, so its arm is unknown`);
  });
  if (treatedRows.length === 0 || controlRows.length === 0) throw new RangeError('bootstrapStandardizedRiskDifference: both arms need participants');

  // The full-data estimate validates X and y (fitLogistic's checks) unless all outcomes are equal.
  const estimate = estimateWithPolicy(x, y, cf, onSeparation).rd;
  const rng = createRng(seed);
  const n = x.length;
  const k = x[0]!.length;
  // X and the counterfactual matrices stored once; a resample is a list of row indices
  const xSparse = sparseRows(x, k);
  const treatedSparse = sparseRows(cf.treated, k);
  const controlSparse = sparseRows(cf.control, k);
  const yRows = Uint8Array.from(y);
  const workspace = new IrlsWorkspace(n, k);
  const idx = new Int32Array(n); // the resample: its m-th participant is row idx[m]
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const probabilityT = new Float64Array(n);
  const probabilityC = new Float64Array(n);
  const list = new Int32Array(n);
  const armOf = new Uint8Array(n); // 1: row i is its row of the treated matrix
  for (const i of treatedRows) armOf[i] = 1;
  const gram = new Float64Array(k * k);
  const scaled = new Float64Array(k * k);
  const gramFactor = new Float64Array(k * k);
  const gramScale = new Float64Array(k);
  const quickCheck = (xtwx: Float64Array, kk: number) => fullRankQuick(xtwx, kk, scaled, gramFactor, gramScale);
  const groups = [treatedRows, controlRows];
  const replicates: number[] = [];
  let firthRefits = 0;
  let separatedKept = 0;
  let nonConvergedRefits = 0;
  let rankDeficient = 0;
  let allOutcomesEqual = 0;
  let failed = 0;
  for (let r = 0; r < resamples; r++) {
    let m = 0;
    for (const group of groups) {
      for (let g = 0; g < group.length; g++) idx[m++] = group[rng.int(0, group.length - 1)]!;
    }
    let events = 0;
    for (let j = 0; j < n; j++) events += yRows[idx[j]!]!;
    const allEqual = events === 0 || events === n;
    // Columns aliased in this resample are left out of its fit, as findAliasedColumns finds
    // them. The quick test runs on XᵀWX of the fit's first step (or on XᵀX without a fit).
    let xs = xSparse;
    let ts = treatedSparse;
    let cs = controlSparse;
    let rows: Int32Array | null = idx;
    let ys = yRows; // outcomes by row of xs
    let armOfResample: Uint8Array | null = null; // armOf of the rows of the reduced matrices
    let ml: IrlsResult | null = null;
    let quickPassed: boolean;
    if (allEqual) {
      gramOf(xSparse, idx, n, gram);
      quickPassed = fullRankQuick(gram, k, scaled, gramFactor, gramScale);
    } else {
      ml = irlsFit(xSparse, idx, yRows, workspace, 25, 1e-8, quickCheck);
      quickPassed = ml !== null;
    }
    if (!quickPassed) {
      const aliased = findAliasedColumns(Array.from(idx, (i) => [...x[i]!]), k);
      if (aliased.length > 0) {
        rankDeficient++;
        const keep = Array.from({ length: k }, (_, j) => j).filter((j) => !aliased.includes(j));
        const select = (mat: Matrix) => sparseRows(Array.from(idx, (i) => mat[i]!), k, keep);
        xs = select(x);
        ts = select(cf.treated);
        cs = select(cf.control);
        rows = null;
        ys = Uint8Array.from(idx, (i) => yRows[i]!);
        armOfResample = Uint8Array.from(idx, (i) => armOf[i]!);
      }
      if (!allEqual) ml = irlsFit(xs, rows, ys, workspace)!;
    }
    try {
      let difference = 0;
      // all outcomes equal (allEqualNote): risks 0 or 1, difference exactly 0, no model
      if (ml === null) allOutcomesEqual++;
      else {
        let beta: ArrayLike<number> = ml.beta;
        if (ml.separationSign !== null) {
          if (onSeparation === 'keep') separatedKept++;
          else {
            beta = firthCoefficients(xs, rows, ys);
            firthRefits++;
          }
        } else if (!ml.converged) {
          beta = firthCoefficients(xs, rows, ys);
          nonConvergedRefits++;
        }
        if (beta === ml.beta && ml.separationSign === null) difference = mlRiskDifference(ml, rows, n, ts, cs, armOfResample ?? armOf, probabilityT, probabilityC, list);
        else {
          const rs = rows ? ml.distinct : identity;
          const d = rows ? ml.distinctCount : n;
          difference = meanProbability(ts, rows, n, rs, d, beta, probabilityT) - meanProbability(cs, rows, n, rs, d, beta, probabilityC);
        }
      }
      if (!Number.isFinite(difference)) throw new RangeError('non-finite difference');
      replicates.push(difference);
    } catch {
      failed++;
    }
  }
  if (replicates.length === 0) throw new RangeError('bootstrapStandardizedRiskDifference: no resample could be fitted');
  const [lower, upper] = percentileInterval(replicates, confidence);
  return {
    estimate,
    lower,
    upper,
    confidence,
    interval: 'percentile',
    stratified: true,
    seed,
    resamples,
    used: replicates.length,
    firthRefits,
    separatedKept,
    nonConvergedRefits,
    rankDeficient,
    allOutcomesEqual,
    failed,
    replicates,
  };
}
