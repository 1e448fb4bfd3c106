/**
 * The fixed model columns every questionnaire model shares (intervention arm, site, the
 * plan's covariates), coded once for all analysed participants with every covariate known,
 * as flat numbers. The ANCOVA, the mixed model and the imputation models add their own
 * columns (baseline score, wave, other waves) beside these.
 *
 * Participants share few distinct rows of these columns (arm × site × sex × education ×
 * age in years … : thousands, however many participants), so the rows are stored once each
 * ("patterns") with a pattern number per participant. A sum over participants of a column
 * times a weight is then a sum of weights per pattern followed by one pass over the
 * patterns, which is what makes the imputation models cheap to refit at registry scale.
 *
 * Coding is R's treatment contrasts, as designMatrix gives them (one 0/1 column per level
 * after the first of the level lists below). Levels absent from the rows a model uses, and
 * columns that are combinations of others, are not removed here: each model finds them
 * among its own rows with aliasedColumns, which leaves the same column space (and so the
 * same arm difference) as designMatrix's dropping of levels and aliased columns.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { interventionArm } from '../outcomes/employment-over-time.ts';
import { covariateTerm } from '../outcomes/model-columns.ts';

/** The fixed columns of the participants `rows`, without the intercept. */
export interface FixedDesign {
  /** Participant indices, one per design row (R rows). */
  rows: Int32Array;
  /** Number of columns. */
  k: number;
  /** Column names as designMatrix gives them: 'armIPS', 'siteBergen', 'age', 'sexM', … */
  names: string[];
  /** Each column's term: 'arm', 'site' or a covariate. */
  terms: string[];
  /** The distinct rows, P × k row-major, each column minus its mean over the design rows (`shift`). */
  patterns: Float64Array;
  /** Number of distinct rows P. */
  patternCount: number;
  /** Each design row's pattern number (0 … P − 1). */
  pattern: Int32Array;
  /** Each column's mean over the design rows: a pattern + shift is the row itself. */
  shift: Float64Array;
  /** 1 for a participant of the intervention arm (the design's column 0). */
  intervention: Uint8Array;
}

type CovariateColumn = 'age' | 'sex' | 'diagnosis' | 'education' | 'worked_last_5y';

/**
 * Codes arm (intervention = 1, column 0), site (reference: the first of `sites`) and the
 * plan's covariates for the participants `rows`, who must have every covariate (see
 * imputationRows).
 *
 * @throws RangeError when a participant lacks a covariate or has a value outside its term's levels.
 */
export function fixedDesign(dataset: Dataset, plan: AnalysisPlan, sites: readonly string[], rows: readonly number[]): FixedDesign {
  const p = dataset.participants;
  const intervention = interventionArm(plan);
  const names: string[] = [`arm${intervention}`];
  const terms: string[] = ['arm'];
  type Coder = (i: number, out: Float64Array, base: number) => void;
  const coders: Coder[] = [(i, out, base) => {
    out[base] = p.arm[i] === intervention ? 1 : 0;
  }];
  const categorical = (term: string, levels: readonly string[], value: (i: number) => string | null) => {
    const offset = names.length;
    const index = new Map(levels.map((l, j) => [l, j]));
    for (const level of levels.slice(1)) {
      names.push(`${term}${level}`);
      terms.push(term);
    }
    coders.push((i, out, base) => {
      const v = value(i);
      const j = v === null ? undefined : index.get(v);
      if (j === undefined) throw new RangeError(v === null ? `fixedDesign: a participant lacks '${term}' (pass imputationRows)` : `fixedDesign: '${term}' has a value outside its levels`);
      if (j > 0) out[base + offset + j - 1] = 1;
    });
  };
  categorical('site', sites, (i) => p.site[i]!);
  for (const c of plan.covariates) {
    const term = covariateTerm(c, plan);
    const column = p[c as CovariateColumn] as readonly (string | number | null)[];
    if (term.type === 'numeric') {
      const offset = names.length;
      names.push(c);
      terms.push(c);
      coders.push((i, out, base) => {
        const v = column[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`fixedDesign: a participant lacks '${c}' (pass imputationRows)`);
        out[base + offset] = v;
      });
    } else {
      categorical(c, (term.levels ?? []).map(String), (i) => (column[i] === null || column[i] === undefined ? null : String(column[i])));
    }
  }
  const k = names.length;
  const n = rows.length;
  const pattern = new Int32Array(n);
  const index = new Map<string, number>();
  const distinct: number[] = [];
  const flags = new Uint8Array(n);
  const row = new Float64Array(k);
  const sums = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    row.fill(0);
    for (const code of coders) code(rows[r]!, row, 0);
    flags[r] = row[0]!;
    for (let j = 0; j < k; j++) sums[j]! += row[j]!;
    const key = row.join(',');
    let at = index.get(key);
    if (at === undefined) {
      at = index.size;
      index.set(key, at);
      for (let j = 0; j < k; j++) distinct.push(row[j]!);
    }
    pattern[r] = at;
  }
  const shift = sums.map((v) => (n > 0 ? v / n : 0));
  const patterns = Float64Array.from(distinct, (v, i) => v - shift[i % k]!);
  return { rows: Int32Array.from(rows), k, names, terms, patterns, patternCount: index.size, pattern, shift, intervention: flags };
}

/** A wave's answers (one per participant, as MeasureScores.values[w], NaN = none) on the design's rows. */
export function waveValues(design: FixedDesign, values: Float64Array): Float64Array {
  const out = new Float64Array(design.rows.length);
  for (let r = 0; r < out.length; r++) out[r] = values[design.rows[r]!]!;
  return out;
}

/** What sums over the fixed columns need: a FixedDesign's arrays (plain data, for workers too). */
export interface FixedColumns {
  k: number;
  /** Distinct rows, P × k row-major, minus `shift`. */
  patterns: Float64Array;
  patternCount: number;
  /** Each design row's pattern. */
  pattern: Int32Array;
  shift: Float64Array;
  /** 1 for a design row of the intervention arm (column 0). */
  intervention: Uint8Array;
}

/** The fixed columns' arrays of a design, without names. */
export function fixedColumns(design: FixedDesign): FixedColumns {
  const { k, patterns, patternCount, pattern, shift, intervention } = design;
  return { k, patterns, patternCount, pattern, shift, intervention };
}

/**
 * out[j] = Σ_{r ∈ rows} x̃_rj · (values[r] − shift), x̃ the fixed columns minus their means;
 * returns Σ (values[r] − shift). With more rows than patterns the weights are first summed
 * per pattern (in `buckets`, P numbers of scratch), so the cost is |rows| + P·k rather than
 * |rows|·k.
 */
export function fixedWeightedSum(f: FixedColumns, rows: Int32Array, values: Float64Array, shift: number, out: Float64Array, buckets: Float64Array): number {
  const { k, patterns, pattern, patternCount } = f;
  out.fill(0);
  let total = 0;
  if (rows.length > patternCount) {
    buckets.fill(0, 0, patternCount);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const d = values[r]! - shift;
      total += d;
      buckets[pattern[r]!] = buckets[pattern[r]!]! + d;
    }
    for (let p = 0; p < patternCount; p++) {
      const w = buckets[p]!;
      if (w === 0) continue;
      const base = p * k;
      for (let j = 0; j < k; j++) out[j] = out[j]! + patterns[base + j]! * w;
    }
  } else {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const d = values[r]! - shift;
      total += d;
      const base = pattern[r]! * k;
      for (let j = 0; j < k; j++) out[j] = out[j]! + patterns[base + j]! * d;
    }
  }
  return total;
}

/** Sums over design rows of the fixed columns: Σ x̃, Σ x̃x̃ᵀ (lower triangle, k × k row-major) and the raw Σ x². */
export interface FixedSums {
  n: number;
  sum: Float64Array;
  cross: Float64Array;
  squares: Float64Array;
}

/**
 * Σ x̃, Σ x̃x̃ᵀ and Σ x² over `rows` (all design rows when omitted), from the number of rows
 * of each pattern.
 */
export function fixedCrossProducts(f: FixedColumns, rows?: Int32Array): FixedSums {
  const { k, patterns, pattern, patternCount } = f;
  const count = new Float64Array(patternCount);
  const n = rows ? rows.length : pattern.length;
  for (let i = 0; i < n; i++) count[pattern[rows ? rows[i]! : i]!]! += 1;
  return patternCrossProducts(f, count, n);
}

/** Σ_π c_π x̃_π, Σ_π c_π x̃_π x̃_πᵀ (lower triangle) and Σ_π c_π x_π² for pattern counts c over n rows. */
export function patternCrossProducts(f: FixedColumns, count: Float64Array, n: number): FixedSums {
  const { k, patterns, patternCount, shift } = f;
  const sum = new Float64Array(k);
  const cross = new Float64Array(k * k);
  const squares = new Float64Array(k);
  for (let p = 0; p < patternCount; p++) {
    const c = count[p]!;
    if (c === 0) continue;
    const base = p * k;
    for (let i = 0; i < k; i++) {
      const ci = c * patterns[base + i]!;
      sum[i]! += ci;
      squares[i]! += c * (patterns[base + i]! + shift[i]!) ** 2;
      for (let j = 0; j <= i; j++) cross[i * k + j]! += ci * patterns[base + j]!;
    }
  }
  return { n, sum, cross, squares };
}

/** Copies fixed-column sums into the first k columns of `s` (k = f's columns, s with K ≥ k). */
export function setFixedSums(s: { k: number; n: number; sum: Float64Array; cross: Float64Array; squares: Float64Array }, fixed: FixedSums, k: number): void {
  const K = s.k;
  s.n = fixed.n;
  for (let i = 0; i < k; i++) {
    s.sum[i] = fixed.sum[i]!;
    s.squares[i] = fixed.squares[i]!;
    for (let j = 0; j <= i; j++) s.cross[i * K + j] = fixed.cross[i * k + j]!;
  }
}

/** Fixed column j of design row r in raw units. */
export function fixedValue(f: FixedColumns, r: number, j: number): number {
  return f.patterns[f.pattern[r]! * f.k + j]! + f.shift[j]!;
}
