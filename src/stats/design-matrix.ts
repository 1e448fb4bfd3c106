/**
 * Model matrices for regression from named data columns, coded as R's `model.matrix`
 * with its default treatment contrasts (R Core Team, ?model.matrix, ?contr.treatment;
 * Chambers & Hastie 1992, Statistical Models in S, ch. 2).
 */

/** One cell of a data column: null, undefined, NaN and '' are missing. */
export type CellValue = number | string | boolean | null | undefined;

/** Data columns by name, all of the same length (one entry per participant). */
export type Columns = Readonly<Record<string, readonly CellValue[]>>;

/**
 * A model term: a numeric covariate used as is (booleans count as 1/0), or a categorical
 * one coded as treatment contrasts: one 0/1 column per level except the first (the
 * reference). `levels` gives the level order, reference first (for the arm: control
 * first). Without it the levels are the distinct values sorted (numerically when all are
 * numbers, otherwise by UTF-16 code units, which is not R's locale collation: pass
 * `levels` whenever the reference matters).
 */
export type TermSpec =
  | { readonly name: string; readonly type: 'numeric' }
  | { readonly name: string; readonly type: 'categorical'; readonly levels?: readonly (string | number)[] };

/** What goes into the model matrix. */
export interface DesignSpec {
  /** Main effects, in the order of their columns. */
  readonly terms: readonly TermSpec[];
  /** An intercept column '(Intercept)' first (default true). */
  readonly intercept?: boolean;
  /** A binary outcome column (0/1 or false/true): it takes part in the complete-case rule and is returned as y. */
  readonly response?: string;
  /**
   * The product term a:b (R's `a:b` alongside the main effects a and b, which must both be
   * terms), e.g. { a: 'arm', b: 'subgroup' } for an arm × subgroup interaction test. Its
   * columns are products of a's and b's columns, a's varying fastest, named 'a:b' from the
   * column names ('armIPS:siteB'), as R orders and names them.
   */
  readonly interaction?: { readonly a: string; readonly b: string };
  /**
   * Relative tolerance of the aliasing check (default 1e-7, the tolerance of R's `qr` as used
   * by `lm`); see findAliasedColumns.
   */
  readonly aliasTolerance?: number;
  /**
   * Frequency weight of each input row (a whole number ≥ 1: the participants a row of
   * patterns stands for). Only the aliasing check uses it: columns are judged on the rows
   * repeated that often (√weight-scaled rows have the same inner products), as on the
   * participants' own rows.
   */
  readonly weights?: ArrayLike<number>;
}

/** A numeric model matrix and how it was made. */
export interface DesignMatrix {
  /** rows × columns; one row per participant used, in input order. */
  readonly X: number[][];
  /** The outcome (0/1) of the rows used, when spec.response was given; otherwise null. */
  readonly y: (0 | 1)[] | null;
  /** Column names as R's model.matrix gives them: '(Intercept)', 'age', 'siteB', 'armIPS:siteB'. */
  readonly columnNames: string[];
  /** 0-based indices of the input rows used (complete in every used column). */
  readonly rows: number[];
  /** 0-based indices of the input rows dropped because a used column is missing there. */
  readonly droppedRows: number[];
  /** Levels kept for each categorical term, reference first. */
  readonly levels: Record<string, string[]>;
  /** Levels with no complete row, dropped as R's droplevels does (no all-zero column is made for them). */
  readonly droppedLevels: Record<string, string[]>;
  /** Categorical terms left with a single level: they contribute no column (R refuses them in contrasts). */
  readonly singleLevelTerms: string[];
  /**
   * Columns left out because they are constant or a linear combination of earlier columns
   * (R reports these as NA coefficients); X never contains them, so it has full column rank.
   */
  readonly aliased: string[];
  /**
   * The model matrix of the same rows with `variable` set to `value` for everyone (the
   * interaction columns recomputed; the same columns as X). For g-computation:
   * counterfactual('arm', 'IPS') is everyone under IPS.
   */
  counterfactual(variable: string, value: CellValue): number[][];
}

/** True for the cells the complete-case rule treats as missing. */
export function isMissing(v: CellValue): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

function levelKey(v: CellValue): string {
  return typeof v === 'string' ? v : String(v);
}

function numericValue(v: CellValue, term: string): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new RangeError(`designMatrix: numeric term '${term}' has a non-numeric value (${typeof v})`);
}

/**
 * Builds the model matrix of `spec` from `columns`, as R's
 * `model.matrix(~ terms + a:b, droplevels(na.omit(data)))` with treatment contrasts:
 *
 * 1. Complete cases: a row with a missing value (see isMissing) in any used column
 *    (terms, interaction, response) is dropped; `rows` and `droppedRows` say which.
 * 2. Levels of a categorical term that no remaining row has are dropped; the first
 *    remaining level is the reference. A term left with one level gives no column and is
 *    listed in singleLevelTerms.
 * 3. Columns: intercept, the terms in order, then the interaction.
 * 4. Aliasing: columns that are constant (given the intercept) or linear combinations of
 *    earlier columns are removed and listed in `aliased` (findAliasedColumns), so that the
 *    matrix has full column rank and a fit never meets a singular information matrix from
 *    the design alone. An example: with arm × site, a site where everyone got the same arm
 *    makes that site's interaction column aliased.
 *
 * A categorical value outside the given `levels`, a non-numeric value of a numeric term and
 * a response other than 0/1 are errors.
 *
 * @example designMatrix({ y: [0, 1, 1], arm: ['TVR', 'IPS', 'IPS'] },
 *   { response: 'y', terms: [{ name: 'arm', type: 'categorical', levels: ['TVR', 'IPS'] }] })
 *   // X [[1, 0], [1, 1], [1, 1]], columnNames ['(Intercept)', 'armIPS']
 */
export function designMatrix(columns: Columns, spec: DesignSpec): DesignMatrix {
  const intercept = spec.intercept ?? true;
  const names = spec.terms.map((t) => t.name);
  if (new Set(names).size !== names.length) throw new RangeError('designMatrix: a term is listed twice');
  const used = [...names];
  if (spec.response !== undefined) used.push(spec.response);
  if (spec.interaction) {
    for (const v of [spec.interaction.a, spec.interaction.b]) {
      if (!names.includes(v)) throw new RangeError(`designMatrix: the interaction needs '${v}' as a main effect too`);
    }
    if (spec.interaction.a === spec.interaction.b) throw new RangeError('designMatrix: an interaction needs two different terms');
  }
  let nRows: number | null = null;
  for (const name of used) {
    const col = columns[name];
    if (!col) throw new RangeError(`designMatrix: no column '${name}'`);
    if (nRows !== null && col.length !== nRows) throw new RangeError('designMatrix: columns differ in length');
    nRows = col.length;
  }
  const n = nRows ?? 0;

  // 1. Complete cases
  const rows: number[] = [];
  const droppedRows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (used.some((name) => isMissing(columns[name]![i]))) droppedRows.push(i);
    else rows.push(i);
  }

  // 2. Levels
  const levels: Record<string, string[]> = {};
  const droppedLevels: Record<string, string[]> = {};
  const singleLevelTerms: string[] = [];
  for (const term of spec.terms) {
    if (term.type !== 'categorical') continue;
    const col = columns[term.name]!;
    const present = new Set(rows.map((i) => levelKey(col[i])));
    let all: string[];
    if (term.levels) {
      all = term.levels.map(String);
      if (new Set(all).size !== all.length) throw new RangeError(`designMatrix: '${term.name}' lists a level twice`);
      for (const v of present) if (!all.includes(v)) throw new RangeError(`designMatrix: '${term.name}' has a value outside its levels: '${v}'`);
    } else {
      all = [...present];
      const numeric = rows.every((i) => typeof col[i] === 'number');
      all.sort(numeric ? (x, y) => Number(x) - Number(y) : (x, y) => (x < y ? -1 : x > y ? 1 : 0));
    }
    levels[term.name] = all.filter((l) => present.has(l));
    droppedLevels[term.name] = all.filter((l) => !present.has(l));
    if (levels[term.name]!.length === 1) singleLevelTerms.push(term.name);
  }

  // 3. Columns: a row builder that can override one variable (for counterfactuals)
  const termColumnNames = (term: TermSpec): string[] =>
    term.type === 'numeric' ? [term.name] : levels[term.name]!.slice(1).map((l) => `${term.name}${l}`);
  const termByName = new Map(spec.terms.map((t) => [t.name, t]));
  const allNames: string[] = [];
  if (intercept) allNames.push('(Intercept)');
  for (const term of spec.terms) allNames.push(...termColumnNames(term));
  if (spec.interaction) {
    const an = termColumnNames(termByName.get(spec.interaction.a)!);
    const bn = termColumnNames(termByName.get(spec.interaction.b)!);
    for (const b of bn) for (const a of an) allNames.push(`${a}:${b}`);
  }

  const termValues = (term: TermSpec, v: CellValue): number[] => {
    if (term.type === 'numeric') return [numericValue(v, term.name)];
    const key = levelKey(v);
    const lv = levels[term.name]!;
    const at = lv.indexOf(key);
    if (at < 0) throw new RangeError(`designMatrix: '${term.name}' has no level '${key}' among the rows used`);
    return lv.slice(1).map((_, j) => (j + 1 === at ? 1 : 0));
  };
  const buildRow = (i: number, override?: { variable: string; value: CellValue }): number[] => {
    const value = (name: string) => (override && override.variable === name ? override.value : columns[name]![i]);
    const out: number[] = [];
    if (intercept) out.push(1);
    const byTerm = new Map<string, number[]>();
    for (const term of spec.terms) {
      const vs = termValues(term, value(term.name));
      byTerm.set(term.name, vs);
      out.push(...vs);
    }
    if (spec.interaction) {
      const av = byTerm.get(spec.interaction.a)!;
      const bv = byTerm.get(spec.interaction.b)!;
      for (const b of bv) for (const a of av) out.push(a * b);
    }
    return out;
  };

  let y: (0 | 1)[] | null = null;
  if (spec.response !== undefined) {
    const col = columns[spec.response]!;
    y = rows.map((i) => {
      const v = col[i];
      if (v === 0 || v === false) return 0;
      if (v === 1 || v === true) return 1;
      throw new RangeError(`designMatrix: the response '${spec.response}' must be 0/1 or false/true`);
    });
  }

  const full = rows.map((i) => buildRow(i));
  // 4. Aliasing
  const weights = spec.weights;
  if (weights && weights.length !== n) throw new RangeError('designMatrix: weights must have one entry per row');
  const judged = weights ? full.map((r, m) => r.map((v) => v * Math.sqrt(weights[rows[m]!]!))) : full;
  const aliasedIdx = findAliasedColumns(judged, allNames.length, spec.aliasTolerance ?? 1e-7);
  const keep = allNames.map((_, j) => j).filter((j) => !aliasedIdx.includes(j));
  const select = (m: number[][]) => m.map((r) => keep.map((j) => r[j]!));

  return {
    X: select(full),
    y,
    columnNames: keep.map((j) => allNames[j]!),
    rows,
    droppedRows,
    levels,
    droppedLevels,
    singleLevelTerms,
    aliased: aliasedIdx.map((j) => allNames[j]!),
    counterfactual(variable: string, value: CellValue): number[][] {
      if (!termByName.has(variable)) throw new RangeError(`counterfactual: '${variable}' is not a term`);
      if (isMissing(value)) throw new RangeError('counterfactual: the value must not be missing');
      return select(rows.map((i) => buildRow(i, { variable, value })));
    },
  };
}

/**
 * Indices (0-based) of the columns of `x` (rows × `k` columns) that are linear combinations
 * of earlier columns, in the way R's QR (LINPACK dqrdc2, used by lm and glm) finds them: the
 * columns are taken in order and each is orthogonalized against the columns kept so far
 * (modified Gram–Schmidt); when what remains has norm ≤ `tol` × the column's own norm, the
 * column is aliased and left out. An all-zero column is always aliased. Earlier columns win,
 * so which column of a dependent set is reported depends on the order, as in R.
 */
export function findAliasedColumns(x: readonly (readonly number[])[], k: number, tol = 1e-7): number[] {
  const n = x.length;
  const kept: Float64Array[] = []; // orthonormal basis of the kept columns
  const aliased: number[] = [];
  for (let j = 0; j < k; j++) {
    const v = new Float64Array(n);
    let norm0 = 0;
    for (let i = 0; i < n; i++) {
      v[i] = x[i]![j]!;
      norm0 += v[i]! * v[i]!;
    }
    norm0 = Math.sqrt(norm0);
    if (norm0 === 0) {
      aliased.push(j);
      continue;
    }
    for (let pass = 0; pass < 2; pass++) {
      // two passes: re-orthogonalization keeps the residual accurate (Giraud et al. 2005)
      for (const q of kept) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i]! * v[i]!;
        for (let i = 0; i < n; i++) v[i] = v[i]! - dot * q[i]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    if (norm <= tol * norm0) {
      aliased.push(j);
      continue;
    }
    for (let i = 0; i < n; i++) v[i] = v[i]! / norm;
    kept.push(v);
  }
  return aliased;
}
