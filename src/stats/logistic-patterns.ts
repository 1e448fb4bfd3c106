/**
 * Logistic regression on covariate patterns: the participants who share a row of the model
 * matrix are one pattern, with m trials and s successes (employed). The log-likelihood
 * Σ_p [s_p log μ_p + (m_p − s_p) log(1 − μ_p)] is the row-level one summed by pattern, so
 * the maximum likelihood estimate, its information matrix and the deviance are those of
 * fitLogistic on the rows (R's `glm(y ~ …, family = binomial)`, or equally
 * `glm(cbind(s, m − s) ~ …)` for the coefficients), with work proportional to the number of
 * patterns instead of participants: a trial of 100 000 has about 8 000 patterns of arm, site,
 * age, sex, education and recent work. A bootstrap resample of participants is a vector of
 * counts per pattern, so the same routine refits it.
 *
 * Each iteration is one pass over the patterns present (η, e^η, μ, the deviance, and the
 * next step's weights) and XᵀWX: summed from each pattern's sparse row (the unrolled
 * weightedCross) when patterns are few per cell, or from per-cell moments when many
 * patterns share their 0/1 columns (PatternDesign) — a large trial, where a pattern then
 * costs a handful of operations besides its exp and log.
 */
import { choleskyFactorFlat, choleskyFactorRows, choleskyInverse, choleskySolveFlat } from './cholesky-factor.ts';
import { findAliasedColumns } from './design-matrix.ts';
import { weightedCross, type LogisticFit, type LogisticOptions, type Matrix, type SeparationSign, type SparseRows } from './logistic-regression.ts';

const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DBL_EPSILON;
const LOG_DBL_EPSILON = Math.log(DBL_EPSILON);
const LOG_INVEPS = Math.log(INVEPS);

/** Further Fisher scoring steps of the divergence probe, and the change of η that counts as diverging (as fitLogistic). */
const DIVERGENCE_STEPS = 5;
const DIVERGENCE_THRESHOLD = 1;
/**
 * The probe runs when a pattern's m·μ or m·(1 − μ) is below PROBE_FACTOR times a bound on the
 * last step's deviance change (fitLogistic's rule, per pattern: see patternIrls).
 */
const PROBE_FACTOR = 100;

/**
 * R's starting point μ = (y + ½)/2 for one row with outcome y: its working weight w,
 * working response z and deviance residual, computed with the operations of R's binomial
 * family (logit_linkinv, logit_mu_eta, binomial_dev_resids) at η = logit(μ).
 */
function startPoint(y: 0 | 1): { w: number; z: number; dev: number } {
  const mu0 = (y + 0.5) / 2;
  const eta = Math.log(mu0 / (1 - mu0));
  const ex = Math.exp(eta);
  const mu = ex / (1 + ex);
  const me = ex / ((1 + ex) * (1 + ex));
  return { w: (me * me) / (mu * (1 - mu)), z: eta + (y - mu) / me, dev: y === 1 ? -2 * Math.log(mu) : -2 * Math.log(1 - mu) };
}
const START = [startPoint(0), startPoint(1)] as const;

/**
 * A pattern matrix prepared for repeated fits. Its columns are split into those that are 0
 * or 1 in every pattern (intercept, arm, dummies of categories and their interactions) and
 * the numeric rest (age); patterns with the same 0/1 columns form a cell. XᵀWX and XᵀWz are
 * then sums of a few weighted moments per cell (Σ W, Σ W·v, Σ W·v·vᵀ, Σ Wz, Σ Wz·v over the
 * cell's patterns, v the numeric columns), and η of a pattern is its cell's sum of
 * coefficients plus the numeric part: a few operations per pattern however many dummy
 * columns there are. @internal
 */
export interface PatternDesign {
  readonly n: number;
  readonly k: number;
  readonly cells: number;
  readonly cellOf: Int32Array;
  /** Columns equal to 1 in cell c: support[supportStart[c] … supportStart[c + 1] − 1]. */
  readonly supportStart: Int32Array;
  readonly support: Int32Array;
  /** The numeric columns, and their values by pattern (n × q). */
  readonly q: number;
  readonly numericColumns: Int32Array;
  readonly numeric: Float64Array;
  /** Moments per cell: M = 1 + q + q(q + 1)/2 of W, then 1 + q of Wz. */
  readonly moments: number;
  /**
   * How a cell's moments add into XᵀWX (lower triangle, flat k × k) and XᵀWz: entries
   * pairStart[c] … pairStart[c + 1] − 1 of (pairTarget, pairSource), source an offset in the
   * cell's moments. Every cell has the same pattern of targets for its columns present.
   */
  readonly pairStart: Int32Array;
  readonly pairTarget: Int32Array;
  readonly pairSource: Int32Array;
  readonly zStart: Int32Array;
  readonly zTarget: Int32Array;
  readonly zSource: Int32Array;
  /**
   * The patterns' rows, when summing each pattern's weighted cross-products (the unrolled
   * weightedCross) costs less than adding up the cells' moments: with few patterns per cell,
   * as in a trial of a few hundred; null when the cells' moments are used.
   */
  readonly rows: SparseRows | null;
}

/** Cost of adding one cell entry into XᵀWX relative to a pattern's share of a pass in row mode (measured: the cells win clearly only with several patterns per cell). */
const CELL_ENTRY_COST = 1 / 4;

/** The PatternDesign of the rows of a flat n × k matrix (row p at p·k), keeping the columns `columns` (default all) in that order. @internal */
export function patternDesign(flat: ArrayLike<number>, n: number, kAll: number, columns?: readonly number[]): PatternDesign {
  const cols = columns ?? Array.from({ length: kAll }, (_, j) => j);
  const k = cols.length;
  const value = (p: number, c: number) => flat[p * kAll + cols[c]!]!;
  const binary: boolean[] = [];
  for (let c = 0; c < k; c++) {
    let ok = true;
    for (let p = 0; p < n && ok; p++) {
      const v = value(p, c);
      ok = v === 0 || v === 1;
    }
    binary.push(ok);
  }
  const numericColumns = Int32Array.from(cols.map((_, c) => c).filter((c) => !binary[c]));
  const q = numericColumns.length;
  const numeric = new Float64Array(n * q);
  for (let p = 0; p < n; p++) for (let t = 0; t < q; t++) numeric[p * q + t] = value(p, numericColumns[t]!);
  // cells: patterns with the same 0/1 columns, numbered in order of first appearance
  const cellKey = new Map<string, number>();
  const cellOf = new Int32Array(n);
  const supports: number[][] = [];
  for (let p = 0; p < n; p++) {
    const ones: number[] = [];
    for (let c = 0; c < k; c++) if (binary[c] && value(p, c) === 1) ones.push(c);
    const key = ones.join(',');
    let cell = cellKey.get(key);
    if (cell === undefined) {
      cell = supports.length;
      cellKey.set(key, cell);
      supports.push(ones);
    }
    cellOf[p] = cell;
  }
  const M = 1 + q + (q * (q + 1)) / 2;
  const numericIndex = new Map(Array.from(numericColumns, (c, t) => [c, t]));
  const tri = (a: number, b: number) => 1 + q + (a * (a + 1)) / 2 + b; // S2 of numeric a ≥ b
  const supportStart = new Int32Array(supports.length + 1);
  const pairStart = new Int32Array(supports.length + 1);
  const zStart = new Int32Array(supports.length + 1);
  const support: number[] = [];
  const pairTarget: number[] = [];
  const pairSource: number[] = [];
  const zTarget: number[] = [];
  const zSource: number[] = [];
  supports.forEach((ones, c) => {
    support.push(...ones);
    supportStart[c + 1] = support.length;
    const present = [...ones, ...numericColumns].sort((a, b) => a - b);
    for (let i = 0; i < present.length; i++) {
      const a = present[i]!;
      const ta = numericIndex.get(a);
      zTarget.push(a);
      zSource.push(M + (ta === undefined ? 0 : 1 + ta));
      for (let j = 0; j <= i; j++) {
        const b = present[j]!;
        const tb = numericIndex.get(b);
        pairTarget.push(a * k + b);
        pairSource.push(ta === undefined && tb === undefined ? 0 : ta === undefined ? 1 + tb! : tb === undefined ? 1 + ta : tri(Math.max(ta, tb), Math.min(ta, tb)));
      }
    }
    pairStart[c + 1] = pairTarget.length;
    zStart[c + 1] = zTarget.length;
  });
  // rows or cells: the cells' assembly costs about CELL_ENTRY_COST of a pattern's cross-products per entry
  const useRows = pairTarget.length * CELL_ENTRY_COST > n;
  const rowsOf = (): SparseRows => {
    const start = new Int32Array(n + 1);
    const col: number[] = [];
    const val: number[] = [];
    for (let p = 0; p < n; p++) {
      for (let c = 0; c < k; c++) {
        const v = value(p, c);
        if (v !== 0) {
          col.push(c);
          val.push(v);
        }
      }
      start[p + 1] = col.length;
    }
    return { n, k, start, col: Int32Array.from(col), val: Float64Array.from(val) };
  };
  return {
    rows: useRows ? rowsOf() : null,
    n,
    k,
    cells: supports.length,
    cellOf,
    supportStart,
    support: Int32Array.from(support),
    q,
    numericColumns,
    numeric,
    moments: M + 1 + q,
    pairStart,
    pairTarget: Int32Array.from(pairTarget),
    pairSource: Int32Array.from(pairSource),
    zStart,
    zTarget: Int32Array.from(zTarget),
    zSource: Int32Array.from(zSource),
  };
}

/**
 * Buffers of patternIrls for a design's patterns and cells, reused from fit to fit (a
 * bootstrap refits thousands of times). @internal
 */
export class PatternWorkspace {
  eta: Float64Array;
  ex: Float64Array;
  mu: Float64Array;
  nEta: Float64Array;
  nEx: Float64Array;
  nMu: Float64Array;
  beta: Float64Array;
  nBeta: Float64Array;
  factor: Float64Array;
  nFactor: Float64Array;
  readonly etaCell: Float64Array;
  readonly moments: Float64Array;
  /** Row mode: each pattern's working weight W and mean working response z. */
  readonly w: Float64Array;
  readonly z: Float64Array;
  readonly cellSeen: Uint8Array;
  readonly activeCells: Int32Array;
  readonly xtwx: Float64Array;
  readonly xtwz: Float64Array;
  readonly work: Float64Array;
  constructor(readonly design: PatternDesign) {
    const { n, k, cells } = design;
    this.eta = new Float64Array(n);
    this.ex = new Float64Array(n);
    this.mu = new Float64Array(n);
    this.nEta = new Float64Array(n);
    this.nEx = new Float64Array(n);
    this.nMu = new Float64Array(n);
    this.beta = new Float64Array(k);
    this.nBeta = new Float64Array(k);
    this.factor = new Float64Array(k * k);
    this.nFactor = new Float64Array(k * k);
    this.etaCell = new Float64Array(cells);
    this.w = new Float64Array(design.rows ? n : 0);
    this.z = new Float64Array(design.rows ? n : 0);
    this.moments = new Float64Array(cells * design.moments);
    this.cellSeen = new Uint8Array(cells);
    this.activeCells = new Int32Array(cells);
    this.xtwx = new Float64Array(k * k);
    this.xtwz = new Float64Array(k);
    this.work = new Float64Array(k);
  }
}

/**
 * A point to start from other than R's default: coefficients `beta` and, for every pattern,
 * η, e^η and μ there, the IRLS weight per trial and the deviance per success and per failure.
 * A bootstrap starts each resample at the full-data estimate, whose per-pattern values are
 * computed once. @internal
 */
export interface PatternStart {
  readonly beta: Float64Array;
  readonly eta: Float64Array;
  readonly ex: Float64Array;
  readonly mu: Float64Array;
  /** μ'(η) (the weight of one trial when η is within ±30) and the working weight w. */
  readonly me: Float64Array;
  readonly w: Float64Array;
  readonly devSuccess: Float64Array;
  readonly devFailure: Float64Array;
}

/** The result of patternIrls: arrays are the workspace's, valid until its next fit. @internal */
export interface PatternIrlsResult {
  readonly beta: Float64Array;
  /** η and μ by pattern index (set for the active patterns). */
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  /** Cholesky factor (flat k × k) of XᵀWX of the last step; null when the first step was singular. */
  readonly factor: Float64Array | null;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly separationSign: SeparationSign | null;
}

/** η_p = Σ_{cell's 0/1 columns} β + Σ_t β_t v_pt, for one pattern (the cell's part given). */
function numericPart(design: PatternDesign, p: number, beta: ArrayLike<number>): number {
  const { q, numericColumns, numeric } = design;
  let s = 0;
  for (let t = 0; t < q; t++) s += beta[numericColumns[t]!]! * numeric[p * q + t]!;
  return s;
}

/** The cells of the active patterns into ws.activeCells; returns how many. */
function activeCellsOf(design: PatternDesign, active: Int32Array, d: number, ws: PatternWorkspace): number {
  const { cellOf } = design;
  const seen = ws.cellSeen;
  let nc = 0;
  for (let u = 0; u < d; u++) {
    const c = cellOf[active[u]!]!;
    if (seen[c] === 0) {
      seen[c] = 1;
      ws.activeCells[nc++] = c;
    }
  }
  for (let i = 0; i < nc; i++) seen[ws.activeCells[i]!] = 0;
  return nc;
}

/** Adds W (and Wz) of pattern p into its cell's moments (row mode: keeps W and z = Wz/W for weightedCross). */
function addMoments(design: PatternDesign, ws: PatternWorkspace, p: number, w: number, wz: number): void {
  if (design.rows) {
    ws.w[p] = w;
    ws.z[p] = wz / w;
    return;
  }
  const moments = ws.moments;
  const { q, numeric } = design;
  const base = design.cellOf[p]! * design.moments;
  const M = 1 + q + (q * (q + 1)) / 2;
  moments[base] = moments[base]! + w;
  moments[base + M] = moments[base + M]! + wz;
  if (q === 0) return;
  let at = base + 1 + q;
  for (let a = 0; a < q; a++) {
    const va = numeric[p * q + a]!;
    const wa = w * va;
    moments[base + 1 + a] = moments[base + 1 + a]! + wa;
    moments[base + M + 1 + a] = moments[base + M + 1 + a]! + wz * va;
    for (let b = 0; b <= a; b++) {
      moments[at] = moments[at]! + wa * numeric[p * q + b]!;
      at++;
    }
  }
}

/** XᵀWX (lower triangle) and XᵀWz from the active cells' moments. */
function assemble(design: PatternDesign, ws: PatternWorkspace, nc: number, active: Int32Array, d: number): void {
  if (design.rows) {
    weightedCross(design.rows, active, d, ws.w, ws.z, ws.xtwx, ws.xtwz);
    return;
  }
  const { k, pairStart, pairTarget, pairSource, zStart, zTarget, zSource } = design;
  const { xtwx, xtwz, moments, activeCells } = ws;
  xtwx.fill(0, 0, k * k);
  xtwz.fill(0, 0, k);
  for (let i = 0; i < nc; i++) {
    const c = activeCells[i]!;
    const base = c * design.moments;
    for (let e = pairStart[c]!, e1 = pairStart[c + 1]!; e < e1; e++) xtwx[pairTarget[e]!] = xtwx[pairTarget[e]!]! + moments[base + pairSource[e]!]!;
    for (let e = zStart[c]!, e1 = zStart[c + 1]!; e < e1; e++) xtwz[zTarget[e]!] = xtwz[zTarget[e]!]! + moments[base + zSource[e]!]!;
  }
}

/** Clears the active cells' moments. */
function clearMoments(design: PatternDesign, ws: PatternWorkspace, nc: number): void {
  const size = design.moments;
  const { moments, activeCells } = ws;
  for (let i = 0; i < nc; i++) {
    const base = activeCells[i]! * size;
    for (let j = 0; j < size; j++) moments[base + j] = 0;
  }
}

/**
 * One pass at coefficients β over the active patterns: η (cell sum plus numeric part), e^η,
 * μ (R's logit_linkinv, η beyond ±30 clamped) into eta/ex/mu, and the deviance
 * Σ_p 2[m_p log(1 + t) − s_p log t] (μ = t/(1 + t)), returned; and each pattern's working
 * weight W_p = m_p μ'²/(μ(1 − μ)) and W_p z_p (z the working response η + (y − μ)/μ') into
 * its cell's moments (or, in row mode, W and z by pattern), for the next step.
 */
function pass(design: PatternDesign, ws: PatternWorkspace, active: Int32Array, d: number, nc: number, m: Float64Array, s: Float64Array, beta: ArrayLike<number>, eta: Float64Array, ex: Float64Array, mu: Float64Array): number {
  const { supportStart, support, cellOf } = design;
  const etaCell = ws.etaCell;
  for (let i = 0; i < nc; i++) {
    const c = ws.activeCells[i]!;
    let e = 0;
    for (let j = supportStart[c]!, j1 = supportStart[c + 1]!; j < j1; j++) e += beta[support[j]!]!;
    etaCell[c] = e;
  }
  if (!design.rows) clearMoments(design, ws, nc);
  if (design.q === 1 && !design.rows) return passCellsOneNumeric(design, ws, active, d, m, s, beta, eta, ex, mu);
  let dev = 0;
  const q = design.q;
  // one numeric column (age) is the usual case: its moments written out, M = 3
  const single = q === 1;
  const rowMode = design.rows !== null;
  const wRow = ws.w;
  const zRow = ws.z;
  const bAge = single ? beta[design.numericColumns[0]!]! : 0;
  const numeric = design.numeric;
  const mom = ws.moments;
  const size = design.moments;
  for (let u = 0; u < d; u++) {
    const p = active[u]!;
    const e = single ? etaCell[cellOf[p]!]! + bAge * numeric[p]! : etaCell[cellOf[p]!]! + numericPart(design, p, beta);
    const x = Math.exp(e);
    eta[p] = e;
    ex[p] = x;
    const mp = m[p]!;
    const sp = s[p]!;
    if (e >= MTHRESH && e <= THRESH) {
      const inv = 1 / (1 + x);
      const mui = x * inv;
      mu[p] = mui;
      dev += mp * Math.log1p(x) - sp * e;
      {
        // μ' = μ(1 − μ) = w: W = m·w, W·z = W·η + (s − m·μ)
        const w = mp * mui * inv;
        const r = sp - mp * mui;
        if (rowMode) {
          wRow[p] = w;
          zRow[p] = e + r / w;
        } else if (single) {
          const wz = w * e + r;
          const base = cellOf[p]! * size;
          const v = numeric[p]!;
          const wv = w * v;
          mom[base] = mom[base]! + w;
          mom[base + 1] = mom[base + 1]! + wv;
          mom[base + 2] = mom[base + 2]! + wv * v;
          mom[base + 3] = mom[base + 3]! + wz;
          mom[base + 4] = mom[base + 4]! + wz * v;
        } else addMoments(design, ws, p, w, w * e + r);
      }
    } else {
      const t = e < MTHRESH ? DBL_EPSILON : INVEPS;
      const mui = t / (1 + t);
      mu[p] = mui;
      dev += mp * Math.log1p(t) - sp * (e < MTHRESH ? LOG_DBL_EPSILON : LOG_INVEPS);
      {
        const me = DBL_EPSILON;
        const w = (me * me) / (mui * (1 - mui));
        addMoments(design, ws, p, mp * w, mp * w * e + (w * (sp - mp * mui)) / me);
      }
    }
  }
  return 2 * dev;
}

/**
 * pass() for its usual case, written out: cells' moments, one numeric column (age). A
 * pattern with η beyond ±30 goes through clampedPattern.
 */
function passCellsOneNumeric(design: PatternDesign, ws: PatternWorkspace, active: Int32Array, d: number, m: Float64Array, s: Float64Array, beta: ArrayLike<number>, eta: Float64Array, ex: Float64Array, mu: Float64Array): number {
  const { cellOf, numeric } = design;
  const etaCell = ws.etaCell;
  const mom = ws.moments;
  const size = design.moments;
  const bAge = beta[design.numericColumns[0]!]!;
  let dev = 0;
  for (let u = 0; u < d; u++) {
    const p = active[u]!;
    const v = numeric[p]!;
    const base = cellOf[p]! * size;
    const e = etaCell[cellOf[p]!]! + bAge * v;
    if (e < MTHRESH || e > THRESH) {
      dev += clampedPattern(design, ws, p, e, m[p]!, s[p]!, eta, ex, mu);
      continue;
    }
    const x = Math.exp(e);
    eta[p] = e;
    ex[p] = x;
    const mp = m[p]!;
    const sp = s[p]!;
    const inv = 1 / (1 + x);
    const mui = x * inv;
    mu[p] = mui;
    dev += mp * Math.log1p(x) - sp * e;
    const w = mp * mui * inv;
    const wz = w * e + (sp - mp * mui);
    const wv = w * v;
    mom[base]! += w;
    mom[base + 1]! += wv;
    mom[base + 2]! += wv * v;
    mom[base + 3]! += wz;
    mom[base + 4]! += wz * v;
  }
  return 2 * dev;
}

/** A pattern whose η is beyond ±30: R's clamped μ and μ', its moments; returns its deviance / 2. */
function clampedPattern(design: PatternDesign, ws: PatternWorkspace, p: number, e: number, mp: number, sp: number, eta: Float64Array, ex: Float64Array, mu: Float64Array): number {
  eta[p] = e;
  ex[p] = Math.exp(e);
  const t = e < MTHRESH ? DBL_EPSILON : INVEPS;
  const mui = t / (1 + t);
  mu[p] = mui;
  const me = DBL_EPSILON;
  const w = (me * me) / (mui * (1 - mui));
  addMoments(design, ws, p, mp * w, mp * w * e + (w * (sp - mp * mui)) / me);
  return mp * Math.log1p(t) - sp * (e < MTHRESH ? LOG_DBL_EPSILON : LOG_INVEPS);
}

/** The start point of patternIrls at coefficients `beta` for every pattern of the design (computed once per bootstrap). @internal */
export function patternStart(design: PatternDesign, beta: ArrayLike<number>): PatternStart {
  const n = design.n;
  const eta = new Float64Array(n);
  const ex = new Float64Array(n);
  const mu = new Float64Array(n);
  const me = new Float64Array(n);
  const w = new Float64Array(n);
  const devSuccess = new Float64Array(n);
  const devFailure = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let e = numericPart(design, p, beta);
    const c = design.cellOf[p]!;
    for (let j = design.supportStart[c]!; j < design.supportStart[c + 1]!; j++) e += beta[design.support[j]!]!;
    eta[p] = e;
    ex[p] = Math.exp(e);
    const inRange = e >= MTHRESH && e <= THRESH;
    const t = inRange ? ex[p]! : e < MTHRESH ? DBL_EPSILON : INVEPS;
    const logT = inRange ? e : e < MTHRESH ? LOG_DBL_EPSILON : LOG_INVEPS;
    const inv = 1 / (1 + t);
    mu[p] = t * inv;
    me[p] = inRange ? mu[p]! * inv : DBL_EPSILON;
    w[p] = inRange ? me[p]! : (me[p]! * me[p]!) / (mu[p]! * (1 - mu[p]!));
    const l = Math.log1p(t);
    devSuccess[p] = 2 * (l - logT);
    devFailure[p] = 2 * l;
  }
  return { beta: Float64Array.from(beta), eta, ex, mu, me, w, devSuccess, devFailure };
}

/** β = (XᵀWX)⁻¹XᵀWz into `beta` and the factor into `factor`; false when XᵀWX is numerically singular. */
function solve(ws: PatternWorkspace, k: number, factor: Float64Array, beta: Float64Array): boolean {
  if (!choleskyFactorFlat(ws.xtwx, k, factor)) return false;
  choleskySolveFlat(factor, k, ws.xtwz, beta, ws.work);
  return true;
}

/**
 * Maximum likelihood logistic regression on the patterns active[0 … d − 1] of the design
 * (pattern i has m[i] ≥ 1 trials and s[i] successes), by R's glm.fit iteration: weighted
 * least squares on the working response until |dev − dev_old| / (|dev| + 0.1) < epsilon,
 * at most maxit iterations, with the step halved while the deviance is not finite. From
 * R's start (start null), every iterate is fitLogistic's on the patterns' rows, in exact
 * arithmetic (only the order of the sums differs); from another start (a bootstrap starts
 * from the full-data estimate) it converges to the same maximum by the same criterion.
 * Separation is judged as fitLogistic judges it (fitted probability numerically 0 or 1,
 * diverging Fisher scoring steps, singular information).
 *
 * `firstStep`, when given, sees XᵀWX of the first step (lower triangle, flat k × k); when
 * it returns false the fit stops and patternIrls returns null. Inputs are not checked: the
 * design must be finite with full column rank over the active patterns. @internal
 */
export function patternIrls(
  design: PatternDesign,
  active: Int32Array,
  d: number,
  m: Float64Array,
  s: Float64Array,
  ws: PatternWorkspace,
  start: PatternStart | null,
  maxit = 25,
  epsilon = 1e-8,
  firstStep?: (xtwx: Float64Array, k: number) => boolean,
): PatternIrlsResult | null {
  const k = design.k;
  if (ws.design !== design) throw new RangeError('patternIrls: the workspace belongs to another design');
  let { eta, ex, mu, nEta, nEx, nMu, beta, nBeta } = ws;
  const nc = activeCellsOf(design, active, d, ws);
  if (!design.rows) clearMoments(design, ws, nc);
  let devOld = 0;
  if (start === null) {
    const [s0, s1] = START;
    for (let u = 0; u < d; u++) {
      const p = active[u]!;
      const succ = s[p]!;
      const fail = m[p]! - succ;
      addMoments(design, ws, p, fail * s0.w + succ * s1.w, fail * s0.w * s0.z + succ * s1.w * s1.z);
      devOld += fail * s0.dev + succ * s1.dev;
    }
    beta.fill(0, 0, k);
  } else {
    const fast = design.q === 1 && !design.rows;
    const { cellOf, numeric } = design;
    const mom = ws.moments;
    const size = design.moments;
    for (let u = 0; u < d; u++) {
      const p = active[u]!;
      const mp = m[p]!;
      const sp = s[p]!;
      const e = start.eta[p]!;
      const mui = start.mu[p]!;
      eta[p] = e;
      ex[p] = start.ex[p]!;
      mu[p] = mui;
      const wp = start.w[p]!;
      const w = mp * wp;
      const wz = w * e + (wp * (sp - mp * mui)) / start.me[p]!;
      devOld += sp * start.devSuccess[p]! + (mp - sp) * start.devFailure[p]!;
      if (fast) {
        const base = cellOf[p]! * size;
        const v = numeric[p]!;
        const wv = w * v;
        mom[base]! += w;
        mom[base + 1]! += wv;
        mom[base + 2]! += wv * v;
        mom[base + 3]! += wz;
        mom[base + 4]! += wz * v;
      } else addMoments(design, ws, p, w, wz);
    }
    for (let j = 0; j < k; j++) beta[j] = start.beta[j]!;
  }
  // with a given start there is a previous point to halve towards from the first step on
  let hasPoint = start !== null;
  let hasFactor = false;
  let converged = false;
  let iterations = 0;
  let singular = false;
  let lastChange = Infinity;
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    assemble(design, ws, nc, active, d);
    if (iter === 1 && firstStep && !firstStep(ws.xtwx, k)) return null;
    if (!solve(ws, k, ws.nFactor, nBeta)) {
      singular = true;
      break;
    }
    let devNew = pass(design, ws, active, d, nc, m, s, nBeta, nEta, nEx, nMu);
    for (let halvings = 0; !Number.isFinite(devNew) && halvings < 100 && hasPoint; halvings++) {
      for (let j = 0; j < k; j++) nBeta[j] = (nBeta[j]! + beta[j]!) / 2;
      devNew = pass(design, ws, active, d, nc, m, s, nBeta, nEta, nEx, nMu);
    }
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
    swap = ws.factor;
    ws.factor = ws.nFactor;
    ws.nFactor = swap;
    hasFactor = true;
    hasPoint = true;
    lastChange = Math.abs(devNew - devOld);
    if (lastChange / (Math.abs(devNew) + 0.1) < epsilon) {
      converged = true;
      devOld = devNew;
      break;
    }
    devOld = devNew;
  }
  ws.eta = eta;
  ws.ex = ex;
  ws.mu = mu;
  ws.nEta = nEta;
  ws.nEx = nEx;
  ws.nMu = nMu;
  ws.beta = beta;
  ws.nBeta = nBeta;

  // Separation, as fitLogistic judges it
  let separationSign: SeparationSign | null = null;
  const eps10 = 10 * DBL_EPSILON;
  // fitLogistic bounds the last step's deviance change by epsilon·(|dev| + 0.1), which in a
  // large trial (dev ≈ 10⁵) flags every pattern with μ below 0.1; the change itself (not
  // below the deviance's rounding) is the sharper bound of the same argument
  const near = PROBE_FACTOR * Math.min(epsilon * (Math.abs(devOld) + 0.1), Math.max(lastChange, 64 * DBL_EPSILON * Math.abs(devOld)));
  let probe = !converged;
  if (singular) separationSign = 'singular_information';
  else {
    // The probe's bound applies to a pattern's m trials together: in a direction of
    // separation each of them lowers the deviance by about 3.4μ per step (fitLogistic), so a
    // converged separated fit has m·μ (or m·(1 − μ)) below the bound.
    for (let u = 0; u < d; u++) {
      const p = active[u]!;
      const mi = mu[p]!;
      if (mi < eps10 || mi > 1 - eps10) {
        separationSign = 'fitted_0_or_1';
        break;
      }
      const mp = m[p]!;
      if (mp * mi < near || mp * (1 - mi) < near) probe = true;
    }
  }
  if (separationSign === null && probe) {
    // Fisher scoring continued from the fit, in the spare buffers; the moments at the fit's
    // point are those of the last pass, or (no step taken) of the start
    const probeFactor = new Float64Array(k * k);
    const probeBeta = new Float64Array(k);
    if (!hasFactor) pass(design, ws, active, d, nc, m, s, beta, nEta, nEx, nMu);
    for (let step = 0; step < DIVERGENCE_STEPS; step++) {
      assemble(design, ws, nc, active, d);
      if (!solve(ws, k, probeFactor, probeBeta)) {
        separationSign = 'singular_information';
        break;
      }
      pass(design, ws, active, d, nc, m, s, probeBeta, nEta, nEx, nMu);
    }
    if (separationSign === null) {
      for (let u = 0; u < d; u++) {
        const i = active[u]!;
        if (Math.abs(nEta[i]! - eta[i]!) > DIVERGENCE_THRESHOLD) {
          separationSign = 'diverging';
          break;
        }
      }
    }
  }
  return { beta, eta, mu, factor: hasFactor ? ws.factor : null, deviance: devOld, iterations, converged, separationSign };
}

/** √m-weighted rows: their Gram matrix is that of the patterns' rows repeated m times, so findAliasedColumns decides as on the rows. */
export function weightedRows(x: Matrix, m: ArrayLike<number>): number[][] {
  return x.map((row, i) => {
    const r = Math.sqrt(m[i]!);
    return row.map((v) => v * r);
  });
}

/**
 * Fits logit P(y = 1) = Xβ by maximum likelihood to patterns: row i of `x` stands for
 * `trials[i]` participants with that row, `successes[i]` of them with y = 1. The same fit as
 * fitLogistic on the participants' rows (R's glm.fit step for step from the same start, the
 * sums taken by pattern), so the same coefficients, standard errors, deviance, null deviance
 * and separation verdict up to rounding, in time proportional to the number of patterns.
 * R: `glm(y ~ …, family = binomial, weights = trials)` on one row per pattern and outcome,
 * or `glm(cbind(s, m − s) ~ …)` for the coefficients. `fitted` and `linearPredictor` are per
 * pattern; nobs is the number of participants. X must have full column rank over the
 * patterns (findAliasedColumns on the √m-weighted rows, as fitLogistic checks the rows).
 *
 * @example fitLogisticPatterns([[1, 0], [1, 1]], [1, 3], [4, 4]).coefficients
 *   // [log(1/3), log(3) − log(1/3)], as fitLogistic on the 8 rows
 */
export function fitLogisticPatterns(x: Matrix, successes: readonly number[], trials: readonly number[], options: LogisticOptions = {}): LogisticFit {
  const p = x.length;
  if (successes.length !== p || trials.length !== p) throw new RangeError('fitLogisticPatterns: X, successes and trials differ in length');
  if (p === 0) throw new RangeError('fitLogisticPatterns: no observations');
  const k = x[0]!.length;
  if (k === 0) throw new RangeError('fitLogisticPatterns: X has no columns');
  for (const row of x) {
    if (row.length !== k) throw new RangeError('fitLogisticPatterns: X rows differ in length');
    if (!row.every(Number.isFinite)) throw new RangeError('fitLogisticPatterns: X must be finite');
  }
  for (let i = 0; i < p; i++) {
    const m = trials[i]!;
    const s = successes[i]!;
    if (!(Number.isInteger(m) && m >= 1 && Number.isInteger(s) && s >= 0 && s <= m)) {
      throw new RangeError('fitLogisticPatterns: trials must be whole numbers ≥ 1 and successes whole numbers from 0 to trials');
    }
  }
  if (options.names && options.names.length !== k) throw new RangeError('fitLogisticPatterns: names must match the columns of X');
  const aliased = findAliasedColumns(weightedRows(x, trials), k);
  if (aliased.length > 0) {
    throw new RangeError(`fitLogisticPatterns: X is rank deficient (aliased column${aliased.length > 1 ? 's' : ''} ${aliased.join(', ')}); drop them first (designMatrix does)`);
  }
  const m = Float64Array.from(trials);
  const s = Float64Array.from(successes);
  const active = Int32Array.from({ length: p }, (_, i) => i);
  const design = patternDesign(x.flat(), p, k);
  const fit = patternIrls(design, active, p, m, s, new PatternWorkspace(design), null, options.maxIterations ?? 25, options.epsilon ?? 1e-8)!;
  const covariance = fit.factor ? choleskyInverse(choleskyFactorRows(fit.factor, k)) : Array.from({ length: k }, () => new Array<number>(k).fill(Infinity));

  let nobs = 0;
  let events = 0;
  for (let i = 0; i < p; i++) {
    nobs += m[i]!;
    events += s[i]!;
  }
  const hasIntercept = options.intercept ?? Array.from({ length: k }, (_, j) => j).some((j) => x.every((row) => row[j] === 1));
  const ybar = events / nobs;
  const nullMu = hasIntercept ? ybar : 0.5;
  const failures = nobs - events;
  const devOne = nullMu > 0 ? -2 * Math.log(nullMu) : Infinity;
  const devZero = nullMu < 1 ? -2 * Math.log(1 - nullMu) : Infinity;
  let nullDeviance = (events > 0 ? events * devOne : 0) + (failures > 0 ? failures * devZero : 0);
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
    fitted: Array.from(fit.mu.subarray(0, p)),
    linearPredictor: Array.from(fit.eta.subarray(0, p)),
    iterations: fit.iterations,
    converged: fit.converged,
    separation: fit.separationSign !== null,
    separationSign: fit.separationSign,
    nobs,
    dfResidual: nobs - k,
  };
}
