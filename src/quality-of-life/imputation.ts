/**
 * Multiple imputation of one measure's missing answers by chained equations (van Buuren &
 * Groothuis-Oudshoorn 2011, J Stat Softw 45(3); van Buuren 2018, Flexible Imputation of
 * Missing Data, 2nd ed., §4.5), each wave imputed by Bayesian linear regression (mice's
 * "norm" method) on arm, site, the plan's covariates and the measure's other waves; then
 * the primary ANCOVA on each completed data set.
 *
 * The work is cut into chunks, one per (measure, imputation), each a pure function of the
 * shared input and its index (imputationChunk) drawing from its own generator keyed by
 * (seed, measure, imputation number): the results are the same whether the chunks run in
 * order, in any other order, or on several threads.
 *
 * Speed at registry scale comes from the structure of the chained equations: a wave's
 * model is refitted over the same answered rows in every round and every imputation, and
 * only the other waves' imputed values change. So the cross-products of the fixed
 * columns (and of every value that is observed) are gathered once per measure
 * (imputationInput), and a refit adds only the rows where another wave was imputed, then
 * solves p × p normal equations (normFitFromSums, the same β̂, SSE and V as
 * mice's QR-based estimice up to rounding, with the rows' own fit as the fallback). Sums
 * and predictions over the fixed columns go through their distinct rows (FixedColumns'
 * patterns): a few operations per participant instead of one per column.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { chiSquareDraw } from '../random/chi-square-draw.ts';
import { createRngFromKey, type Rng } from '../random/rng.ts';
import { fitNormModel, normDrawFromScratch, normFitFromSums, normParametersFromVariates, normScratch } from '../stats/bayesian-regression-draw.ts';
import { aliasedColumns, crossProducts, shiftedSums, type ShiftedSums } from '../stats/cross-products.ts';
import { fillStandardNormals } from '../stats/normal-variates.ts';
import { ancovaDifference, ancovaFromCrossProducts } from './ancova.ts';
import { fixedColumns, fixedCrossProducts, fixedValue, fixedWeightedSum, setFixedSums, type FixedColumns, type FixedDesign } from './fixed-design.ts';

/**
 * Rounds of chained equations before a data set is taken. mice's default is 5; the chains
 * here start from random draws of observed answers and have only a few waves to cycle
 * through, and 10 rounds leave no trend in the imputed means on the sample trial.
 */
export const IMPUTATION_ITERATIONS = 10;

/**
 * The largest condition number (1-norm, scaled normal equations) at which an imputation
 * model is solved from cross-products; above it the rows are refitted by QR. Far looser
 * than the ANCOVA's bound: a draw's spread is its posterior SD, so digits past the 8th
 * of β̂ do not matter to it.
 */
export const IMPUTATION_MAX_CONDITION = 1e8;

/** The key of imputation `k`'s generator: by measure name, so adding a measure changes no other's draws. */
export function imputationKey(seed: number, measure: string, k: number): string {
  return `ips-rct imputation v1\n${seed}\n${measure}\n${k}`;
}

/** The participants the imputation model can use: analysed, with arm, site and every covariate known. */
export function imputationRows(dataset: Dataset, plan: AnalysisPlan, analysed: readonly number[]): number[] {
  const p = dataset.participants;
  return analysed.filter((i) => plan.covariates.every((c) => p[c as 'age' | 'sex' | 'diagnosis' | 'education' | 'worked_last_5y'][i] !== null));
}

/** Fills out[0 … count) with standard normal variates from `rng`. */
export type NormalSource = (rng: Rng, out: Float64Array, count: number) => void;

/**
 * The production source: the ziggurat (fillStandardNormals), several times cheaper than a
 * call of Rng.normal per variate. The order of the draws stays mice's (one chi-square, p
 * normals, one normal per missing row); only the normal generator differs from
 * drawNormImputation's, which a test uses to check the chain against the row-by-row one.
 */
export const zigguratNormals: NormalSource = (rng, out, count) => fillStandardNormals(rng, out, 0, count);

/** What one wave's imputation model needs that is the same in every round and every imputation. */
export interface TargetInput {
  /** Plan wave index of the wave imputed. */
  wave: number;
  /** Wave indices of its predictor waves (imputable, not itself), in plan order. */
  others: number[];
  /**
   * Sums over the wave's answered rows of [fixed columns, others, the wave], as deviations
   * from the columns' shifts, holding only the parts that never change: everything of the
   * fixed columns and the wave itself, and of another wave the rows where it was answered
   * (pairs of other waves: where both were).
   */
  fixed: ShiftedSums;
  /** Design rows where the wave was answered, and where it was not (to impute). */
  seen: Int32Array;
  unseen: Int32Array;
  /** Per other wave: the answered rows of this wave where that wave is missing (imputed). */
  varying: Int32Array[];
  /**
   * Aligned with each varying list: the row's fixed pattern and this wave's answer minus its
   * shift, laid out in order so that a refit reads them in sequence (at registry scale the
   * refits are bound by memory access, not arithmetic).
   */
  varyingPattern: Int32Array[];
  varyingY: Float64Array[];
  /** Aligned with `unseen`: the row's fixed pattern. */
  unseenPattern: Int32Array;
  /** Per pair of other waves (a < b, in order): the answered rows where either is missing. */
  pairs: { a: number; b: number; rows: Int32Array }[];
}

/** One measure's share of the shared input. */
export interface MeasureInput {
  name: string;
  /** Per plan wave: the answer of each design row, NaN where none. */
  observed: Float64Array[];
  /** Per plan wave: the mean of its answers (the column shift), 0 when none. */
  shift: number[];
  /** Plan wave indices of the follow-up waves whose ANCOVA is pooled. */
  analyse: number[];
  /** Waves with at least 2 answers: imputed and used as predictors. */
  imputable: boolean[];
  /** Per plan wave: the design rows with an answer, and without; and the answers in row order (the pool starting draws come from). */
  answered: Int32Array[];
  missing: Int32Array[];
  answers: Float64Array[];
  targets: TargetInput[];
  /** Per plan wave: Σ over its answered rows of fixed × (answer − shift) (k each), for the ANCOVA. */
  answeredCross: Float64Array[];
  /** Per plan wave: Σ over its answered rows of (answer − shift). */
  answeredSum: number[];
}

/** Everything every chunk reads: plain data and typed arrays, sent once to each worker. */
export interface ImputationInput {
  seed: number;
  imputations: number;
  iterations: number;
  /** Fixed columns of the design rows (column 0: the intervention arm). */
  design: FixedColumns;
  /** Sums of the fixed columns over every design row (the ANCOVA on completed data uses every row). */
  fixedSums: ShiftedSums;
  /** The ANCOVA's term names and confidence level. */
  terms: string[];
  level: number;
  measures: MeasureInput[];
}

/** One completed data set's ANCOVA at one wave: what Rubin's rules need. */
export interface ImputedFit {
  wave: number;
  estimate: number | null;
  se: number | null;
  df: number | null;
  n: number;
  note: string | null;
}

/** What a chunk returns: the ANCOVA of every analysed wave on imputation `imputation` of measure `measure`. */
export interface ImputationChunkResult {
  measure: number;
  imputation: number;
  fits: ImputedFit[];
}

/**
 * The shared input of the chunks for the measures given (values per plan wave on the
 * design's rows, NaN = no answer; `analyse`: the follow-up wave indices to pool).
 * Gathers the cross-products that stay the same in every round and imputation.
 */
export function imputationInput(
  design: FixedDesign, plan: AnalysisPlan, terms: string[], measures: readonly { name: string; values: Float64Array[]; analyse: number[] }[],
): ImputationInput {
  const f = fixedColumns(design);
  const { k } = f;
  const R = design.rows.length;
  const fixedSums = shiftedSums(design.shift);
  setFixedSums(fixedSums, fixedCrossProducts(f), k);
  const buckets = new Float64Array(f.patternCount);
  return {
    seed: plan.seed,
    imputations: plan.imputations,
    iterations: IMPUTATION_ITERATIONS,
    design: f,
    fixedSums,
    terms,
    level: plan.confidence_level,
    measures: measures.map((m) => {
      const W = m.values.length;
      const answered = m.values.map((col) => indices(col, false));
      const missing = m.values.map((col) => indices(col, true));
      const shift = m.values.map((col, w) => {
        let s = 0;
        for (const r of answered[w]!) s += col[r]!;
        return answered[w]!.length > 0 ? s / answered[w]!.length : 0;
      });
      const imputable = answered.map((a) => a.length >= 2);
      const targets: TargetInput[] = [];
      for (let w = 0; w < W; w++) {
        if (!imputable[w] || answered[w]!.length === R) continue;
        const others = range(W).filter((v) => v !== w && imputable[v]);
        const seen = answered[w]!;
        const otherValues = others.map((v) => m.values[v]!);
        const varying = otherValues.map((col) => missingAmong(seen, col));
        const pairs: TargetInput['pairs'] = [];
        for (let a = 0; a < others.length; a++) {
          for (let b = a + 1; b < others.length; b++) pairs.push({ a, b, rows: missingAmong(seen, otherValues[a]!, otherValues[b]!) });
        }
        const y = m.values[w]!;
        targets.push({
          wave: w, others, fixed: fixedTargetSums(f, m.values, shift, w, others, seen, buckets), seen, unseen: missing[w]!, varying, pairs,
          varyingPattern: varying.map((rows) => gather(f.pattern, rows)),
          varyingY: varying.map((rows) => {
            const out = gather(y, rows);
            for (let i = 0; i < out.length; i++) out[i] = out[i]! - shift[w]!;
            return out;
          }),
          unseenPattern: gather(f.pattern, missing[w]!),
        });
      }
      const answeredSum: number[] = [];
      const answeredCross = m.values.map((col, w) => {
        const out = new Float64Array(k);
        answeredSum.push(fixedWeightedSum(f, answered[w]!, col, shift[w]!, out, buckets));
        return out;
      });
      const answers = m.values.map((col, w) => gather(col, answered[w]!));
      return { name: m.name, observed: m.values, shift, analyse: m.analyse, imputable, answered, missing, answers, targets, answeredCross, answeredSum };
    }),
  };
}

/** The number of chunks: one per measure and imputation. */
export function imputationChunkCount(input: ImputationInput): number {
  return input.measures.length * input.imputations;
}

/**
 * Chunk `chunk` (0 … imputationChunkCount − 1): imputation chunk mod m of measure
 * ⌊chunk / m⌋, completed by chained equations and analysed by ANCOVA at the measure's
 * analysed waves. Pure: reads `input` and never changes it, draws only from the generator
 * keyed by (seed, measure name, imputation number).
 */
export function imputationChunk(input: ImputationInput, chunk: number): ImputationChunkResult {
  const measure = Math.floor(chunk / input.imputations);
  const imputation = chunk % input.imputations;
  const m = input.measures[measure];
  if (!m || !Number.isInteger(chunk) || chunk < 0) throw new RangeError(`imputationChunk: no chunk ${chunk}`);
  const completed = completeMeasure(input, m, createRngFromKey(imputationKey(input.seed, m.name, imputation)), zigguratNormals);
  return { measure, imputation, fits: m.analyse.map((w) => imputedAncovaAt(input, m, completed, w)) };
}

/**
 * One completed data set of measure `m`: per plan wave, every design row's answer, observed
 * or imputed (waves with fewer than 2 answers stay as observed, NaN included). `rng` is the
 * data set's own generator; `normals` supplies its normal variates.
 *
 * The algorithm (and the order in which it draws) is mice's with method "norm": start each
 * wave's missing answers from random draws of its observed ones, then for `iterations`
 * rounds, for each wave with missing answers in plan order, fit the wave on the fixed
 * columns and the other waves' current values over its answered rows (columns aliased
 * there left out, found once before the first round), draw σ̇ (one chi-square) and β̇ (p
 * normals), and replace its missing answers by xβ̇ + σ̇z (one normal each). A wave with no
 * more answered rows than columns keeps its starting draws.
 */
export function completeMeasure(input: ImputationInput, m: MeasureInput, rng: Rng, normals: NormalSource): Float64Array[] {
  const f = input.design;
  const { k, shift: fixedShift } = f;
  const W = m.observed.length;
  const current = m.observed.map((col) => col.slice());
  for (let w = 0; w < W; w++) {
    if (!m.imputable[w]) continue;
    const pool = m.answers[w]!;
    const target = current[w]!;
    const rows = m.missing[w]!;
    // The draws of rows.length calls of rng.int(0, answers − 1), in bulk.
    const pick = new Int32Array(rows.length);
    rng.indices(pick, rows.length, pool.length);
    for (let i = 0; i < rows.length; i++) target[rows[i]!] = pool[pick[i]!]!;
  }

  const fx = new Float64Array(k);
  const moments = new Float64Array(4);
  const buckets = new Float64Array(f.patternCount);
  const maxK = Math.max(0, ...m.targets.map((t) => t.fixed.k));
  // The sums of the target being refitted: its never-changing part copied in, the imputed rows added.
  const work: ShiftedSums = { k: 0, n: 0, shift: new Float64Array(maxK), sum: new Float64Array(maxK), cross: new Float64Array(maxK * maxK), squares: new Float64Array(maxK) };
  /** The target's sums with the other waves' current values (in `work`, valid until the next call). */
  const sumsOf = (t: TargetInput): ShiftedSums => {
    const q = t.others.length;
    const K = k + q + 1;
    const s: ShiftedSums = {
      k: K, n: t.fixed.n, shift: work.shift.subarray(0, K), sum: work.sum.subarray(0, K), cross: work.cross.subarray(0, K * K), squares: work.squares.subarray(0, K),
    };
    s.shift.set(t.fixed.shift);
    s.sum.set(t.fixed.sum);
    s.cross.set(t.fixed.cross);
    s.squares.set(t.fixed.squares);
    for (let a = 0; a < q; a++) {
      const v = t.others[a]!;
      imputedSums(f, t.varying[a]!, t.varyingPattern[a]!, t.varyingY[a]!, current[v]!, m.shift[v]!, fx, moments, buckets);
      const c = k + a;
      s.sum[c]! += moments[0]!;
      s.cross[c * K + c]! += moments[1]!;
      s.cross[(k + q) * K + c]! += moments[2]!;
      s.squares[c]! += moments[3]!;
      for (let j = 0; j < k; j++) s.cross[c * K + j]! += fx[j]!;
    }
    for (const { a, b, rows } of t.pairs) {
      const va = t.others[a]!;
      const vb = t.others[b]!;
      s.cross[(k + b) * K + (k + a)]! += crossOf(rows, current[va]!, m.shift[va]!, current[vb]!, m.shift[vb]!);
    }
    return s;
  };

  // Columns aliased among a wave's answered rows (e.g. an arm nobody answered in at this
  // wave) carry no information on it; found once, as imputed values never make a column aliased.
  const kept = m.targets.map((t) => {
    const all = range(k + t.others.length);
    const drop = new Set(aliasedColumns(crossProducts(sumsOf(t)), all));
    return all.filter((j) => !drop.has(j));
  });

  const scratch = normScratch(maxK);
  let z = new Float64Array(0);
  const beta = new Float64Array(k);
  const drawn = new Float64Array(maxK);
  for (let round = 0; round < input.iterations; round++) {
    m.targets.forEach((t, i) => {
      const columns = kept[i]!;
      const q = t.others.length;
      const p = columns.length + 1;
      if (t.seen.length <= p) return; // too few answers to fit: keep the starting draws
      let fit = normFitFromSums(sumsOf(t), columns, k + q, IMPUTATION_MAX_CONDITION, scratch);
      let sigma: number;
      if (fit !== null) {
        const g = chiSquareDraw(rng, fit.df);
        const count = p + t.unseen.length;
        if (z.length < count) z = new Float64Array(count);
        normals(rng, z, count);
        sigma = normDrawFromScratch(scratch, p, fit.sse, g, z, drawn);
      } else {
        // Near-singular or near-perfect: the rows' own fit, mice's estimice (ridge included).
        const rowsFit = fitNormModel(Array.from(t.seen, (r) => rowOf(r, columns, t.others)), Array.from(t.seen, (r) => m.observed[t.wave]![r]!));
        fit = { sse: rowsFit.sse, df: rowsFit.df };
        const g = chiSquareDraw(rng, fit.df);
        const count = p + t.unseen.length;
        if (z.length < count) z = new Float64Array(count);
        normals(rng, z, count);
        const draw = normParametersFromVariates(rowsFit, g, Array.from(z.subarray(0, p)));
        drawn.set(draw.beta);
        sigma = draw.sigma;
      }
      // β̇ spread over the fixed columns (0 where aliased), on the shifted columns; the other waves' slopes apart.
      beta.fill(0);
      const otherBeta = new Float64Array(q);
      let intercept = drawn[0]!;
      columns.forEach((j, a) => {
        if (j < k) {
          beta[j] = drawn[a + 1]!;
          intercept += fixedShift[j]! * beta[j]!;
        } else otherBeta[j - k] = drawn[a + 1]!;
      });
      predict(t.unseen, t.unseenPattern, f, beta, intercept, t.others.map((v) => current[v]!), otherBeta, sigma, z, p, current[t.wave]!, buckets);
    });
  }
  return current;

  /** A design row [1, columns] in raw units, for the rows' own fit. */
  function rowOf(r: number, columns: readonly number[], others: readonly number[]): number[] {
    return [1, ...columns.map((j) => (j < k ? fixedValue(f, r, j) : current[others[j - k]!]![r]!))];
  }
}

/**
 * Over `rows` (with their patterns and the target's y − ȳ alongside), d = col − shift: Σ d, Σ d²,
 * Σ d·(y − ȳ), Σ col² into moments[0 … 3] and Σ x̃·d
 * into fx, x̃ the fixed columns minus their means (per pattern when rows outnumber
 * patterns, as fixedWeightedSum). The refit's hot loop.
 */
function imputedSums(
  f: FixedColumns, rows: Int32Array, rowPattern: Int32Array, rowY: Float64Array, col: Float64Array, shift: number,
  fx: Float64Array, moments: Float64Array, buckets: Float64Array,
): void {
  const { k, patterns, patternCount } = f;
  fx.fill(0);
  let sum = 0;
  let sq = 0;
  let withY = 0;
  let raw = 0;
  const byPattern = rows.length > patternCount;
  if (byPattern) buckets.fill(0, 0, patternCount);
  for (let i = 0; i < rows.length; i++) {
    const v = col[rows[i]!]!;
    const d = v - shift;
    sum += d;
    sq += d * d;
    raw += v * v;
    withY += d * rowY[i]!;
    const p = rowPattern[i]!;
    if (byPattern) buckets[p] = buckets[p]! + d;
    else {
      const base = p * k;
      for (let j = 0; j < k; j++) fx[j] = fx[j]! + patterns[base + j]! * d;
    }
  }
  if (byPattern) {
    for (let p = 0; p < patternCount; p++) {
      const w = buckets[p]!;
      if (w === 0) continue;
      const base = p * k;
      for (let j = 0; j < k; j++) fx[j] = fx[j]! + patterns[base + j]! * w;
    }
  }
  moments[0] = sum;
  moments[1] = sq;
  moments[2] = withY;
  moments[3] = raw;
}

/** Σ (a − sa)(b − sb) over `rows`. */
function crossOf(rows: Int32Array, a: Float64Array, sa: number, b: Float64Array, sb: number): number {
  let v = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    v += (a[r]! - sa) * (b[r]! - sb);
  }
  return v;
}

/**
 * target[r] = intercept + x̃_r·beta + Σ_a others[a][r]·otherBeta[a] + sigma·z[offset + i] for
 * the i-th of `rows` (x̃ the fixed columns minus their means); with more rows than patterns,
 * intercept + x̃·beta is computed once per pattern (into `values`, P numbers of scratch).
 */
function predict(
  rows: Int32Array, rowPattern: Int32Array, f: FixedColumns, beta: Float64Array, intercept: number, others: readonly Float64Array[], otherBeta: Float64Array,
  sigma: number, z: Float64Array, offset: number, target: Float64Array, values: Float64Array,
): void {
  const { k, patterns, patternCount } = f;
  const q = others.length;
  // Up to two other waves (three plan waves) without an inner loop; more through the loop.
  const o0 = q > 0 ? others[0]! : null;
  const b0 = q > 0 ? otherBeta[0]! : 0;
  const o1 = q > 1 ? others[1]! : null;
  const b1 = q > 1 ? otherBeta[1]! : 0;
  const byPattern = rows.length > patternCount;
  if (byPattern) {
    for (let p = 0; p < patternCount; p++) {
      const base = p * k;
      let v = intercept;
      for (let j = 0; j < k; j++) v += patterns[base + j]! * beta[j]!;
      values[p] = v;
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let v: number;
    if (byPattern) v = values[rowPattern[i]!]!;
    else {
      const base = rowPattern[i]! * k;
      v = intercept;
      for (let j = 0; j < k; j++) v += patterns[base + j]! * beta[j]!;
    }
    if (o0 !== null) v += o0[r]! * b0;
    if (o1 !== null) v += o1[r]! * b1;
    for (let a = 2; a < q; a++) v += others[a]![r]! * otherBeta[a]!;
    target[r] = v + sigma * z[offset + i]!;
  }
}

/**
 * The ANCOVA at wave `w` on a completed data set, over every design row. With both waves
 * complete the fixed columns' sums are reused and only imputed rows are added; otherwise
 * (a wave too sparse to impute) the complete cases are analysed as the primary ANCOVA is.
 */
export function imputedAncovaAt(input: ImputationInput, m: MeasureInput, completed: readonly Float64Array[], w: number): ImputedFit {
  const f = input.design;
  const { k, shift, intervention } = f;
  const b = completed[0]!;
  const y = completed[w]!;
  const out = (f: { estimate: number | null; se: number | null; df: number | null; n: number; note: string | null }): ImputedFit =>
    ({ wave: w, estimate: f.estimate, se: f.se, df: f.df, n: f.n, note: f.note });
  if (hasNaN(b) || hasNaN(y)) return out(ancovaDifference(input.design, input.level, input.terms, y, b));

  const R = b.length;
  const K = k + 2;
  const s = shiftedSums([...shift, m.shift[0]!, m.shift[w]!]);
  setFixedSums(s, input.fixedSums, k);
  // The baseline (column k) and the follow-up (column k + 1): answered rows from the input, imputed rows added here.
  [0, w].forEach((wave, e) => {
    const col = completed[wave]!;
    const c = k + e;
    const sh = m.shift[wave]!;
    const sum = m.answeredSum[wave]!;
    const fx = new Float64Array(k);
    const imputed = fixedWeightedSum(f, m.missing[wave]!, col, sh, fx, new Float64Array(f.patternCount));
    s.sum[c] = sum + imputed;
    for (let j = 0; j < k; j++) s.cross[c * K + j] = m.answeredCross[wave]![j]! + fx[j]!;
  });
  let bb = 0;
  let by = 0;
  let yy = 0;
  let rawB = 0;
  let rawY = 0;
  const sb = m.shift[0]!;
  const sy = m.shift[w]!;
  for (let r = 0; r < R; r++) {
    const db = b[r]! - sb;
    const dy = y[r]! - sy;
    bb += db * db;
    by += db * dy;
    yy += dy * dy;
    rawB += b[r]! * b[r]!;
    rawY += y[r]! * y[r]!;
  }
  s.squares[k] = rawB;
  s.squares[k + 1] = rawY;
  s.cross[k * K + k] = bb;
  s.cross[(k + 1) * K + k] = by;
  s.cross[(k + 1) * K + (k + 1)] = yy;
  let treated = 0;
  for (let r = 0; r < R; r++) treated += intervention[r]!;
  return out(ancovaFromCrossProducts(crossProducts(s), treated, input.level, input.terms, (columns) => {
    const p = columns.length + 1;
    const xs = new Float64Array(R * p);
    for (let r = 0; r < R; r++) {
      xs[r] = 1;
      columns.forEach((c, a) => {
        xs[(a + 1) * R + r] = c < k ? fixedValue(f, r, c) : b[r]!;
      });
    }
    return { x: xs, y: y.slice() };
  }, false));
}

/**
 * The never-changing sums of target wave `w` over its answered rows `seen` (see
 * TargetInput.fixed): columns [fixed 0 … k − 1, others k … k + q − 1, the wave k + q].
 */
function fixedTargetSums(
  f: FixedColumns, values: readonly Float64Array[], shift: readonly number[], w: number, others: readonly number[], seen: Int32Array, buckets: Float64Array,
): ShiftedSums {
  const { k } = f;
  const q = others.length;
  const K = k + q + 1;
  const s = shiftedSums([...f.shift, ...others.map((v) => shift[v]!), shift[w]!]);
  setFixedSums(s, fixedCrossProducts(f, seen), k);
  const y = values[w]!;
  const fx = new Float64Array(k);
  // The wave itself, answered on every row of `seen`.
  const yc = k + q;
  s.sum[yc] = fixedWeightedSum(f, seen, y, shift[w]!, fx, buckets);
  for (let j = 0; j < k; j++) s.cross[yc * K + j] = fx[j]!;
  let yy = 0;
  let rawY = 0;
  for (const r of seen) {
    yy += (y[r]! - shift[w]!) ** 2;
    rawY += y[r]! ** 2;
  }
  s.cross[yc * K + yc] = yy;
  s.squares[yc] = rawY;
  // Another wave on the rows where it was answered (its imputed rows are added at each refit).
  const answered = others.map((v) => answeredAmong(seen, values[v]!));
  others.forEach((v, a) => {
    const c = k + a;
    const col = values[v]!;
    s.sum[c] = fixedWeightedSum(f, answered[a]!, col, shift[v]!, fx, buckets);
    for (let j = 0; j < k; j++) s.cross[c * K + j] = fx[j]!;
    let sq = 0;
    let withY = 0;
    let raw = 0;
    for (const r of answered[a]!) {
      const d = col[r]! - shift[v]!;
      sq += d * d;
      raw += col[r]! ** 2;
      withY += d * (y[r]! - shift[w]!);
    }
    s.cross[c * K + c] = sq;
    s.squares[c] = raw;
    s.cross[yc * K + c] = withY;
    for (let b = 0; b < a; b++) {
      const other = values[others[b]!]!;
      let cross = 0;
      for (const r of answered[a]!) {
        const o = other[r]!;
        if (!Number.isNaN(o)) cross += (col[r]! - shift[v]!) * (o - shift[others[b]!]!);
      }
      s.cross[c * K + (k + b)] = cross;
    }
  });
  return s;
}

/** values[rows[i]] for each i, as a typed array of values' kind. */
function gather<T extends Float64Array | Int32Array>(values: T, rows: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

/** The entries r of `rows` where a[r] (or b[r], when given) is NaN. */
function missingAmong(rows: Int32Array, a: Float64Array, b?: Float64Array): Int32Array {
  const out = new Int32Array(rows.length);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (Number.isNaN(a[r]!) || (b !== undefined && Number.isNaN(b[r]!))) out[at++] = r;
  }
  return out.slice(0, at);
}

/** The entries r of `rows` where a[r] is not NaN. */
function answeredAmong(rows: Int32Array, a: Float64Array): Int32Array {
  const out = new Int32Array(rows.length);
  let at = 0;
  for (let i = 0; i < rows.length; i++) if (!Number.isNaN(a[rows[i]!]!)) out[at++] = rows[i]!;
  return out.slice(0, at);
}

function indices(col: Float64Array, missing: boolean): Int32Array {
  let count = 0;
  for (let r = 0; r < col.length; r++) if (Number.isNaN(col[r]!) === missing) count++;
  const out = new Int32Array(count);
  let at = 0;
  for (let r = 0; r < col.length; r++) if (Number.isNaN(col[r]!) === missing) out[at++] = r;
  return out;
}

function hasNaN(col: Float64Array): boolean {
  for (let r = 0; r < col.length; r++) if (Number.isNaN(col[r]!)) return true;
  return false;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
