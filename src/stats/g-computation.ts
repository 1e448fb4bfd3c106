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
import { fitFirth, type FirthFit } from './firth.ts';
import { expit, fitLogistic, type LogisticFit, type Matrix } from './logistic-regression.ts';

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

  const estimate = estimateWithPolicy(x, y, cf, onSeparation).rd;
  const rng = createRng(seed);
  const k = x[0]!.length;
  const replicates: number[] = [];
  let firthRefits = 0;
  let separatedKept = 0;
  let nonConvergedRefits = 0;
  let rankDeficient = 0;
  let allOutcomesEqual = 0;
  let failed = 0;
  for (let r = 0; r < resamples; r++) {
    const idx: number[] = [];
    for (const group of [treatedRows, controlRows]) {
      for (let m = 0; m < group.length; m++) idx.push(group[rng.int(0, group.length - 1)]!);
    }
    let xs: number[][] = idx.map((i) => [...x[i]!]);
    let ts: number[][] = idx.map((i) => [...cf.treated[i]!]);
    let cs: number[][] = idx.map((i) => [...cf.control[i]!]);
    const ys = idx.map((i) => y[i]!);
    const aliased = findAliasedColumns(xs, k);
    if (aliased.length > 0) {
      rankDeficient++;
      const keep = Array.from({ length: k }, (_, j) => j).filter((j) => !aliased.includes(j));
      const select = (m: number[][]) => m.map((row) => keep.map((j) => row[j]!));
      xs = select(xs);
      ts = select(ts);
      cs = select(cs);
    }
    try {
      const out = estimateWithPolicy(xs, ys, { treated: ts, control: cs }, onSeparation);
      if (out.rd.note !== null) allOutcomesEqual++;
      if (out.refit === 'firth_separation') firthRefits++;
      else if (out.refit === 'kept_separation') separatedKept++;
      else if (out.refit === 'firth_nonconvergence') nonConvergedRefits++;
      if (!Number.isFinite(out.rd.difference)) throw new RangeError('non-finite difference');
      replicates.push(out.rd.difference);
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
