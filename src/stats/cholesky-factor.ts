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
