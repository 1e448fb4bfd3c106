/**
 * Centred cross-products of model columns, gathered in one pass over the rows, and what they
 * give without the rows again: R's aliasing decision (which columns are combinations of
 * earlier ones). Where a QR of the whole n × p matrix would be repeated many times
 * (multiple imputation, registry-scale trials), one pass costs n·p²/2 multiply-adds and
 * everything after it is p × p.
 *
 * Every design here has an intercept, which is implicit: the k columns are the others. Rows
 * are added as deviations from a fixed shift per column (any value near the column's mean),
 * and the cross-products are then taken about the column means ("centred"), so a column far
 * from 0 (an age, a score of 50) costs no digits to cancellation, and the normal equations
 * have the conditioning of the centred columns rather than its square with the intercept's.
 */

/** Running sums over rows of d = x − shift, k columns (the intercept not counted). */
export interface ShiftedSums {
  k: number;
  n: number;
  /** The shift of each column (raw units). */
  shift: Float64Array;
  /** Σ d_j. */
  sum: Float64Array;
  /** Σ d_i d_j, k × k row-major; only the lower triangle (j ≤ i) is kept up to date. */
  cross: Float64Array;
  /**
   * Σ x_j², the raw squared lengths, gathered as such (from d + shift): from the other sums
   * they would come by cancellation, and a column that is all 0 on these rows (a level
   * nobody here has) must come out exactly 0 for the aliasing rule.
   */
  squares: Float64Array;
}

/** Cross-products of k columns (the intercept implicit) about their means. */
export interface CrossProducts {
  n: number;
  k: number;
  /** Column means. */
  mean: Float64Array;
  /** Σ x_j², the raw squared length of each column (R's aliasing tolerance is relative to it). */
  squares: Float64Array;
  /** Σ (x_i − x̄_i)(x_j − x̄_j), k × k row-major, symmetric. */
  centred: Float64Array;
}

/** Empty sums for columns with the given shifts. */
export function shiftedSums(shift: ArrayLike<number>): ShiftedSums {
  const k = shift.length;
  return { k, n: 0, shift: Float64Array.from(shift), sum: new Float64Array(k), cross: new Float64Array(k * k), squares: new Float64Array(k) };
}

/** Adds one row given as deviations d = x − shift (length k). */
export function addShiftedRow(s: ShiftedSums, d: ArrayLike<number>): void {
  const { k, sum, cross, squares, shift } = s;
  s.n++;
  for (let i = 0; i < k; i++) {
    const di = d[i]!;
    sum[i]! += di;
    squares[i]! += (di + shift[i]!) ** 2;
    const row = i * k;
    for (let j = 0; j <= i; j++) cross[row + j]! += di * d[j]!;
  }
}

/**
 * Sums over the rows of a row-major n × k matrix `d` of deviations (x − s.shift), all rows or
 * the rows listed in `rows`.
 */
export function addShiftedRows(s: ShiftedSums, d: Float64Array, rows?: ArrayLike<number>): void {
  const { k, sum, cross, squares, shift } = s;
  const count = rows ? rows.length : d.length / k;
  for (let r = 0; r < count; r++) {
    const base = (rows ? rows[r]! : r) * k;
    for (let i = 0; i < k; i++) {
      const di = d[base + i]!;
      sum[i]! += di;
      squares[i]! += (di + shift[i]!) ** 2;
      const row = i * k;
      for (let j = 0; j <= i; j++) cross[row + j]! += di * d[base + j]!;
    }
  }
  s.n += count;
}

/** The centred cross-products, means and raw squared lengths from running sums. */
export function crossProducts(s: ShiftedSums): CrossProducts {
  const { k, n, shift, sum, cross } = s;
  const mean = new Float64Array(k);
  const squares = new Float64Array(k);
  const centred = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    mean[i] = shift[i]! + (n > 0 ? sum[i]! / n : 0);
    squares[i] = s.squares[i]!;
    for (let j = 0; j <= i; j++) {
      const c = n > 0 ? cross[i * k + j]! - (sum[i]! * sum[j]!) / n : 0;
      centred[i * k + j] = c;
      centred[j * k + i] = c;
    }
  }
  return { n, k, mean, squares, centred };
}

/**
 * The columns (of `columns`, taken in that order after the implicit intercept) that R's QR
 * would leave out as aliased, as findAliasedColumns does on the rows themselves: a column
 * whose part orthogonal to the intercept and the columns kept before it has length ≤ `tol`
 * × its own length (R's lm tolerance 1e-7), or that is all zero. The orthogonal part's
 * squared length is the pivot of a Cholesky factorization of the centred cross-products,
 * so the test reads pivot ≤ tol² · Σ x_j². Decisions agree with a QR of the rows except
 * for columns within rounding of the tolerance itself.
 *
 * @returns Positions in `columns` (not column numbers) of the aliased columns, ascending.
 */
export function aliasedColumns(cp: CrossProducts, columns: readonly number[], tol = 1e-7): number[] {
  const m = columns.length;
  const kept: number[] = [];
  // l holds the factor's rows for kept columns, by position in `kept`.
  const l = new Float64Array(m * m);
  const aliased: number[] = [];
  const row = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const j = columns[a]!;
    const raw = cp.squares[j]!;
    if (!(raw > 0) || cp.n === 0) {
      aliased.push(a);
      continue;
    }
    let pivot = cp.centred[j * cp.k + j]!;
    for (let b = 0; b < kept.length; b++) {
      const i = columns[kept[b]!]!;
      let s = cp.centred[j * cp.k + i]!;
      for (let t = 0; t < b; t++) s -= row[t]! * l[b * m + t]!;
      const v = s / l[b * m + b]!;
      row[b] = v;
      pivot -= v * v;
    }
    if (!(pivot > tol * tol * raw)) {
      aliased.push(a);
      continue;
    }
    const b = kept.length;
    for (let t = 0; t < b; t++) l[b * m + t] = row[t]!;
    l[b * m + b] = Math.sqrt(pivot);
    kept.push(a);
  }
  return aliased;
}
