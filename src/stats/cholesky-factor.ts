/**
 * Cholesky factorization A = L Lᵀ of a symmetric positive definite matrix, and what it
 * gives: solutions of A x = b, A⁻¹ and log det A. Used by the logistic regression fits
 * for the information matrix XᵀWX (k × k, k the number of coefficients).
 */

/** Lower-triangular factor L of A = L Lᵀ (rows of L; entries above the diagonal are 0). */
export type CholeskyFactor = number[][];

/**
 * The Cholesky factor of the symmetric matrix `a` (only its lower triangle is read), or
 * null when a pivot is not above `relTol` × the largest diagonal entry: A is then singular,
 * indefinite, or too close to singular for its inverse to mean anything. The test is
 * relative because rounding in A's entries is relative to their size. Golub & Van Loan,
 * Matrix Computations, 4th ed., Algorithm 4.2.1.
 *
 * @example choleskyFactor([[4, 2], [2, 3]]) // [[2, 0], [1, 1.414…]]
 */
export function choleskyFactor(a: readonly (readonly number[])[], relTol = 1e-12): CholeskyFactor | null {
  const k = a.length;
  let maxDiag = 0;
  for (let i = 0; i < k; i++) maxDiag = Math.max(maxDiag, a[i]![i]!);
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const lj = l[j]!;
    let pivot = a[j]![j]!;
    for (let m = 0; m < j; m++) pivot -= lj[m]! * lj[m]!;
    if (!(pivot > relTol * maxDiag)) return null;
    const d = Math.sqrt(pivot);
    lj[j] = d;
    for (let i = j + 1; i < k; i++) {
      const li = l[i]!;
      let s = a[i]![j]!;
      for (let m = 0; m < j; m++) s -= li[m]! * lj[m]!;
      li[j] = s / d;
    }
  }
  return l;
}

/** Solves A x = b given A's Cholesky factor L (forward then back substitution). */
export function choleskySolve(l: CholeskyFactor, b: readonly number[]): number[] {
  const k = l.length;
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    const li = l[i]!;
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= li[m]! * z[m]!;
    z[i] = s / li[i]!;
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let m = i + 1; m < k; m++) s -= l[m]![i]! * x[m]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** A⁻¹ from A's Cholesky factor (as R's chol2inv), symmetric by construction. */
export function choleskyInverse(l: CholeskyFactor): number[][] {
  const k = l.length;
  // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    inv[j]![j] = 1 / l[j]![j]!;
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let m = j; m < i; m++) s -= l[i]![m]! * inv[m]![j]!;
      inv[i]![j] = s / l[i]![i]!;
    }
  }
  const out: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < k; m++) s += inv[m]![i]! * inv[m]![j]!;
      out[i]![j] = s;
      out[j]![i] = s;
    }
  }
  return out;
}

/** log det A = 2 Σ log L_ii. */
export function choleskyLogDet(l: CholeskyFactor): number {
  let s = 0;
  for (let i = 0; i < l.length; i++) s += Math.log(l[i]![i]!);
  return 2 * s;
}

/**
 * choleskyFactor on flat storage, for loops that refactor many small matrices: `a` and `l`
 * are k × k, row-major (entry (i, j) at i·k + j). Reads the lower triangle of `a`, writes
 * the lower triangle of `l` (the strict upper triangle of `l` is left as it is and never
 * read by choleskySolveFlat). Same operations in the same order as choleskyFactor, so the
 * same bits. False when choleskyFactor would return null.
 */
export function choleskyFactorFlat(a: Float64Array, k: number, l: Float64Array, relTol = 1e-12): boolean {
  let maxDiag = 0;
  for (let i = 0; i < k; i++) maxDiag = Math.max(maxDiag, a[i * k + i]!);
  for (let j = 0; j < k; j++) {
    const rj = j * k;
    let pivot = a[rj + j]!;
    for (let m = 0; m < j; m++) pivot -= l[rj + m]! * l[rj + m]!;
    if (!(pivot > relTol * maxDiag)) return false;
    const d = Math.sqrt(pivot);
    l[rj + j] = d;
    for (let i = j + 1; i < k; i++) {
      const ri = i * k;
      let s = a[ri + j]!;
      for (let m = 0; m < j; m++) s -= l[ri + m]! * l[rj + m]!;
      l[ri + j] = s / d;
    }
  }
  return true;
}

/**
 * choleskySolve on flat storage: x = A⁻¹b from the factor `l` of choleskyFactorFlat (k × k,
 * row-major); `work` holds k numbers of scratch. Same operations in the same order as
 * choleskySolve. `x` must not be `b` or `work`.
 */
export function choleskySolveFlat(l: Float64Array, k: number, b: Float64Array, x: Float64Array, work: Float64Array): void {
  for (let i = 0; i < k; i++) {
    const ri = i * k;
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= l[ri + m]! * work[m]!;
    work[i] = s / l[ri + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = work[i]!;
    for (let m = i + 1; m < k; m++) s -= l[m * k + i]! * x[m]!;
    x[i] = s / l[i * k + i]!;
  }
}

/** The rows (number[][]) of a flat k × k factor, lower triangle, zeros above: choleskyFactor's form. */
export function choleskyFactorRows(l: Float64Array, k: number): CholeskyFactor {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (j <= i ? l[i * k + j]! : 0)));
}

/**
 * choleskyInverse on flat storage: A⁻¹ (full, symmetric) into `out` from the factor `l` of
 * choleskyFactorFlat (k × k, row-major), `work` k × k of scratch. Same operations in the
 * same order as choleskyInverse.
 */
export function choleskyInverseFlat(l: Float64Array, k: number, out: Float64Array, work: Float64Array): void {
  // work: L⁻¹ (lower triangle) by forward substitution
  for (let j = 0; j < k; j++) {
    work[j * k + j] = 1 / l[j * k + j]!;
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let m = j; m < i; m++) s -= l[i * k + m]! * work[m * k + j]!;
      work[i * k + j] = s / l[i * k + i]!;
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < k; m++) s += work[m * k + i]! * work[m * k + j]!;
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
}

/** choleskyLogDet of a flat factor: 2 Σ log L_ii. */
export function choleskyLogDetFlat(l: Float64Array, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log(l[i * k + i]!);
  return 2 * s;
}
