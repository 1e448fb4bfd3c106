/**
 * Covariate-adjusted risk difference by g-computation (standardization over the trial
 * sample) from a logistic regression, with a seeded bootstrap percentile interval.
 * Snowden, Rose & Mortimer 2011, Am J Epidemiol 173:731–738; Austin 2010, Stat Med
 * 29:2137 ("absolute risk reductions from logistic regression"); for trials, FDA 2023
 * guidance "Adjusting for Covariates in Randomized Clinical Trials for Drugs and Biological
 * Products" and Benkeser et al. 2021, Biometrics 77:1467.
 */
import { defineTask } from '../parallel/pool.ts';
import { multinomialDraw } from '../random/binomial-draw.ts';
import { chunkCount, chunkRange, chunkRng } from '../random/chunk-streams.ts';
import { percentileInterval } from './bootstrap.ts';
import { findAliasedColumns } from './design-matrix.ts';
import { fitFirth, fitFirthRows, type FirthFit } from './firth.ts';
import { choleskyFactorFlat } from './cholesky-factor.ts';
import { patternDesign, patternIrls, patternStart, PatternWorkspace, weightedRows, type PatternDesign, type PatternIrlsResult, type PatternStart } from './logistic-patterns.ts';
import { expit, fitLogistic, type LogisticFit, type Matrix, type SparseRows } from './logistic-regression.ts';

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

type Outcome = { rd: StandardizedRiskDifference; refit: 'firth_separation' | 'firth_nonconvergence' | 'kept_separation' | null; ml: LogisticFit | null };

/** Fits ML, falling back on Firth per the policy; computes the standardized risk difference. */
function estimateWithPolicy(x: Matrix, y: readonly number[], cf: Counterfactuals, onSeparation: 'firth' | 'keep'): Outcome {
  if (allEqualNote(y) !== null) return { rd: standardizedRiskDifference(x, y, cf), refit: null, ml: null };
  const ml = fitLogistic(x, y);
  const firth = () => {
    const f = fitFirth(x, y);
    if (!f.converged) throw new RangeError('Firth fit did not converge');
    return f;
  };
  if (ml.separation) {
    if (onSeparation === 'keep') return { rd: standardizedRiskDifference(x, y, cf, ml), refit: 'kept_separation', ml };
    return { rd: standardizedRiskDifference(x, y, cf, firth()), refit: 'firth_separation', ml };
  }
  if (!ml.converged) return { rd: standardizedRiskDifference(x, y, cf, firth()), refit: 'firth_nonconvergence', ml };
  return { rd: standardizedRiskDifference(x, y, cf, ml), refit: null, ml };
}

function rowsEqual(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, j) => v === b[j]);
}

/**
 * The participants of a g-computation bootstrap collapsed into covariate patterns: every
 * participant with the same rows of X and of both counterfactual matrices is one pattern, and
 * a participant is a unit 2·pattern + y. A bootstrap resample draws units within each arm and
 * is then a count of trials and successes per pattern: the fit to the resample is the fit to
 * its rows (src/stats/logistic-patterns.ts), at the cost of the patterns present. Plain typed
 * arrays, so a worker thread can take it.
 */
export interface GComputationData {
  /** Columns of X. */
  readonly k: number;
  /** Number of patterns. */
  readonly patterns: number;
  /** The patterns' rows of X (pattern p at p·k … p·k + k − 1), with each one's own arm. */
  readonly x: Float64Array;
  /** The patterns' rows with everyone in the intervention arm, and in the control arm. */
  readonly treated: Float64Array;
  readonly control: Float64Array;
  /** 1 when the pattern's own arm is the intervention (its row of X is its treated row). */
  readonly armOf: Uint8Array;
  /** Per arm, intervention first: each participant as 2·pattern + outcome, in participant order. */
  readonly units: readonly [Int32Array, Int32Array];
}

/** A bootstrap run: the data, how many resamples, the seed, and where each fit starts. */
export interface GComputationBootstrapInput extends GComputationData {
  readonly resamples: number;
  /** 32-bit seed of the run; chunk c draws from chunkRng(seed, c). */
  readonly seed: number;
  readonly onSeparation: 'firth' | 'keep';
  /**
   * The full-data maximum likelihood coefficients, where each resample's fit starts (it
   * converges to the resample's own maximum by the usual criterion in fewer steps than from
   * R's default start); null to start at R's default (the full-data fit separated).
   */
  readonly start: Float64Array | null;
}

/** One chunk's replicates (NaN where a resample failed) and bookkeeping. */
export interface GComputationChunk {
  readonly replicates: Float64Array;
  readonly firthRefits: number;
  readonly separatedKept: number;
  readonly nonConvergedRefits: number;
  readonly rankDeficient: number;
  readonly allOutcomesEqual: number;
  readonly failed: number;
}

/**
 * Resamples per chunk of the bootstrap. Part of the output contract (it decides which
 * generator draws which resample): changing it changes the replicates.
 */
export const G_COMPUTATION_CHUNK = 64;

/** Number of chunks of a bootstrap run. */
export function gComputationChunkCount(input: Pick<GComputationBootstrapInput, 'resamples'>): number {
  return chunkCount(input.resamples, G_COMPUTATION_CHUNK);
}

/**
 * GComputationData of the rows of X with outcomes y and counterfactual matrices cf. The arm
 * of each row is read from X: the intervention when the row equals its treated row, control
 * when it equals its control row.
 */
export function gComputationData(x: Matrix, y: readonly number[], cf: Counterfactuals): GComputationData {
  const n = x.length;
  const k = x[0]?.length ?? 0;
  const key = new Map<string, number>();
  const rowsOf: number[] = [];
  const armOfList: number[] = [];
  const units: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    const t = cf.treated[i]!;
    const c = cf.control[i]!;
    const arm = rowsEqual(row, t) ? 1 : rowsEqual(row, c) ? 0 : -1;
    if (arm < 0) throw new RangeError(`bootstrapStandardizedRiskDifference: row ${i} matches neither counterfactual, so its arm is unknown`);
    const id = `${row.join(',')}|${t.join(',')}|${c.join(',')}`;
    let p = key.get(id);
    if (p === undefined) {
      p = rowsOf.length;
      key.set(id, p);
      rowsOf.push(i);
      armOfList.push(arm);
    }
    units[arm === 1 ? 0 : 1].push(2 * p + (y[i] === 1 ? 1 : 0));
  }
  const flat = (m: Matrix) => {
    const out = new Float64Array(rowsOf.length * k);
    rowsOf.forEach((i, p) => out.set(m[i]!, p * k));
    return out;
  };
  return { k, patterns: rowsOf.length, x: flat(x), treated: flat(cf.treated), control: flat(cf.control), armOf: Uint8Array.from(armOfList), units: [Int32Array.from(units[0]), Int32Array.from(units[1])] };
}

/** SparseRows of a flat pattern matrix (row p at p·k), keeping the columns `columns` (default all) in that order. */
function sparseFlat(flat: Float64Array, patterns: number, k: number, columns?: readonly number[]): SparseRows {
  const cols = columns ?? Array.from({ length: k }, (_, j) => j);
  const start = new Int32Array(patterns + 1);
  let nnz = 0;
  for (let p = 0; p < patterns; p++) {
    for (const j of cols) if (flat[p * k + j] !== 0) nnz++;
    start[p + 1] = nnz;
  }
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let e = 0;
  for (let p = 0; p < patterns; p++) {
    for (let c = 0; c < cols.length; c++) {
      const v = flat[p * k + cols[c]!]!;
      if (v !== 0) {
        col[e] = c;
        val[e++] = v;
      }
    }
  }
  return { n: patterns, k: cols.length, start, col, val };
}

/** Relative pivot of the unit-diagonal Gram matrix below which fullRankQuick leaves the decision to findAliasedColumns. */
const QUICK_RANK_PIVOT = 1e-6;

/**
 * A quick sufficient test that a resample's columns have full rank, so that
 * findAliasedColumns (modified Gram–Schmidt, costlier than a fit) need not run. `gram`
 * (lower triangle, flat k × k; not modified) is XᵀDX for the resample's rows and positive
 * weights D: XᵀWX of the fit's first step. The test: the Cholesky factorization of gram
 * scaled to unit diagonal has every pivot above `pivot`. Pivot j is the squared relative
 * residual of column j after projection on the earlier columns in the D inner product;
 * findAliasedColumns compares the same residual in the plain inner product of the rows with
 * its tolerance squared, 1e-14. The two differ at most by the ratio ρ of the largest to the
 * smallest weight per row, so a pivot above 1e-6·ρ guarantees a plain residual above 1e-6,
 * far from 1e-14 (the factorization's own error is of order k·DBL_EPSILON). When the test
 * fails (a column drawn all 0, a dependence, or only a small pivot) findAliasedColumns
 * decides, so the columns left out are always its.
 */
function fullRankQuick(gram: Float64Array, k: number, pivot: number, scaled: Float64Array, factor: Float64Array, scale: Float64Array): boolean {
  for (let a = 0; a < k; a++) {
    const v = gram[a * k + a]!;
    if (!(v > 0 && v < Infinity)) return false;
    scale[a] = 1 / Math.sqrt(v);
  }
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) scaled[a * k + b] = gram[a * k + b]! * scale[a]! * scale[b]!;
  return choleskyFactorFlat(scaled, k, factor, pivot);
}

/** Σ_p m_p x_p x_pᵀ (lower triangle) over the active patterns. */
function gramOf(x: SparseRows, active: Int32Array, d: number, m: Float64Array, gram: Float64Array): void {
  const k = x.k;
  const { start, col, val } = x;
  gram.fill(0, 0, k * k);
  for (let u = 0; u < d; u++) {
    const i = active[u]!;
    const mi = m[i]!;
    for (let p = start[i]!, p1 = start[i + 1]!; p < p1; p++) {
      const ra = col[p]! * k;
      const va = mi * val[p]!;
      for (let q = start[i]!; q <= p; q++) gram[ra + col[q]!] = gram[ra + col[q]!]! + va * val[q]!;
    }
  }
}

/** expit(x_pᵀβ) of the active patterns into out (by pattern). */
function probabilities(x: SparseRows, active: Int32Array, d: number, beta: ArrayLike<number>, out: Float64Array): void {
  const { start, col, val } = x;
  for (let u = 0; u < d; u++) {
    const i = active[u]!;
    let eta = 0;
    for (let p = start[i]!, p1 = start[i + 1]!; p < p1; p++) eta += val[p]! * beta[col[p]!]!;
    out[i] = expit(eta);
  }
}

/**
 * An arm draws a multinomial count per kind of unit (a binomial per kind) rather than one
 * unit per participant when it has more than this many participants per kind: a binomial
 * draw costs a few unit draws.
 */
const KIND_DRAWS_FACTOR = 3;

/** Everything a chunk needs besides its draws, built once per run (per worker). */
interface ChunkState {
  readonly design: PatternDesign;
  readonly xs: SparseRows;
  readonly ts: SparseRows;
  readonly cs: SparseRows;
  readonly start: PatternStart | null;
  /** The quick rank test's pivot bound for a warm-started first step (see fullRankQuick). */
  readonly warmPivot: number;
  readonly ws: PatternWorkspace;
  readonly m: Float64Array;
  readonly s: Float64Array;
  readonly active: Int32Array;
  readonly draws: Int32Array;
  /** Per arm: the kinds of unit (2·pattern + y, ascending) and how many participants are of each, when the arm draws counts per kind. */
  readonly kinds: readonly ({ readonly code: Int32Array; readonly count: Float64Array; readonly drawn: Float64Array } | null)[];
  readonly pT: Float64Array;
  readonly pC: Float64Array;
  readonly gram: Float64Array;
  readonly scaled: Float64Array;
  readonly gramFactor: Float64Array;
  readonly gramScale: Float64Array;
}

const states = new WeakMap<GComputationBootstrapInput, ChunkState>();

function chunkState(input: GComputationBootstrapInput): ChunkState {
  const cached = states.get(input);
  if (cached) return cached;
  const { k, patterns: P } = input;
  const xs = sparseFlat(input.x, P, k);
  const design = patternDesign(input.x, P, k);
  const start = input.start ? patternStart(design, input.start) : null;
  let warmPivot = QUICK_RANK_PIVOT;
  if (start) {
    // the first step's weights per trial are those at the start: their spread bounds the test
    let lo = Infinity;
    let hi = 0;
    for (let p = 0; p < P; p++) {
      lo = Math.min(lo, start.w[p]!);
      hi = Math.max(hi, start.w[p]!);
    }
    warmPivot = hi / lo < 1e5 ? QUICK_RANK_PIVOT * (hi / lo) : 2; // 2: never passes, findAliasedColumns decides
  }
  const largest = Math.max(input.units[0].length, input.units[1].length);
  const kinds = input.units.map((units) => {
    const count = new Map<number, number>();
    for (const u of units) count.set(u, (count.get(u) ?? 0) + 1);
    if (units.length <= KIND_DRAWS_FACTOR * count.size) return null;
    const code = Int32Array.from([...count.keys()].sort((a, b) => a - b));
    return { code, count: Float64Array.from(code, (c) => count.get(c)!), drawn: new Float64Array(code.length) };
  });
  const state: ChunkState = {
    kinds,
    design,
    xs,
    ts: sparseFlat(input.treated, P, k),
    cs: sparseFlat(input.control, P, k),
    start,
    warmPivot,
    ws: new PatternWorkspace(design),
    m: new Float64Array(P),
    s: new Float64Array(P),
    active: new Int32Array(P),
    draws: new Int32Array(largest),
    pT: new Float64Array(P),
    pC: new Float64Array(P),
    gram: new Float64Array(k * k),
    scaled: new Float64Array(k * k),
    gramFactor: new Float64Array(k * k),
    gramScale: new Float64Array(k),
  };
  states.set(input, state);
  return state;
}

/** The resample's columns aliased as findAliasedColumns finds them on its rows (√m-weighted pattern rows). */
function aliasedColumns(input: GComputationBootstrapInput, active: Int32Array, d: number, m: Float64Array): number[] {
  const k = input.k;
  const rows: number[][] = [];
  const weights: number[] = [];
  for (let u = 0; u < d; u++) {
    const p = active[u]!;
    rows.push(Array.from(input.x.subarray(p * k, p * k + k)));
    weights.push(m[p]!);
  }
  return findAliasedColumns(weightedRows(rows, weights), k);
}

/**
 * Firth's fit to the resample (fitFirth on its rows: each pattern's failures and successes as
 * rows), its coefficients; throws when it does not converge.
 */
function firthCoefficients(x: SparseRows, active: Int32Array, d: number, m: Float64Array, s: Float64Array): number[] {
  // rows 2p (y = 0) and 2p + 1 (y = 1) stand for pattern p
  const { start, col, val } = x;
  const twice = { n: 2 * x.n, k: x.k, start: new Int32Array(2 * x.n + 1), col: new Int32Array(2 * col.length), val: new Float64Array(2 * val.length) };
  let q = 0;
  for (let p = 0; p < x.n; p++) {
    for (let copy = 0; copy < 2; copy++) {
      for (let e = start[p]!; e < start[p + 1]!; e++) {
        twice.col[q] = col[e]!;
        twice.val[q++] = val[e]!;
      }
      twice.start[2 * p + copy + 1] = q;
    }
  }
  const y = new Uint8Array(2 * x.n);
  for (let p = 0; p < x.n; p++) y[2 * p + 1] = 1;
  const rows: number[] = [];
  for (let u = 0; u < d; u++) {
    const p = active[u]!;
    for (let c = 0; c < m[p]! - s[p]!; c++) rows.push(2 * p);
    for (let c = 0; c < s[p]!; c++) rows.push(2 * p + 1);
  }
  const f = fitFirthRows(twice, Int32Array.from(rows), y);
  if (!f.converged) throw new RangeError('Firth fit did not converge');
  return f.coefficients;
}

/**
 * Chunk `chunk` of the bootstrap: resamples chunkRange(resamples, G_COMPUTATION_CHUNK, chunk),
 * drawn from chunkRng(seed, chunk). Pure: the result depends on (input, chunk) alone, so any
 * thread may compute it. Each resample draws, within each arm (intervention first), as many
 * units as the arm has, with replacement (Rng.indices), refits the model to the resample's
 * counts per pattern and standardizes over the resample (see bootstrapStandardizedRiskDifference
 * for the rules on rank deficiency, separation and non-convergence).
 */
export function gComputationBootstrapChunk(input: GComputationBootstrapInput, chunk: number): GComputationChunk {
  const st = chunkState(input);
  const { from, to } = chunkRange(input.resamples, G_COMPUTATION_CHUNK, chunk);
  const rng = chunkRng(input.seed, chunk);
  const { k, patterns: P } = input;
  const { m, s, active, draws } = st;
  const replicates = new Float64Array(Math.max(0, to - from));
  let firthRefits = 0;
  let separatedKept = 0;
  let nonConvergedRefits = 0;
  let rankDeficient = 0;
  let allOutcomesEqual = 0;
  let failed = 0;
  const quickWarm = (xtwx: Float64Array, kk: number) => fullRankQuick(xtwx, kk, st.warmPivot, st.scaled, st.gramFactor, st.gramScale);
  const quickCold = (xtwx: Float64Array, kk: number) => fullRankQuick(xtwx, kk, QUICK_RANK_PIVOT, st.scaled, st.gramFactor, st.gramScale);
  for (let r = from; r < to; r++) {
    m.fill(0);
    s.fill(0);
    let n = 0;
    let events = 0;
    for (let g = 0; g < 2; g++) {
      const units = input.units[g]!;
      const size = units.length;
      const kind = st.kinds[g];
      if (kind) {
        // as many draws with replacement, counted per kind: a multinomial draw
        kind.drawn.fill(0);
        multinomialDraw(rng, size, kind.count, kind.code.length, kind.drawn);
        for (let j = 0; j < kind.code.length; j++) {
          const k = kind.drawn[j]!;
          if (k === 0) continue;
          const code = kind.code[j]!;
          const p = code >> 1;
          const y = code & 1;
          m[p]! += k;
          s[p]! += y * k;
          events += y * k;
        }
      } else {
        rng.indices(draws, size, size);
        for (let j = 0; j < size; j++) {
          const code = units[draws[j]!]!;
          const p = code >> 1;
          const y = code & 1;
          m[p]! += 1;
          s[p]! += y;
          events += y;
        }
      }
      n += size;
    }
    let d = 0;
    for (let p = 0; p < P; p++) if (m[p]! > 0) active[d++] = p;
    let xs = st.xs;
    let ts = st.ts;
    let cs = st.cs;
    let design = st.design;
    let ws = st.ws;
    let ml: PatternIrlsResult | null = null;
    let quickPassed: boolean;
    const allEqual = events === 0 || events === n;
    if (allEqual) {
      gramOf(xs, active, d, m, st.gram);
      quickPassed = fullRankQuick(st.gram, k, QUICK_RANK_PIVOT, st.scaled, st.gramFactor, st.gramScale);
    } else {
      ml = patternIrls(design, active, d, m, s, ws, st.start, 25, 1e-8, st.start ? quickWarm : quickCold);
      quickPassed = ml !== null;
    }
    let reduced = false;
    if (!quickPassed) {
      const aliased = aliasedColumns(input, active, d, m);
      if (aliased.length > 0) {
        rankDeficient++;
        reduced = true;
        const keep = Array.from({ length: k }, (_, j) => j).filter((j) => !aliased.includes(j));
        xs = sparseFlat(input.x, P, k, keep);
        ts = sparseFlat(input.treated, P, k, keep);
        cs = sparseFlat(input.control, P, k, keep);
        design = patternDesign(input.x, P, k, keep);
        ws = new PatternWorkspace(design);
      }
      // a reduced model starts at R's default: the full-data estimate has other columns
      if (!allEqual) ml = patternIrls(design, active, d, m, s, ws, reduced ? null : st.start)!;
    }
    let difference = 0;
    try {
      if (ml === null) allOutcomesEqual++; // risks 0 or 1, difference exactly 0, no model
      else {
        let beta: ArrayLike<number> = ml.beta;
        let own = ml.separationSign === null && ml.converged; // the fit's μ are the patterns' own-arm probabilities
        if (ml.separationSign !== null) {
          if (input.onSeparation === 'keep') separatedKept++;
          else {
            beta = firthCoefficients(xs, active, d, m, s);
            firthRefits++;
          }
        } else if (!ml.converged) {
          beta = firthCoefficients(xs, active, d, m, s);
          nonConvergedRefits++;
        }
        own = own && beta === ml.beta;
        let sT = 0;
        let sC = 0;
        if (own) {
          // a pattern's probability under its own arm is the fit's μ; only the other arm's is computed
          const mu = ml.mu;
          for (let u = 0; u < d; u++) {
            const p = active[u]!;
            const mp = m[p]!;
            const other = input.armOf[p] === 1 ? cs : ts;
            let eta = 0;
            for (let e = other.start[p]!, e1 = other.start[p + 1]!; e < e1; e++) eta += other.val[e]! * beta[other.col[e]!]!;
            if (input.armOf[p] === 1) {
              sT += mp * mu[p]!;
              sC += mp * expit(eta);
            } else {
              sT += mp * expit(eta);
              sC += mp * mu[p]!;
            }
          }
        } else {
          const { pT, pC } = st;
          probabilities(ts, active, d, beta, pT);
          probabilities(cs, active, d, beta, pC);
          for (let u = 0; u < d; u++) {
            const p = active[u]!;
            sT += m[p]! * pT[p]!;
            sC += m[p]! * pC[p]!;
          }
        }
        difference = sT / n - sC / n;
      }
      if (!Number.isFinite(difference)) throw new RangeError('non-finite difference');
    } catch {
      failed++;
      difference = Number.NaN;
    }
    replicates[r - from] = difference;
  }
  return { replicates, firthRefits, separatedKept, nonConvergedRefits, rankDeficient, allOutcomesEqual, failed };
}

/** The bootstrap as a pool task (src/parallel/pool.ts). */
export const gComputationBootstrapTask = defineTask(import.meta.url, 'gComputationBootstrapChunk', gComputationBootstrapChunk);

/** The bootstrap result from its chunks' results in chunk order. */
export function combineGComputationBootstrap(estimate: StandardizedRiskDifference, input: GComputationBootstrapInput, chunks: readonly GComputationChunk[], confidence: number): BootstrapStandardizedRiskDifference {
  const replicates: number[] = [];
  const sum = (key: Exclude<keyof GComputationChunk, 'replicates'>) => chunks.reduce((t, c) => t + c[key], 0);
  for (const c of chunks) for (const v of c.replicates) if (!Number.isNaN(v)) replicates.push(v);
  if (replicates.length === 0) throw new RangeError('bootstrapStandardizedRiskDifference: no resample could be fitted');
  const [lower, upper] = percentileInterval(replicates, confidence);
  return {
    estimate,
    lower,
    upper,
    confidence,
    interval: 'percentile',
    stratified: true,
    seed: input.seed,
    resamples: input.resamples,
    used: replicates.length,
    firthRefits: sum('firthRefits'),
    separatedKept: sum('separatedKept'),
    nonConvergedRefits: sum('nonConvergedRefits'),
    rankDeficient: sum('rankDeficient'),
    allOutcomesEqual: sum('allOutcomesEqual'),
    failed: sum('failed'),
    replicates,
  };
}

/** Checks the bootstrap's options; returns the confidence level and separation rule. */
export function checkBootstrapOptions(options: BootstrapGComputationOptions): { confidence: number; onSeparation: 'firth' | 'keep' } {
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(options.resamples) || options.resamples < 1) throw new RangeError('bootstrapStandardizedRiskDifference: resamples must be a positive whole number');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('bootstrapStandardizedRiskDifference: confidence must lie in (0, 1)');
  return { confidence, onSeparation: options.onSeparation ?? 'firth' };
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
 * How it is computed (the same estimator, faster): participants with the same rows are
 * collapsed into patterns (gComputationData), so a resample is a count per pattern and its
 * fit costs the patterns present (logistic-patterns.ts); each resample's fit starts at the
 * full-data estimate and stops by glm's criterion, so it agrees with fitLogistic on the
 * resample's rows to that criterion's precision (about 1e-10 in a risk difference). The
 * resamples come in chunks of G_COMPUTATION_CHUNK, chunk c drawn from chunkRng(seed, c), so
 * the parallel version (a WorkerPool running gComputationBootstrapTask, as the outcomes stage
 * does) gives exactly these replicates. This function runs every chunk on the calling thread.
 */
export function bootstrapStandardizedRiskDifference(
  x: Matrix,
  y: readonly number[],
  arm: number | Counterfactuals,
  options: BootstrapGComputationOptions,
): BootstrapStandardizedRiskDifference {
  const { confidence, onSeparation } = checkBootstrapOptions(options);
  if (x.length !== y.length || x.length === 0) throw new RangeError('bootstrapStandardizedRiskDifference: X and y must have the same, positive, length');
  const cf = resolveCounterfactuals(x, arm);
  const data = gComputationData(x, y, cf);
  if (data.units[0].length === 0 || data.units[1].length === 0) throw new RangeError('bootstrapStandardizedRiskDifference: both arms need participants');
  // The full-data estimate validates X and y (fitLogistic's checks) unless all outcomes are equal.
  const { rd: estimate, ml } = estimateWithPolicy(x, y, cf, onSeparation);
  const input: GComputationBootstrapInput = { ...data, resamples: options.resamples, seed: options.seed, onSeparation, start: warmStart(ml) };
  const chunks = Array.from({ length: gComputationChunkCount(input) }, (_, c) => gComputationBootstrapChunk(input, c));
  return combineGComputationBootstrap(estimate, input, chunks, confidence);
}

/** Where resample fits start: the full-data ML coefficients when that fit converged without separating, else R's default. */
export function warmStart(ml: LogisticFit | null): Float64Array | null {
  return ml && ml.converged && !ml.separation ? Float64Array.from(ml.coefficients) : null;
}

/**
 * standardizedRiskDifference for participants collapsed into patterns: row p of the
 * counterfactual matrices stands for trials[p] participants. riskTreated = Σ_p m_p
 * expit(x_p⁽¹⁾ᵀβ̂) / Σ m_p, and likewise for control: the same means over the participants.
 * `fit` is a fit to the patterns (fitLogisticPatterns), with its coefficients for the
 * columns of the matrices.
 */
export function standardizedRiskDifferenceOfPatterns(cf: Counterfactuals, trials: readonly number[], fit: { readonly method: 'ml' | 'firth'; readonly coefficients: readonly number[]; readonly separation?: boolean }): StandardizedRiskDifference {
  if (cf.treated.length !== trials.length || cf.control.length !== trials.length) throw new RangeError('standardizedRiskDifferenceOfPatterns: one count per row');
  let n = 0;
  let sT = 0;
  let sC = 0;
  const beta = fit.coefficients;
  trials.forEach((m, p) => {
    n += m;
    let eT = 0;
    let eC = 0;
    for (let j = 0; j < beta.length; j++) {
      eT += cf.treated[p]![j]! * beta[j]!;
      eC += cf.control[p]![j]! * beta[j]!;
    }
    sT += m * expit(eT);
    sC += m * expit(eC);
  });
  const riskTreated = sT / n;
  const riskControl = sC / n;
  return { riskTreated, riskControl, difference: riskTreated - riskControl, method: fit.method, separation: fit.method === 'ml' ? fit.separation === true : false, note: null };
}
